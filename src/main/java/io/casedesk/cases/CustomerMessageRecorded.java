package io.casedesk.cases;

/**
 * The customer wrote while an agent may be working the case (it neither resumed nor reopened it): whoever shows the
 * case on an open task refreshes what it shows. Published synchronously, in the transaction that recorded it.
 */
public record CustomerMessageRecorded(String reference) {}
