package io.casedesk.system;

import java.time.Instant;

/**
 * A feature's purge of its own rows that are past their retention (each feature owns its tables and its retention
 * setting). {@link Housekeeping} runs every purge on every node, so a purge must delete only rows past their
 * retention and find nothing to do when another node was first.
 */
public interface Purge {

    /** What it purges, for the log: "idempotency keys". */
    String what();

    /** Deletes the rows past their retention at {@code now}, in bounded batches; gives how many. */
    int purge(Instant now);
}
