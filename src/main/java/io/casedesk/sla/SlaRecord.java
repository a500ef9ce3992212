package io.casedesk.sla;

import java.time.Duration;
import java.time.Instant;

/** The SLA of one case and target: what was promised, the time paused, and how it ended. */
public record SlaRecord(
        SlaTarget target,
        Duration promised,
        String calendar,
        Instant dueAt,
        Duration paused,
        Outcome outcome,
        Duration late) {

    public enum Outcome {
        RUNNING,
        MET,
        BREACHED
    }
}
