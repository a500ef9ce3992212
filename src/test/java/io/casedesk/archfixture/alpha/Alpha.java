package io.casedesk.archfixture.alpha;

import io.casedesk.archfixture.beta.Beta;
import io.casedesk.archfixture.supportcase.Flow;

/**
 * Breaks the walls on purpose (ArchitectureTest): a cycle with beta, org.camunda in a feature, a call up into the flow,
 * SQL on a table another module owns.
 */
public class Alpha {

    public String reportByItself() {
        return """
                SELECT priority, COUNT(*) FROM support_case GROUP BY priority""";
    }

    public Beta beta() {
        return new Beta();
    }

    public org.camunda.bpm.engine.RuntimeService engine() {
        return null;
    }

    public void callUp() {
        new Flow().drive();
    }
}
