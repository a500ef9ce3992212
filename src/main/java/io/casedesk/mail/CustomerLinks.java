package io.casedesk.mail;

import java.util.List;

/** Makes the single-use links a mail carries (implemented by the customer pages). */
public interface CustomerLinks {

    /** Link to the confirm / still-broken page of the case. */
    String resolutionLink(long caseId);

    /** Link to the survey page, optionally preselecting a score. */
    String surveyLink(long caseId);

    /**
     * The survey page and its five one-click score links, all on one new token (so they go in one mail: a later
     * call retires the links of an earlier one). A score link records the score when opened, then offers a comment.
     */
    SurveyLinks surveyLinks(long caseId);

    /** {@code scores.get(0)} records a 1, {@code scores.get(4)} a 5. */
    record SurveyLinks(String page, List<String> scores) {

        public SurveyLinks {
            scores = List.copyOf(scores);
        }

        public String score(int score) {
            return scores.get(score - 1);
        }
    }
}
