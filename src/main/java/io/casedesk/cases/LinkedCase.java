package io.casedesk.cases;

/** A case linked to a trend incident, and whom to tell about it. */
public record LinkedCase(String reference, String customerEmail) {}
