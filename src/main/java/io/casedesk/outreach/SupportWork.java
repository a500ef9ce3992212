package io.casedesk.outreach;

/**
 * Whether the support cases' own work (their jobs, SLA timers above all) is due and not done yet on the machine the
 * outreach runs on: a blast gives way to it before each mail. Implemented by the outreach's process glue, which
 * can ask the engine.
 */
public interface SupportWork {

    boolean waiting();
}
