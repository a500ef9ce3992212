package io.casedesk.trends.process;

/** Names of the trend-watch process. */
final class TrendWatchProcess {

    static final String KEY = "trend-watch";
    static final String START_CYCLE = "StartEvent_TrendCycle";
    static final String TASK_DETECT = "Task_DetectTrends";
    static final String END = "EndEvent_TrendsChecked";

    /** How many incidents the cycle opened (a typed variable the history shows). */
    static final String NEW_INCIDENTS = "newIncidents";

    private TrendWatchProcess() {}
}
