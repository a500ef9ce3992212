package io.casedesk.supportcase;

import io.casedesk.cases.Channel;
import io.casedesk.cases.NewCase;
import io.casedesk.intake.IntakeService;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * A case started from Tasklist's start form (an agent on the phone) has no case yet: store it here, make its
 * reference the business key, and move the customer's words off the process into the case. A case opened through
 * the API arrives with its reference as business key and passes straight through, but only while that case has no
 * flow yet: no start can take over a case that another flow works.
 */
@Component("registerCase")
class RegisterCaseDelegate implements JavaDelegate {

    private static final List<ProcessVariable<String>> FORM_FIELDS =
            List.of(Vars.CUSTOMER_EMAIL, Vars.CUSTOMER_NAME, Vars.SUBJECT, Vars.DESCRIPTION, Vars.ORDER_ID);
    /** The API's limits (NewCaseRequest), so a phone case is held to the same. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9._/-]{1,64}");

    private final IntakeService intake;

    RegisterCaseDelegate(IntakeService intake) {
        this.intake = intake;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        if (businessKey != null) {
            if (!intake.awaitsItsFlow(businessKey, execution.getProcessInstanceId())) {
                throw new ProcessEngineException("Case " + businessKey + " is unknown or already has its flow");
            }
            return;
        }
        String email = required(execution, Vars.CUSTOMER_EMAIL, 320).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw new FormFieldValidationException(
                    Vars.CUSTOMER_EMAIL.name(), Vars.CUSTOMER_EMAIL.name() + " is not an email address");
        }
        String orderId = optional(execution, Vars.ORDER_ID, 64);
        if (orderId != null && !ORDER_ID.matcher(orderId).matches()) {
            throw new FormFieldValidationException(
                    Vars.ORDER_ID.name(), Vars.ORDER_ID.name() + " may hold letters, digits and . _ / - only");
        }
        String tier = oneOf(execution, Vars.CUSTOMER_TIER, List.of("standard", "vip"));
        String severity = oneOf(execution, Vars.SEVERITY, List.of("critical", "high", "medium", "low"));
        var authentication =
                execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        var opened = intake.openFromStartForm(new NewCase(
                Channel.PHONE,
                email,
                optional(execution, Vars.CUSTOMER_NAME, 200),
                tier == null ? "standard" : tier,
                required(execution, Vars.SUBJECT, 300),
                required(execution, Vars.DESCRIPTION, 10_000),
                orderId,
                severity,
                List.of(),
                0.0,
                authentication == null ? null : authentication.getUserId()));
        var c = opened.supportCase();
        execution.setProcessBusinessKey(c.reference());
        FORM_FIELDS.forEach(field -> field.remove(execution));
        SupportCaseStarter.triageVariables(c, opened.triageInput()).setOn(execution);
        if (authentication != null) {
            Vars.PHONE_AGENT.set(execution, authentication.getUserId());
        }
        intake.attachProcess(c.reference(), execution.getProcessInstanceId());
    }

    private static String required(DelegateExecution execution, ProcessVariable<String> field, int maxLength) {
        String value = optional(execution, field, maxLength);
        if (value == null) {
            throw new FormFieldValidationException(field.name(), field.name() + " is required");
        }
        return value;
    }

    private static String optional(DelegateExecution execution, ProcessVariable<String> field, int maxLength) {
        String value = blankToNull(read(execution, field));
        if (value != null && value.length() > maxLength) {
            throw new FormFieldValidationException(
                    field.name(), field.name() + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    private static String oneOf(DelegateExecution execution, ProcessVariable<String> field, List<String> allowed) {
        String value = blankToNull(read(execution, field));
        if (value != null && !allowed.contains(value)) {
            throw new FormFieldValidationException(
                    field.name(), field.name() + " must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** A field of the wrong type is the sender's mistake, shown next to the field like every other one. */
    private static String read(DelegateExecution execution, ProcessVariable<String> field) {
        try {
            return field.get(execution);
        } catch (ProcessVariable.WrongTypeException e) {
            throw new FormFieldValidationException(field.name(), e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
