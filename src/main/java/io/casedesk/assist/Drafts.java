package io.casedesk.assist;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The owner of assist_draft: the suggested reply last offered on each case's task. */
@Repository
class Drafts {

    private final JdbcClient jdbc;

    Drafts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void offered(String reference, SuggestedReply draft, Instant at) {
        jdbc.sql("DELETE FROM assist_draft WHERE case_reference = :reference")
                .param("reference", reference)
                .update();
        jdbc.sql("""
                INSERT INTO assist_draft (case_reference, draft, sources, offered_at)
                VALUES (:reference, :draft, :sources, :at)""")
                .param("reference", reference)
                .param("draft", draft.text())
                .param("sources", String.join(",", draft.sources()))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The draft offered on the case, which a reply then used up: a second reply has none. */
    Optional<String> take(String reference) {
        Optional<String> draft = jdbc.sql("SELECT draft FROM assist_draft WHERE case_reference = :reference")
                .param("reference", reference)
                .query(String.class)
                .optional();
        draft.ifPresent(d -> jdbc.sql("DELETE FROM assist_draft WHERE case_reference = :reference")
                .param("reference", reference)
                .update());
        return draft;
    }
}
