package io.casedesk.cases;

/**
 * A customer message was scored: {@code sentimentDrop} is how far it scores below the case's opening message (the
 * sentiment at triage), 0 when it scores as well or better. The escalation table weighs it. Published synchronously,
 * in the transaction that recorded the message.
 */
public record CustomerSentimentChanged(String reference, double score, double sentimentDrop) {

    /** The drop from the opening score to this one; never negative. */
    public static double drop(double opening, double latest) {
        return Math.max(0, opening - latest);
    }
}
