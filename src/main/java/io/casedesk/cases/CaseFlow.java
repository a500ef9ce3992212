package io.casedesk.cases;

/** Moves a case's flow when the customer answers (implemented by the engine glue). */
public interface CaseFlow {

    /** The customer replied to a request for information; false when the case was not waiting for that. */
    boolean customerReplied(String reference);

    /** The customer answered the resolution mail; false when the case was not waiting for that. */
    boolean resolutionAnswered(String reference, boolean fixed);

    /** The customer answered the survey; false when the case was not waiting for that. */
    boolean surveyAnswered(String reference, int score);

    /** The customer added a comment to their score: a manager recovering the customer sees it on the open task. */
    void surveyCommented(String reference, String comment);
}
