package io.casedesk.cases;

import java.time.Instant;

/** One line of a case's timeline. */
public record CaseEvent(Instant at, CaseEventType type, String detail) {}
