package io.casedesk.trends;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Synthetic case histories written straight into the cases' tables, at the times a test chooses. */
final class TrendHistory {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final JdbcClient jdbc;

    TrendHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A case opened at the instant, with an opening message of that sentiment; returns its reference. */
    String openCase(Instant at, String tag, String category, double sentiment, String status) {
        int n = SEQUENCE.incrementAndGet();
        String reference = "TRD-%06d".formatted(n);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO support_case (reference, status, channel, customer_email, customer_name, customer_tier,
                    subject, description, severity_given, sentiment, latest_sentiment, worst_sentiment, category,
                    created_at)
                VALUES (:reference, :status, 'email', :email, :name, 'standard', :subject, :description, FALSE,
                    :sentiment, :sentiment, :sentiment, :category, :at)""")
                .param("reference", reference)
                .param("status", status)
                .param("email", "customer" + n + "@trends.example")
                .param("name", "Customer " + n)
                .param("subject", "Problem " + n)
                .param("description", "Opening message " + n)
                .param("sentiment", sentiment)
                .param("category", category)
                .param("at", Timestamp.from(at))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (tag != null) {
            jdbc.sql("INSERT INTO case_tag (case_id, tag) VALUES (:id, :tag)")
                    .param("id", id)
                    .param("tag", tag)
                    .update();
        }
        return reference;
    }

    String openCase(Instant at, String tag, String category) {
        return openCase(at, tag, category, 0.2, "open");
    }

    /** {@code count} cases spread evenly over [from, to). */
    void spread(int count, Instant from, Instant to, String tag, String category) {
        Duration step = Duration.between(from, to).dividedBy(count);
        for (int i = 0; i < count; i++) {
            openCase(from.plus(step.multipliedBy(i)), tag, category);
        }
    }

    /** A later customer message on the case, scored. */
    void message(String reference, Instant at, String text, double sentiment) {
        jdbc.sql("""
                INSERT INTO case_event (case_id, at, type, detail, sentiment)
                SELECT id, :at, 'customer-message', :text, :sentiment FROM support_case WHERE reference = :reference""")
                .param("at", Timestamp.from(at))
                .param("text", text)
                .param("sentiment", sentiment)
                .param("reference", reference)
                .update();
    }
}
