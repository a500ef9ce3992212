package io.casedesk.knowledge;

import java.time.Instant;
import java.util.List;

/** A knowledge-base article. Customers read it at its public page, {@code /kb/{slug}} (or by id, KB-12). */
public record Article(
        long id,
        String slug,
        String title,
        String body,
        List<String> tags,
        Long preventionTicketId,
        Instant createdAt,
        Instant updatedAt) {

    static final String ID_PREFIX = "KB-";

    /** The id clients see (API, suggested replies' sources): KB-12. */
    public String publicId() {
        return ID_PREFIX + id;
    }
}
