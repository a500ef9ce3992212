package io.casedesk.prevention;

/** Starts the prevention-ticket flow for a stored ticket (implemented by the engine glue). */
public interface PreventionTicketStarter {

    String start(long ticketId, String tag);
}
