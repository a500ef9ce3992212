package io.casedesk.cases.process;

import static io.casedesk.cases.process.SupportCaseProcess.*;

import io.casedesk.cases.CaseService;
import io.casedesk.cases.process.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the agent's answer; a reply is the first response if none was given before. */
@Component("recordAgentWork")
class RecordAgentWorkDelegate implements JavaDelegate {

    private final CaseService cases;

    RecordAgentWorkDelegate(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = string(execution, Vars.OUTCOME);
        String reply = string(execution, Vars.REPLY);
        boolean hasReply = reply != null && !reply.isBlank();
        cases.recordAgentReply(caseReference(execution), string(execution, Vars.LAST_AGENT), outcome, reply);
        execution.setVariable(Vars.HAS_REPLY, hasReply);
        if (hasReply) {
            execution.setVariable(Vars.RESPONDED, true);
        }
        if ("escalate".equals(outcome)) {
            execution.setVariable(Vars.ESCALATION_TRIGGER, "agent");
        }
    }
}
