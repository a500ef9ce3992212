package io.casedesk.security.process;

import java.util.List;

/** The Camunda groups of DESIGN.md. */
final class Groups {

    static final String TIER1 = "tier1";
    static final String TIER2 = "tier2";
    static final String SPECIALISTS = "specialists";
    static final String MANAGERS = "managers";
    static final String OPS = "ops";
    static final String KNOWLEDGE = "knowledge";
    static final String INTEGRATIONS = "integrations";
    static final String PROCESS_OWNERS = "process-owners";
    static final String ADMIN = "camunda-admin";

    static final List<String> AGENTS = List.of(TIER1, TIER2, SPECIALISTS);
    /** Everyone who works tasks in Tasklist. */
    static final List<String> TASK_WORKERS = List.of(TIER1, TIER2, SPECIALISTS, MANAGERS, OPS, KNOWLEDGE);

    static final List<String> ALL =
            List.of(TIER1, TIER2, SPECIALISTS, MANAGERS, OPS, KNOWLEDGE, INTEGRATIONS, PROCESS_OWNERS);

    private Groups() {}
}
