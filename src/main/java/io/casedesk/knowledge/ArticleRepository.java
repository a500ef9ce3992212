package io.casedesk.knowledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The owner of kb_article. */
@Repository
class ArticleRepository {

    private final JdbcClient jdbc;

    ArticleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String slug, ArticleDraft draft, Long ticketId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO kb_article (slug, title, body, tags, prevention_ticket_id, created_at, updated_at)
                VALUES (:slug, :title, :body, :tags, :ticket, :now, :now)""")
                .param("slug", slug)
                .param("title", draft.title())
                .param("body", draft.body())
                .param("tags", String.join(",", draft.tags()))
                .param("ticket", ticketId)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, ArticleDraft draft, Instant now) {
        jdbc.sql("UPDATE kb_article SET title = :title, body = :body, tags = :tags, updated_at = :now WHERE id = :id")
                .param("title", draft.title())
                .param("body", draft.body())
                .param("tags", String.join(",", draft.tags()))
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    Optional<Article> byId(long id) {
        return one("id = :key", id);
    }

    Optional<Article> bySlug(String slug) {
        return one("slug = :key", slug);
    }

    /** The article a prevention ticket wrote before (the newest, should there be more). */
    Optional<Article> byTicket(long ticketId) {
        return jdbc.sql("SELECT * FROM kb_article WHERE prevention_ticket_id = :t ORDER BY id DESC LIMIT 1")
                .param("t", ticketId)
                .query(this::row)
                .optional();
    }

    List<Article> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM kb_article WHERE id IN (:ids)")
                .param("ids", ids)
                .query(this::row)
                .list();
    }

    List<Article> latest(int limit) {
        return jdbc.sql("SELECT * FROM kb_article ORDER BY updated_at DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    /** Articles changed at or after {@code since}, oldest change first. */
    List<Article> changedSince(Instant since) {
        return jdbc.sql("SELECT * FROM kb_article WHERE updated_at >= :since ORDER BY updated_at, id")
                .param("since", Timestamp.from(since))
                .query(this::row)
                .list();
    }

    private Optional<Article> one(String where, Object key) {
        return jdbc.sql("SELECT * FROM kb_article WHERE " + where)
                .param("key", key)
                .query(this::row)
                .optional();
    }

    private Article row(ResultSet rs, int n) throws SQLException {
        String tags = rs.getString("tags");
        return new Article(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("body"),
                tags == null || tags.isBlank() ? List.of() : Arrays.asList(tags.split(",")),
                rs.getObject("prevention_ticket_id", Long.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
