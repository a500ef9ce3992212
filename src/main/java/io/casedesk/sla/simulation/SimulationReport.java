package io.casedesk.sla.simulation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a candidate policy would have changed over the cases of a period. Baseline figures group cases by the
 * priority they really had; candidate figures by the priority the candidate tables give them.
 */
public record SimulationReport(
        Period period,
        Cases cases,
        Compared compared,
        Row total,
        List<Row> byPriority,
        List<Row> byPriorityAndChannel,
        List<PriorityChange> priorityChanges,
        List<String> notes) {

    /** [from, to) of the cases' creation time. */
    public record Period(Instant from, Instant to) {}

    /**
     * @param inPeriod   triaged cases created in the period
     * @param simulated  cases replayed (fewer than inPeriod when the cap applied)
     * @param notTriaged cases of the period without a priority (triage never completed), left out
     * @param cap        the most cases one simulation replays
     * @param capped     whether the cap cut the period short
     * @param lastSimulatedCreatedAt creation time of the last replayed case: with a cap, the period really ends here
     * @param byStatus   replayed cases by their status now
     */
    public record Cases(
            long inPeriod,
            int simulated,
            long notTriaged,
            int cap,
            boolean capped,
            Instant lastSimulatedCreatedAt,
            Map<String, Integer> byStatus) {}

    /** The baseline is what happened; the candidate is these two tables. */
    public record Compared(String baseline, PolicyVersion casePriority, PolicyVersion slaTargets) {}

    /**
     * One line of the report: all cases (priority and channel null), one priority (channel null), or one
     * priority and channel.
     */
    public record Row(String priority, String channel, Mix cases, Breaches response, Breaches resolution) {}

    /** How many cases had (baseline) and would have (candidate) this priority. */
    public record Mix(int baseline, int candidate, int change) {}

    public record Breaches(Rate baseline, Rate candidate) {}

    /**
     * @param measured cases whose outcome for this target is settled (see the notes)
     * @param breached of those, the ones that missed the deadline
     * @param rate     breached / measured, rounded to four places; null when nothing was measured
     */
    public record Rate(int measured, int breached, Double rate) {}

    /** Cases whose priority the candidate would change, from → to. */
    public record PriorityChange(String from, String to, int cases) {}
}
