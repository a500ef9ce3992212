package io.casedesk.supportcase;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How long the flow waits on a customer (casedesk.flow.*), read by the model's timers as ${flowTimeouts.*}. */
@Component("flowTimeouts")
@io.casedesk.security.process.ExposedToModels
public class FlowTimeouts {

    private final String customerReply;
    private final String confirmation;
    private final String survey;

    FlowTimeouts(@Value("${casedesk.flow.customer-reply-timeout}") String customerReply,
                 @Value("${casedesk.flow.confirmation-timeout}") String confirmation,
                 @Value("${casedesk.flow.survey-timeout}") String survey) {
        this.customerReply = java.time.Duration.parse(customerReply).toString();
        this.confirmation = java.time.Duration.parse(confirmation).toString();
        this.survey = java.time.Duration.parse(survey).toString();
    }

    public String getCustomerReply() {
        return customerReply;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public String getSurvey() {
        return survey;
    }
}
