package io.casedesk.security.process;

import java.util.Map;
import java.util.Set;

/**
 * What a process of casedesk lets people send into it and which of its data are the customer's, declared by the
 * process's own glue (its names class) and enforced here: a user completes a task with its answer fields only,
 * starts a process with its start form's fields only, and history keeps no customer details.
 */
public interface ModelContract {

    /** User task definition key → the fields its form lets a person answer. */
    Map<String, Set<String>> taskAnswers();

    /** Process key → the fields of its start form; a process missing here cannot be started by a person. */
    default Map<String, Set<String>> startForms() {
        return Map.of();
    }

    /** Variables that hold the customer's details or words; history never records them. */
    default Set<String> personalVariables() {
        return Set.of();
    }

    /**
     * A task's name as history may keep it: without the customer's words when the process names its tasks with them
     * (a case's subject); a name of another process passes unchanged.
     */
    default String historicTaskName(String name) {
        return name;
    }

    /** Ids of decision input clauses that read the customer's words; history keeps their values masked. */
    default Set<String> personalDecisionInputs() {
        return Set.of();
    }
}
