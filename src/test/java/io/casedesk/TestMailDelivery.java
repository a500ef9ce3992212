package io.casedesk;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

/** For tests with the job executor off: runs the mail-delivery jobs of a case, as the job executor would. */
public final class TestMailDelivery {

    private TestMailDelivery() {}

    public static void deliverMails(ManagementService management, RuntimeService runtime, String reference) {
        for (Job job : management
                .createJobQuery()
                .processDefinitionKey("mail-delivery")
                .list()) {
            var delivery = runtime.createProcessInstanceQuery()
                    .processInstanceId(job.getProcessInstanceId())
                    .singleResult();
            if (delivery != null && reference.equals(delivery.getBusinessKey())) {
                management.executeJob(job.getId());
            }
        }
    }
}
