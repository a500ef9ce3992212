package io.casedesk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For a class of the {@link EndToEndContext} that runs the engine's jobs itself, in order (mail deliveries, timers):
 * the context's job executor is stopped before the class, once the jobs it is running have finished, and started
 * again after it. So nothing runs behind the test's back, as with {@code camunda.bpm.job-execution.enabled=false},
 * without a Spring context of its own. Put it before {@code @EndToEndContext}: its extension then stops the job
 * executor before the context's other listeners see the class, and starts it after them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ManualJobs.Extension.class)
public @interface ManualJobs {

    class Extension implements BeforeAllCallback, AfterAllCallback {

        private static final Duration PATIENCE = Duration.ofSeconds(30);
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ManualJobs.class);

        @Override
        public void beforeAll(ExtensionContext context) throws InterruptedException {
            JobExecutor jobExecutor = jobExecutor(context);
            if (!jobExecutor.isActive()) {
                return;
            }
            jobExecutor.shutdown();
            context.getStore(NAMESPACE).put(JobExecutor.class, jobExecutor);
            awaitIdle(jobExecutor);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            JobExecutor stopped = context.getStore(NAMESPACE).remove(JobExecutor.class, JobExecutor.class);
            if (stopped != null) {
                stopped.start();
            }
        }

        private static JobExecutor jobExecutor(ExtensionContext context) {
            var engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
            return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        }

        /** Stopping ends the acquisition of jobs; the jobs already handed to the thread pool still run to the end. */
        private static void awaitIdle(JobExecutor jobExecutor) throws InterruptedException {
            if (!(jobExecutor instanceof SpringJobExecutor spring)
                    || !(spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool)) {
                throw new IllegalStateException("cannot tell when " + jobExecutor + " is idle");
            }
            Instant giveUp = Instant.now().plus(PATIENCE);
            while (pool.getActiveCount() > 0
                    || !pool.getThreadPoolExecutor().getQueue().isEmpty()) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("the job executor still runs jobs after " + PATIENCE);
                }
                Thread.sleep(20);
            }
        }
    }
}
