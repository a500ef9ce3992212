package io.casedesk.mail;

/** Makes the single-use links a mail carries (implemented by the customer pages). */
public interface CustomerLinks {

    /** Link to the confirm / still-broken page of the case. */
    String resolutionLink(long caseId);

    /** Link to the survey page, optionally preselecting a score. */
    String surveyLink(long caseId);
}
