package io.casedesk.assist;

/** A resolved case like the one an agent works: what fixed it, how the customer rated it, how alike (BM25). */
public record SimilarCase(String reference, String subject, String resolution, Integer csat, double score) {}
