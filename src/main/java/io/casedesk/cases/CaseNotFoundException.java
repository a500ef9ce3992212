package io.casedesk.cases;

public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String reference) {
        super("No case " + reference);
    }
}
