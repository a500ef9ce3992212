package io.casedesk;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

/** For tests with the job executor off: runs the mail-delivery jobs of a case, as the job executor would. */
public final class TestMailDelivery {

    private TestMailDelivery() {}

    /**
     * Runs each job once, also those a run creates: a held manager notice first fires its window's timer, whose run
     * then leaves the sending job.
     */
    public static void deliverMails(ManagementService management, RuntimeService runtime, String reference) {
        java.util.Set<String> ran = new java.util.HashSet<>();
        boolean ranOne = true;
        while (ranOne) {
            ranOne = false;
            for (Job job : management
                    .createJobQuery()
                    .processDefinitionKey("mail-delivery")
                    .list()) {
                var delivery = runtime.createProcessInstanceQuery()
                        .processInstanceId(job.getProcessInstanceId())
                        .singleResult();
                if (delivery != null && reference.equals(delivery.getBusinessKey()) && ran.add(job.getId())) {
                    management.executeJob(job.getId());
                    ranOne = true;
                }
            }
        }
    }
}
