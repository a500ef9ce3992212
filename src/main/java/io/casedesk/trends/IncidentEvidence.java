package io.casedesk.trends;

import java.time.Instant;
import java.util.List;

/**
 * What ops see before they confirm or dismiss an incident: the matching cases of its window (and those linked to
 * it), their customers, when it began and the latest case, some customer messages, and the sentiment hour by hour
 * over the window and the day before it.
 */
public record IncidentEvidence(
        TrendIncident incident,
        List<EvidenceCase> cases,
        List<Customer> customers,
        Instant first,
        Instant latest,
        List<SampleMessage> samples,
        List<SentimentPoint> sentimentCurve) {

    public record EvidenceCase(
            String reference,
            String subject,
            String customerEmail,
            String customerName,
            Instant createdAt,
            String status,
            double sentiment) {}

    public record Customer(String email, String name) {}

    /** A customer's message (the opening one or a later one) with its sentiment score. */
    public record SampleMessage(String reference, Instant at, String text, double sentiment) {}

    /** One hour: how many customer messages, how many of them negative, their average sentiment (0 when none). */
    public record SentimentPoint(Instant hour, int messages, int negative, double averageSentiment) {}
}
