package io.casedesk.trends;

/** No trend incident has that id. */
public class IncidentNotFoundException extends RuntimeException {

    public IncidentNotFoundException(long id) {
        super("No trend incident " + id);
    }
}
