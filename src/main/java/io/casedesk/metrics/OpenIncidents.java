package io.casedesk.metrics;

import java.time.Instant;
import java.util.List;

/**
 * The open trend incidents the dashboard lists. The trends feature provides them (a bean of this type, e.g. over
 * GET /api/trends' incidents); until one exists the dashboard says that trend detection is not installed, so it
 * depends on no feature that is not there yet (README, "Dashboard").
 */
public interface OpenIncidents {

    /** An open incident: its kind (tag, category or sentiment), the tag or category, when seen, and its cases. */
    record Incident(String kind, String key, Instant detectedAt, long cases) {}

    /** The incidents not yet over, newest first. */
    List<Incident> open();
}
