package io.casedesk.intake.process;

import io.casedesk.cases.Channel;
import io.casedesk.cases.NewCase;
import io.casedesk.cases.process.SupportCaseProcess;
import io.casedesk.cases.process.SupportCaseProcess.Vars;
import io.casedesk.intake.IntakeService;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A case started from Tasklist's start form (an agent on the phone) has no case yet: store it here, make its
 * reference the business key, and move the customer's words off the process into the case.
 * Cases opened through the API arrive with their reference and pass straight through.
 */
@Component("registerCase")
class RegisterCaseDelegate implements JavaDelegate {

    private static final List<String> FORM_FIELDS = List.of("customerEmail", "customerName", "subject",
            "description", "orderId");

    private final IntakeService intake;

    RegisterCaseDelegate(IntakeService intake) {
        this.intake = intake;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.hasVariable(Vars.CASE_REFERENCE)) {
            return;
        }
        String email = required(execution, "customerEmail").toLowerCase(Locale.ROOT);
        String tier = blankToNull(SupportCaseProcess.string(execution, Vars.CUSTOMER_TIER));
        String severity = blankToNull(SupportCaseProcess.string(execution, Vars.SEVERITY));
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        var opened = intake.openFromStartForm(new NewCase(Channel.PHONE, email,
                blankToNull(SupportCaseProcess.string(execution, "customerName")), tier == null ? "standard" : tier,
                required(execution, "subject"), required(execution, "description"),
                blankToNull(SupportCaseProcess.string(execution, "orderId")), severity, List.of(), 0.0,
                authentication == null ? null : authentication.getUserId()));
        var c = opened.supportCase();
        execution.setProcessBusinessKey(c.reference());
        execution.removeVariables(FORM_FIELDS);
        execution.setVariables(SupportCaseStarter.triageVariables(c, opened.triageInput()));
        intake.attachProcess(c.reference(), execution.getProcessInstanceId());
    }

    private static String required(DelegateExecution execution, String name) {
        String value = blankToNull(SupportCaseProcess.string(execution, name));
        if (value == null) {
            throw new BadUserRequestException(name + " is required");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
