package io.casedesk.outreach;

/** The two mails of an outreach: the announcement when ops confirm the incident, the follow-up when it is over. */
public enum OutreachKind {
    ANNOUNCEMENT,
    FOLLOW_UP
}
