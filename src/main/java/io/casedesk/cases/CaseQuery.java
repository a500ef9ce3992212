package io.casedesk.cases;

/** Filters of GET /api/cases; null means "any". */
public record CaseQuery(
        CaseStatus status, String priority, String tag, String customer, String openedBy, int page, int size) {}
