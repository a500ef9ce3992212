package io.casedesk.intake;

import io.casedesk.cases.SupportCase;

/** Starts the support-case flow for a stored case (implemented by the engine glue). */
public interface CaseProcessStarter {

    /** Starts the flow, which triages the case before it returns; gives the process instance id. */
    String start(SupportCase supportCase, TriageInput input);
}
