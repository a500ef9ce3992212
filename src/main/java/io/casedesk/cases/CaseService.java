package io.casedesk.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case store: every change of a case's state and its timeline goes through here, so the timeline
 * and the timestamps that metrics read can never disagree with the state. The only writer of support_case, and the
 * way other features read a case; a case comes with its SLA, which the sla feature keeps ({@link CaseSlaSource}).
 */
@Service("supportCaseService")
@Transactional
public class CaseService {

    public static final Duration RECENT_WINDOW = Duration.ofDays(30);

    private final CaseRepository cases;
    private final CaseSlaSource slas;
    private final MessageSentiment sentiment;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Duplicates duplicates;
    private final CaseMerges merges;

    CaseService(
            CaseRepository cases,
            CaseSlaSource slas,
            MessageSentiment sentiment,
            Clock clock,
            ApplicationEventPublisher events,
            Duplicates duplicates,
            CaseMerges merges) {
        this.duplicates = duplicates;
        this.merges = merges;
        this.cases = cases;
        this.slas = slas;
        this.sentiment = sentiment;
        this.clock = clock;
        this.events = events;
    }

    public SupportCase open(NewCase newCase) {
        Instant now = clock.instant();
        long id = cases.insert(newCase, newCase.severity(), now);
        if (newCase.tags() != null && !newCase.tags().isEmpty()) {
            cases.addTags(id, newCase.tags().stream().distinct().toList());
        }
        cases.addEvent(
                id,
                now,
                CaseEventType.OPENED,
                "Opened via " + newCase.channel().wire()
                        + (newCase.openedBy() == null ? "" : " by " + newCase.openedBy()));
        duplicates.flag(id, newCase, now);
        // a new case has the tags it was given and no SLA yet: the row is all there is to read back
        return cases.findRowByReference(CaseRepository.referenceOf(id))
                .map(c -> c.with(
                        newCase.tags() == null
                                ? List.of()
                                : newCase.tags().stream().distinct().sorted().toList(),
                        CaseSla.NONE))
                .orElseThrow();
    }

    /**
     * The flow the case is attached to: empty for an unknown case, an empty string for a case that has none yet.
     */
    @Transactional(readOnly = true)
    public Optional<String> processInstanceOf(String reference) {
        return cases.processInstanceOf(reference);
    }

    @Transactional(readOnly = true)
    public Optional<SupportCase> find(String reference) {
        return cases.findByReference(reference).map(c -> withSla(List.of(c)).get(0));
    }

