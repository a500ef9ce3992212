package io.casedesk.prevention;

/** Starts the prevention-ticket flow for a stored ticket and keeps its task current (implemented by the engine glue). */
public interface PreventionTicketStarter {

    String start(long ticketId, String tag);

    /** Another case joined the ticket of this flow: its open task shows the linked cases as they are now. */
    void linkedCasesChanged(String processInstanceId, String linkedCases);
}
