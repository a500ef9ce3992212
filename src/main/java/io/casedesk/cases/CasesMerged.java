package io.casedesk.cases;

/**
 * A case was merged into another, published synchronously in the merge's transaction: its flow ends, its customer
 * links move and its customer is told, each by the feature that owns them.
 */
public record CasesMerged(
        String reference, long caseId, String processInstanceId, String into, long intoCaseId, String by) {}
