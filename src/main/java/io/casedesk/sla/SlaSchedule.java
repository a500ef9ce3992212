package io.casedesk.sla;

import java.time.Duration;
import java.time.Instant;

/** When a case's SLA clock started, in which calendar, and when each target is due and warned about. */
public record SlaSchedule(Instant startedAt, String calendar, Deadline response, Deadline resolution) {

    /** One target: its working time, its due instant and the instants of its first and final warnings. */
    public record Deadline(Duration target, Instant dueAt, Instant firstWarningAt, Instant finalWarningAt) {}
}
