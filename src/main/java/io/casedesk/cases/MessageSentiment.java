package io.casedesk.cases;

/**
 * How a customer's words sound, as a compound score in [-1, 1]: implemented by intake, which scores the opening
 * message at triage, so every later message is scored the same way without cases depending on intake.
 */
public interface MessageSentiment {

    double score(String text);
}
