package io.casedesk.cases;

/**
 * The customer answered a resolution: fixed (the confirm link) or not (the "still broken" link, or a message on
 * the resolved case).
 */
public record ResolutionAnswered(String reference, boolean fixed) {}
