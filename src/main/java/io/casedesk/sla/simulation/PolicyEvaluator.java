package io.casedesk.sla.simulation;

import java.util.List;
import java.util.Map;

/**
 * The port to the DMN engine for the what-if simulation: parse a candidate table or load the deployed one, and
 * evaluate it standalone — nothing is deployed and no decision history is written.
 */
public interface PolicyEvaluator {

    String CASE_PRIORITY = "case-priority";
    String SLA_TARGETS = "sla-targets";

    /**
     * The decision {@code decisionKey} of an uploaded file.
     *
     * @throws InvalidPolicyException when the file does not parse, holds no such decision, or lacks an output
     */
    Policy candidate(String decisionKey, List<String> requiredOutputs, CandidateFile file);

    /** The latest deployed version of the decision, as the next case would use it. */
    Policy deployed(String decisionKey, List<String> requiredOutputs);

    /** One parsed decision. The variables are values, never expressions. */
    interface Policy {

        PolicyVersion version();

        /**
         * The one result the process reads ({@code getSingleResult()}) for these variables.
         *
         * @throws PolicyEvaluationException when no rule or more than one result matches, or evaluation fails
         */
        Map<String, Object> decide(Map<String, Object> variables);
    }

    /** A table could not decide for one set of inputs; the same inputs would make a running case fail. */
    class PolicyEvaluationException extends RuntimeException {
        public PolicyEvaluationException(String message) {
            super(message);
        }
    }
}
