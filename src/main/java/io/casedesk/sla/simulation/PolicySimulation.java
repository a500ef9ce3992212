package io.casedesk.sla.simulation;

import io.casedesk.sla.SlaService;
import io.casedesk.sla.simulation.PolicyEvaluator.Policy;
import io.casedesk.sla.simulation.PolicyEvaluator.PolicyEvaluationException;
import io.casedesk.sla.simulation.SimulationReport.Breaches;
import io.casedesk.sla.simulation.SimulationReport.Mix;
import io.casedesk.sla.simulation.SimulationReport.PriorityChange;
import io.casedesk.sla.simulation.SimulationReport.Rate;
import io.casedesk.sla.simulation.SimulationReport.Row;
import io.casedesk.sla.simulation.UndecidedCasesException.Undecided;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * What-if: replays candidate case-priority and/or sla-targets tables over the cases of a period and compares the
 * priority mix and the breach rates with what really happened. Reads only; nothing is deployed or changed.
 */
@Service
public class PolicySimulation {

    public static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    static final List<String> PRIORITY_OUTPUTS = List.of("priority");
    static final List<String> TARGET_OUTPUTS = List.of("responseDue", "resolutionDue", "calendar");
    static final String BASELINE = "what happened: each case's real priority and deadlines, from the policy "
            + "versions in force when it was triaged";
    private static final int EXAMPLES = 10;

    private final PolicyEvaluator evaluator;
    private final SimulationCases cases;
    private final SlaService sla;
    private final Clock clock;
    private final int maxCases;
    private final java.time.Duration maxDuration;

    PolicySimulation(
            PolicyEvaluator evaluator, SimulationCases cases, SlaService sla, Clock clock, SimulationLimits limits) {
        this.evaluator = evaluator;
        this.cases = cases;
        this.sla = sla;
        this.clock = clock;
        this.maxCases = limits.maxCases();
        this.maxDuration = limits.maxDuration();
    }

    /** The candidate files (either may be null, not both) and the period; null bounds mean the last 30 days. */
    public record Request(CandidateFile casePriority, CandidateFile slaTargets, Instant from, Instant to) {}

