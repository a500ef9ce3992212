package io.casedesk.outreach.process;

import io.casedesk.outreach.SupportWork;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.springframework.stereotype.Component;

/**
 * The support cases' work waiting, as the engine's job table shows it: jobs of priority 0 or more (every job but an
 * outreach's deliveries) that are due or about to be, active and not failed for good, running or waiting for a
 * thread. Asked at most every {@link #FRESH_FOR_MILLIS} ms however many workers ask, as often as the job acquisition
 * looks (queries for the first such job in the order of ids: the engine has no index on the due date). When this
 * node's job executor is not running nobody here would run those jobs, so nothing is waiting for the blast to make
 * room.
 */
@Component
class SupportJobsWaiting implements SupportWork {

    static final long FRESH_FOR_MILLIS = 250;
    /** A worker gives way this long before a support job falls due: longer than the answer stays fresh. */
    static final Duration LOOKAHEAD = Duration.ofMillis(500);

    private final ManagementService management;
    private final JobExecutor jobExecutor;
    private volatile long checkedAt = Long.MIN_VALUE;
    private volatile boolean waiting;

    SupportJobsWaiting(ProcessEngine engine) {
        this.management = engine.getManagementService();
        this.jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    }

    @Override
    public boolean waiting() {
        if (jobExecutor == null || !jobExecutor.isActive()) {
            return false;
        }
        long now = System.nanoTime() / 1_000_000;
        if (now - checkedAt >= FRESH_FOR_MILLIS) {
            waiting = supportJobDue();
            checkedAt = now;
        }
        return waiting;
    }

    /**
     * Whether a job of priority 0 or more, active and with retries left, is due now or within {@link #LOOKAHEAD} (by
     * the engine's clock): a timer about to fire then starts on cores the blast has left it, instead of waiting for
     * them to be given back.
     */
    boolean supportJobDue() {
        Date soon = new Date(ClockUtil.getCurrentTime().getTime() + LOOKAHEAD.toMillis());
        return !supportJobs().executable().listPage(0, 1).isEmpty()
                || !supportJobs()
                        .withRetriesLeft()
                        .duedateLowerThan(soon)
                        .listPage(0, 1)
                        .isEmpty();
    }

    private JobQuery supportJobs() {
        return management.createJobQuery().active().priorityHigherThanOrEquals(0);
    }
}