    @Transactional(readOnly = true)
    public SupportCase get(String reference) {
        return find(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    }

    @Transactional(readOnly = true)
    public List<CaseEvent> timeline(String reference) {
        return cases.events(cases.idOf(reference));
    }

    /** The reference of a case other tables point to by its id. */
    @Transactional(readOnly = true)
    public String referenceOf(long caseId) {
        String reference = cases.referencesOf(List.of(caseId)).get(caseId);
        if (reference == null) {
            throw new IllegalArgumentException("No case with id " + caseId);
        }
        return reference;
    }

    /** The references of many cases at once, by id; ids of no case are left out. */
    @Transactional(readOnly = true)
    public Map<Long, String> referencesOf(Collection<Long> caseIds) {
        return cases.referencesOf(caseIds);
    }

    /** The id other tables use to point to the case. */
    @Transactional(readOnly = true)
    public long idOf(String reference) {
        return cases.idOf(reference);
    }

    @Transactional(readOnly = true)
    public CasePage search(CaseQuery query) {
        CasePage page = cases.search(query);
        return new CasePage(withSla(page.items()), page.total());
    }

    /** The agent's latest reply to the customer, which the next mail carries. */
    @Transactional(readOnly = true)
    public String lastReply(String reference) {
        return cases.lastReply(reference);
    }

    /** The customer's cases opened in the last 30 days, this one included. */
    @Transactional(readOnly = true)
    public int recentCaseCount(String customerEmail) {
        return cases.countSince(customerEmail, clock.instant().minus(RECENT_WINDOW));
    }

    @Transactional(readOnly = true)
    public List<SupportCase> recentCasesOf(SupportCase supportCase, int limit) {
        return withSla(cases.recentOf(supportCase.customerEmail(), supportCase.reference(), limit));
    }

    /** What a task of the case shows, as of now. */
    @Transactional(readOnly = true)
    public CaseTaskView taskView(String reference) {
        SupportCase c = get(reference);
        return CaseTaskView.of(c, timeline(reference), recentCasesOf(c, CaseTaskView.RECENT_CASES_SHOWN));
    }

    public void attachProcess(String reference, String processInstanceId) {
        cases.update(reference, Map.of("process_instance_id", processInstanceId));
    }

    public void recordEvent(String reference, CaseEventType type, String detail) {
        cases.addEvent(reference, clock.instant(), type, detail);
    }

    /** What triage decided; the deadlines on the timeline are those the SLA clock started with just before. */
    public void recordTriage(String reference, Triage triage) {
        var columns = new LinkedHashMap<String, Object>();
        columns.put("severity", triage.severity());
        columns.put("intent", triage.intent());
        columns.put("category", triage.category());
        columns.put("compliance", triage.compliance());
        columns.put("priority", triage.priority());
        columns.put("assigned_group", triage.assignedGroup());
        cases.update(reference, columns);
        SupportCase triaged = get(reference);
        events.publishEvent(
                new CaseMilestone(CaseMilestone.Kind.TRIAGED, reference, triaged.channel(), triaged.priority(), null));
        CaseSla sla = triaged.sla();
        recordEvent(
                reference,
                CaseEventType.TRIAGED,
                "Priority %s, category %s, routed to %s; first response due %s, resolution due %s"
                        .formatted(
                                triage.priority(),
                                triage.category(),
                                triage.assignedGroup(),
                                sla.responseDueAt(),
                                sla.resolutionDueAt()));
    }

    public void markAcknowledged(String reference) {
        cases.setOnce(reference, "acknowledged_at", clock.instant());
        recordEvent(reference, CaseEventType.ACKNOWLEDGED, "Acknowledgement sent to the customer");
    }

    /** An agent answered the customer; the first such answer is the case's first response. */
    public void recordAgentReply(String reference, String agent, String outcome, String reply) {
        Instant now = clock.instant();
        var columns = new LinkedHashMap<String, Object>();
        if (reply != null && !reply.isBlank()) {
            if (cases.setOnce(reference, "first_response_at", now)) {
                published(CaseMilestone.Kind.FIRST_RESPONSE, reference, c -> Duration.between(c.createdAt(), now));
            }
            columns.put("last_reply", reply);
            events.publishEvent(new AgentReplied(reference, reply));
        }
        cases.countAgentReply(reference, agent);
        CaseStatus status = switch (outcome) {
            case "need_info" -> CaseStatus.WAITING_ON_CUSTOMER;
            case "resolved" -> CaseStatus.RESOLVED;
            default -> CaseStatus.IN_PROGRESS;
        };
        columns.put("status", status.wire());
        cases.update(reference, columns);
        recordEvent(
                reference,
                CaseEventType.AGENT_REPLY,
                "%s (%s): %s".formatted(agent == null ? "agent" : agent, outcome, reply == null ? "" : reply));
    }

    public void recordEscalation(String reference, String group, int level, String trigger, boolean managerNotified) {
        cases.update(
                reference,
                Map.of("status", CaseStatus.ESCALATED.wire(), "assigned_group", group, "escalation_level", level));
        recordEvent(
                reference,
                CaseEventType.ESCALATED,
                "Escalated to %s (level %d) on %s%s"
                        .formatted(group, level, trigger, managerNotified ? "; manager notified" : ""));
    }

    public void recordResolution(String reference, String resolution, List<String> tags, boolean knowledgeGap) {
        Instant now = clock.instant();
        cases.update(
                reference,
                Map.of(
                        "status",
                        CaseStatus.RESOLVED.wire(),
                        "resolution",
                        resolution,
                        "resolved_at",
                        now,
                        "knowledge_gap",
                        knowledgeGap));
        cases.replaceTags(cases.idOf(reference), tags);
        recordEvent(
                reference,
                CaseEventType.RESOLVED,
                "Resolution: %s; tags %s%s"
                        .formatted(resolution, String.join(", ", tags), knowledgeGap ? "; knowledge gap flagged" : ""));
    }

    /**
     * casedesk answered the case itself (automatic-answer table): the answer is the case's first response and its
     * resolution, and the case waits for the customer's confirmation like any resolved case.
     */
    public void recordAutomaticAnswer(String reference, String answer, String resolution) {
        Instant now = clock.instant();
        if (cases.setOnce(reference, "first_response_at", now)) {
            published(CaseMilestone.Kind.FIRST_RESPONSE, reference, c -> Duration.between(c.createdAt(), now));
        }
        var columns = new LinkedHashMap<String, Object>();
        columns.put("last_reply", answer);
        columns.put("status", CaseStatus.RESOLVED.wire());
        columns.put("resolution", resolution);
        columns.put("resolved_at", now);
        columns.put("automated", true);
        cases.update(reference, columns);
        recordEvent(reference, CaseEventType.AUTOMATIC_ANSWER, answer);
    }

    /**
     * Merges the case into another of the same customer (or any other with force): API.md's
     * POST /api/cases/{reference}/merge. Gives the case merged into; merging again into the same case changes nothing.
     */
    public SupportCase merge(String reference, String into, boolean force, String by) {
        merges.merge(reference, into, force, by, clock.instant());
        return get(into);
    }

    /** The customer says the problem is still there: a repeat failure. */
    public void recordReopen(String reference, String how) {
        cases.incrementReopenCount(reference);
        var columns = new LinkedHashMap<String, Object>();
        columns.put("status", CaseStatus.IN_PROGRESS.wire());
        columns.put("resolved_at", null);
        cases.update(reference, columns);
        recordEvent(reference, CaseEventType.REOPENED, "Customer reports the problem is not fixed (" + how + ")");
    }

    /**
     * A message from the customer, on the timeline with its score: the case keeps the latest and the worst score, and
     * the flow learns how far it fell below the opening message ({@link CustomerSentimentChanged}).
     */
    public void recordCustomerMessage(String reference, String body) {
        double score = sentiment.score(body);
        cases.addCustomerMessage(reference, clock.instant(), body, score);
        cases.recordMessageSentiment(reference, score);
        cases.findRowByReference(reference)
                .ifPresent(c -> events.publishEvent(new CustomerSentimentChanged(
                        reference, score, CustomerSentimentChanged.drop(c.sentiment(), score))));
    }

    /**
     * Links the case to a trend incident, once: true when it was linked now, false when it was linked already (to
     * this incident or another), so whoever tells the customer about the incident does so once.
     */
    public boolean linkIncident(String reference, long incidentId, String detail) {
        if (!cases.linkIncident(reference, incidentId)) {
            cases.idOf(reference); // an unknown case is not "linked already"
            return false;
        }
        recordEvent(reference, CaseEventType.INCIDENT_LINKED, detail);
        return true;
    }

    /** The cases linked to a trend incident, oldest first, with their customers' addresses. */
    @Transactional(readOnly = true)
    public List<LinkedCase> casesLinkedTo(long incidentId) {
        return cases.linkedTo(incidentId);
    }

    public void markInProgress(String reference) {
        cases.update(reference, Map.of("status", CaseStatus.IN_PROGRESS.wire()));
    }

    public void close(String reference) {
        cases.update(reference, Map.of("status", CaseStatus.CLOSED.wire(), "closed_at", clock.instant()));
        recordEvent(reference, CaseEventType.CLOSED, "Case closed");
        published(
                CaseMilestone.Kind.CLOSED,
                reference,
                c -> c.resolvedAt() == null ? null : Duration.between(c.createdAt(), c.resolvedAt()));
    }

    public void recordCsat(String reference, int score, String comment) {
        var columns = new LinkedHashMap<String, Object>();
        columns.put("csat", score);
        columns.put("csat_comment", comment);
        cases.update(reference, columns);
        recordEvent(
                reference,
                CaseEventType.CSAT,
                "Customer rated " + score + "/5" + (comment == null || comment.isBlank() ? "" : ": " + comment));
    }

    /** The customer's comment on the score they gave earlier with one click in the survey mail. */
    public void addCsatComment(String reference, String comment) {
        cases.update(reference, Map.of("csat_comment", comment));
        recordEvent(reference, CaseEventType.CSAT_COMMENT, comment);
    }

    /** Tells the meters (metrics) of a step of the case; they count it once the transaction commits. */
    private void published(
            CaseMilestone.Kind kind, String reference, java.util.function.Function<SupportCase, Duration> took) {
        cases.findByReference(reference)
                .ifPresent(c -> events.publishEvent(
                        new CaseMilestone(kind, reference, c.channel(), c.priority(), took.apply(c))));
    }

    /** The cases with their SLA, read for all of them at once. */
    private List<SupportCase> withSla(List<SupportCase> found) {
        if (found.isEmpty()) {
            return found;
        }
        Map<Long, CaseSla> sla = slas.slaOf(found.stream().map(SupportCase::id).toList());
        return found.stream()
                .map(c -> c.with(c.tags(), sla.getOrDefault(c.id(), CaseSla.NONE)))
                .toList();
    }
}