    /** Not one transaction: the evaluation can take seconds, and holding a database connection for it is not needed. */
    public SimulationReport simulate(Request request) {
        if (request.casePriority() == null && request.slaTargets() == null) {
            throw badRequest("Attach at least one candidate table: a casePriority and/or a slaTargets DMN file");
        }
        Instant now = clock.instant();
        Instant to = request.to() != null ? request.to() : now;
        Instant from = request.from() != null ? request.from() : to.minus(DEFAULT_PERIOD);
        if (!from.isBefore(to)) {
            throw badRequest("The period is empty: from (%s) must be before to (%s)".formatted(from, to));
        }
        Policy priorities = request.casePriority() != null
                ? evaluator.candidate(PolicyEvaluator.CASE_PRIORITY, PRIORITY_OUTPUTS, request.casePriority())
                : evaluator.deployed(PolicyEvaluator.CASE_PRIORITY, PRIORITY_OUTPUTS);
        Policy targets = request.slaTargets() != null
                ? evaluator.candidate(PolicyEvaluator.SLA_TARGETS, TARGET_OUTPUTS, request.slaTargets())
                : evaluator.deployed(PolicyEvaluator.SLA_TARGETS, TARGET_OUTPUTS);

        long inPeriod = cases.countTriaged(from, to);
        long notTriaged = cases.countUntriaged(from, to);
        List<PastCase> replayed = cases.triaged(from, to, maxCases);

        var total = new Tally();
        var byPriority = new TreeMap<String, Tally>();
        var byPriorityAndChannel = new TreeMap<String, TreeMap<String, Tally>>();
        var changes = new TreeMap<String, TreeMap<String, Integer>>();
        var byStatus = new TreeMap<String, Integer>();
        var undecided = new ArrayList<Undecided>();
        int undecidedCount = 0;
        Instant deadline = Instant.now().plus(maxDuration);
        for (PastCase c : replayed) {
            if (Instant.now().isAfter(deadline)) {
                throw tooLong();
            }
            byStatus.merge(c.status(), 1, Integer::sum);
            Replay candidate;
            try {
                candidate = replay(c, priorities, targets);
            } catch (UndecidedException e) {
                undecidedCount++;
                if (undecided.size() < EXAMPLES) {
                    undecided.add(new Undecided(c.reference(), e.decision, e.getMessage()));
                }
                continue;
            }
            Boolean baselineResponse = breached(c.firstResponseAt(), c.handlingEndedAt(), c.responseDueAt(), now);
            Boolean baselineResolution = breached(c.handlingEndedAt(), null, c.resolutionDueAt(), now);
            Boolean candidateResponse =
                    breached(c.firstResponseAt(), c.handlingEndedAt(), candidate.responseDueAt(), now);
            Boolean candidateResolution = breached(c.handlingEndedAt(), null, candidate.resolutionDueAt(), now);
            for (Tally t : List.of(
                    total,
                    byPriority.computeIfAbsent(c.priority(), p -> new Tally()),
                    cell(byPriorityAndChannel, c.priority(), c.channel()))) {
                t.baseline(baselineResponse, baselineResolution);
            }
            for (Tally t : List.of(
                    total,
                    byPriority.computeIfAbsent(candidate.priority(), p -> new Tally()),
                    cell(byPriorityAndChannel, candidate.priority(), c.channel()))) {
                t.candidate(candidateResponse, candidateResolution);
            }
            if (!candidate.priority().equals(c.priority())) {
                changes.computeIfAbsent(c.priority(), p -> new TreeMap<>())
                        .merge(candidate.priority(), 1, Integer::sum);
            }
        }
        if (undecidedCount > 0) {
            throw new UndecidedCasesException(undecidedCount, undecided);
        }

        var priorityRows = new ArrayList<Row>();
        byPriority.forEach((priority, t) -> priorityRows.add(t.row(priority, null)));
        var channelRows = new ArrayList<Row>();
        byPriorityAndChannel.forEach(
                (priority, channels) -> channels.forEach((channel, t) -> channelRows.add(t.row(priority, channel))));
        var changeRows = new ArrayList<PriorityChange>();
        changes.forEach((before, after) -> after.forEach((p, n) -> changeRows.add(new PriorityChange(before, p, n))));

        boolean capped = inPeriod > replayed.size();
        Instant last =
                replayed.isEmpty() ? null : replayed.get(replayed.size() - 1).createdAt();
        return new SimulationReport(
                new SimulationReport.Period(from, to),
                new SimulationReport.Cases(inPeriod, replayed.size(), notTriaged, maxCases, capped, last, byStatus),
                new SimulationReport.Compared(BASELINE, priorities.version(), targets.version()),
                total.row(null, null),
                priorityRows,
                channelRows,
                changeRows,
                notes(priorities.version(), targets.version(), capped, last, notTriaged));
    }

    private Replay replay(PastCase c, Policy priorities, Policy targets) {
        var variables = c.triageVariables();
        String priority = text(decide(priorities, variables), "priority", priorities);
        variables.put("priority", priority);
        Map<String, Object> target = decide(targets, variables);
        String responseDue = text(target, "responseDue", targets);
        String resolutionDue = text(target, "resolutionDue", targets);
        String calendar = text(target, "calendar", targets);
        try {
            // the time the case really waited on the customer did not count then and does not count now
            return new Replay(
                    priority,
                    sla.dueAt(c.createdAt(), Duration.parse(responseDue), calendar)
                            .plus(c.responsePaused()),
                    sla.dueAt(c.createdAt(), Duration.parse(resolutionDue), calendar)
                            .plus(c.resolutionPaused()));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new UndecidedException(
                    targets,
                    "gives targets the SLA clock cannot use (responseDue %s, resolutionDue %s, calendar %s): %s"
                            .formatted(responseDue, resolutionDue, calendar, e.getMessage()));
        }
    }

    private static Map<String, Object> decide(Policy policy, Map<String, Object> variables) {
        try {
            return policy.decide(variables);
        } catch (PolicyEvaluationException e) {
            throw new UndecidedException(policy, e.getMessage());
        }
    }

    private static String text(Map<String, Object> result, String output, Policy policy) {
        Object value = result.get(output);
        if (value == null || value.toString().isBlank()) {
            throw new UndecidedException(policy, "gives no " + output);
        }
        return value.toString();
    }

    /**
     * Whether a deadline was missed, or null while the outcome is not settled. {@code happenedAt}: when the
     * target was met (first response, resolution); {@code stoppedAt}: when its clock stopped without it being met
     * (a case resolved without a reply); otherwise the clock is still running at {@code now}.
     */
    static Boolean breached(Instant happenedAt, Instant stoppedAt, Instant due, Instant now) {
        if (due == null) {
            return null;
        }
        if (happenedAt != null) {
            return happenedAt.isAfter(due);
        }
        Instant end = stoppedAt != null ? stoppedAt : now;
        if (end.isAfter(due)) {
            return true;
        }
        return stoppedAt != null ? Boolean.FALSE : null;
    }

