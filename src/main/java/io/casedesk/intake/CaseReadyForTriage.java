package io.casedesk.intake;

import io.casedesk.cases.SupportCase;

/**
 * A case was stored and waits for its flow, which triages it. Published synchronously inside the transaction that
 * stored the case; the listener starts the flow and attaches it to the case ({@link IntakeService#attachProcess}).
 */
public record CaseReadyForTriage(SupportCase supportCase, TriageInput triageInput) {}
