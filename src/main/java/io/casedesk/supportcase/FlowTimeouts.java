package io.casedesk.supportcase;

import org.springframework.stereotype.Component;

/** How long the flow waits on a customer ({@link FlowProperties}), read by the model's timers as ${flowTimeouts.*}. */
@Component("flowTimeouts")
@io.casedesk.security.process.ExposedToModels
public class FlowTimeouts {

    private final String customerReply;
    private final String confirmation;
    private final String survey;

    FlowTimeouts(FlowProperties flow) {
        this.customerReply = flow.customerReplyTimeout().toString();
        this.confirmation = flow.confirmationTimeout().toString();
        this.survey = flow.surveyTimeout().toString();
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