    private static Tally cell(Map<String, TreeMap<String, Tally>> table, String priority, String channel) {
        return table.computeIfAbsent(priority, p -> new TreeMap<>()).computeIfAbsent(channel, ch -> new Tally());
    }

    private static List<String> notes(
            PolicyVersion priorities, PolicyVersion targets, boolean capped, Instant last, long notTriaged) {
        var notes = new ArrayList<String>();
        notes.add("Nothing was deployed or changed: the tables were evaluated by a standalone DMN engine with each "
                + "case's stored triage inputs (severity, customerTier, channel, sentiment, category, intent, "
                + "compliance) as plain values.");
        notes.add("The agents' actual first-response and resolution times are taken as given: the simulation "
                + "assumes they would have answered and resolved at the same moments under the candidate policy.");
        notes.add(
                "Baseline: the priority each case really got and its real deadlines. Candidate: priority from "
                        + describe(priorities) + ", targets from " + describe(targets)
                        + ", deadlines counted from the case's "
                        + "creation in the calendar the targets name. Time a case spent waiting on the customer is not replayed.");
        notes.add("Response breached: the first response came after the deadline, or there was none and the "
                + "deadline passed before the case was resolved (or before now, while it is unresolved). Resolution "
                + "breached: resolved after the deadline, or unresolved and past it. A case not yet answered "
                + "(resolved) and not yet due is not measured for that target.");
        notes.add("Baseline figures group cases by their real priority, candidate figures by the candidate priority; "
                + "priorityChanges lists the cases that would move.");
        if (capped) {
            notes.add("Capped: only the first cases of the period by creation time, up to " + last
                    + ", were replayed; narrow the period to see the rest.");
        }
        if (notTriaged > 0) {
            notes.add(notTriaged + " case(s) of the period were never triaged (no priority) and are left out.");
        }
        return notes;
    }

    private static String describe(PolicyVersion version) {
        return PolicyVersion.CANDIDATE.equals(version.source())
                ? "the candidate " + version.decisionKey() + " ('" + version.file() + "')"
                : "the deployed " + version.decisionKey() + " v" + version.version();
    }

    /** The wall clock bounds a simulation, whatever the tables hold, so a hung-up client does not leave it running. */
    private ErrorResponseException tooLong() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The simulation took longer than %d s and was stopped; choose a shorter period"
                        .formatted(maxDuration.toSeconds()));
        problem.setTitle("Simulation took too long");
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
    }

    static ErrorResponseException badRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    private record Replay(String priority, Instant responseDueAt, Instant resolutionDueAt) {}

    private static final class UndecidedException extends RuntimeException {
        final String decision;

        UndecidedException(Policy policy, String problem) {
            super(problem, null, false, false);
            PolicyVersion v = policy.version();
            this.decision = v.decisionKey()
                    + (PolicyVersion.CANDIDATE.equals(v.source()) ? " (candidate)" : " v" + v.version());
        }
    }

    /** Counts of one report line. */
    private static final class Tally {
        int baselineCases;
        int candidateCases;
        final Counter baselineResponse = new Counter();
        final Counter baselineResolution = new Counter();
        final Counter candidateResponse = new Counter();
        final Counter candidateResolution = new Counter();

        void baseline(Boolean response, Boolean resolution) {
            baselineCases++;
            baselineResponse.add(response);
            baselineResolution.add(resolution);
        }

        void candidate(Boolean response, Boolean resolution) {
            candidateCases++;
            candidateResponse.add(response);
            candidateResolution.add(resolution);
        }

        Row row(String priority, String channel) {
            return new Row(
                    priority,
                    channel,
                    new Mix(baselineCases, candidateCases, candidateCases - baselineCases),
                    new Breaches(baselineResponse.rate(), candidateResponse.rate()),
                    new Breaches(baselineResolution.rate(), candidateResolution.rate()));
        }
    }

    private static final class Counter {
        int measured;
        int breached;

        void add(Boolean outcome) {
            if (outcome != null) {
                measured++;
                if (outcome) {
                    breached++;
                }
            }
        }

        Rate rate() {
            return new Rate(
                    measured, breached, measured == 0 ? null : Math.round(breached * 10_000.0 / measured) / 10_000.0);
        }
    }
}
