package io.casedesk.trends;

import io.casedesk.cases.CaseTrends;
import io.casedesk.cases.CaseTrends.KeyCount;
import io.casedesk.cases.CaseTrends.MessageCount;
import io.casedesk.cases.CaseTrends.OpenCase;
import io.casedesk.cases.CaseTrends.ScoredMessage;
import io.casedesk.cases.CaseTrends.TrendCase;
import io.casedesk.trends.IncidentEvidence.Customer;
import io.casedesk.trends.IncidentEvidence.EvidenceCase;
import io.casedesk.trends.IncidentEvidence.SampleMessage;
import io.casedesk.trends.IncidentEvidence.SentimentPoint;
import io.casedesk.trends.TrendReport.IncidentLine;
import io.casedesk.trends.TrendReport.KeyTrend;
import io.casedesk.trends.TrendReport.SentimentTrend;
import io.casedesk.trends.TrendThresholds.Measure;
import io.casedesk.trends.TrendThresholds.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trends in the tickets: counts per tag, category and of negative customer messages in a window against each key's
 * baseline, spikes decided by the DMN table trend-thresholds, and the incidents they become. An incident is detected
 * once: it holds its key (see V50) while detected or confirmed, and once dismissed or closed until a cycle sees no
 * spike for the key, so a spike that persists is the same incident and a dismissed one does not come back.
 */
@Service
@Transactional
public class Trends {

    /** The key of the one sentiment incident: the share of negative customer messages. */
    public static final String NEGATIVE = "negative";

    private static final Set<IncidentStatus> OPEN = EnumSet.of(IncidentStatus.DETECTED, IncidentStatus.CONFIRMED);

    private final IncidentStore incidents;
    private final CaseTrends counts;
    private final TrendThresholds thresholds;
    private final TrendSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Trends(
            IncidentStore incidents,
            CaseTrends counts,
            TrendThresholds thresholds,
            TrendSettings settings,
            Clock clock,
            ApplicationEventPublisher events) {
        this.incidents = incidents;
        this.counts = counts;
        this.thresholds = thresholds;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    /** The figures of one window: each key's measure and the table's verdict. */
    record Spike(Measure measure, Verdict verdict) {}

    /**
     * One trend-watch cycle over the window ending now: opens an incident for each spike whose key no incident holds,
     * publishes {@link IncidentDetected} for it, and lets dismissed or closed incidents whose spike is over release
     * their key. Returns the new incidents.
     */
    public List<TrendIncident> detect(Instant now) {
        Duration window = settings.window();
        Instant windowStart = now.minus(window);
        List<Spike> spikes = measure(windowStart, now).stream()
                .filter(s -> s.verdict().spike())
                .toList();
        Map<String, Spike> spiking = new LinkedHashMap<>();
        spikes.forEach(s -> spiking.put(
                IncidentStore.heldKey(s.measure().kind(), s.measure().key()), s));
        Set<String> held = new LinkedHashSet<>();
        for (TrendIncident incident : incidents.holding()) {
            String key = IncidentStore.heldKey(incident.kind(), incident.key());
            held.add(key);
            if (spiking.containsKey(key)) {
                incidents.spikeSeen(incident.id(), now);
            } else if (!incident.status().isOpen()) {
                incidents.release(incident.id(), now);
            }
        }
        var opened = new ArrayList<TrendIncident>();
        spiking.forEach((key, spike) -> {
            if (held.contains(key)) {
                return;
            }
            Measure m = spike.measure();
            boolean sentiment = m.kind() == IncidentKind.SENTIMENT;
            incidents
                    .open(
                            m.kind(),
                            m.key(),
                            now,
                            windowStart,
                            sentiment ? Math.round(m.negativeShare() * m.messages()) : m.count(),
                            sentiment ? m.baselineShare() : m.baseline(),
                            spike.verdict().rule())
                    .flatMap(incidents::find)
                    .ifPresent(incident -> {
                        opened.add(incident);
                        events.publishEvent(new IncidentDetected(incident.id(), incident.kind(), incident.key()));
                    });
        });
        return opened;
    }

    /**
     * GET /api/trends: the window ending now (null: casedesk.trends.window), and the incidents of the baseline period
     * or still holding their key.
     */
    @Transactional(readOnly = true)
    public TrendReport report(Duration requested) {
        Duration window = requested == null ? settings.window() : requested;
        Instant now = clock.instant();
        Instant windowStart = now.minus(window);
        var tags = new ArrayList<KeyTrend>();
        var categories = new ArrayList<KeyTrend>();
        SentimentTrend sentiment = null;
        for (Spike s : measure(window, windowStart, now)) {
            Measure m = s.measure();
            switch (m.kind()) {
                case TAG ->
                    tags.add(new KeyTrend(
                            m.key(), m.count(), m.baseline(), s.verdict().spike()));
                case CATEGORY ->
                    categories.add(new KeyTrend(
                            m.key(), m.count(), m.baseline(), s.verdict().spike()));
                case SENTIMENT ->
                    sentiment = new SentimentTrend(
                            m.messages(),
                            m.negativeShare(),
                            m.baselineShare(),
                            s.verdict().spike());
            }
        }
        List<IncidentLine> lines = incidents.recent(now.minus(Duration.ofDays(settings.baselineDays()))).stream()
                .map(this::line)
                .toList();
        return new TrendReport(window, tags, categories, sentiment, lines);
    }

    /** The incidents not yet over (detected or confirmed), newest first, each with its cases (for the dashboard). */
    @Transactional(readOnly = true)
    public List<IncidentLine> openIncidents() {
        return incidents.holding().stream()
                .filter(i -> OPEN.contains(i.status()))
                .sorted(Comparator.comparing(TrendIncident::detectedAt).reversed())
                .map(this::line)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<TrendIncident> incident(long id) {
        return incidents.find(id);
    }

    /** What ops review: the cases, their customers, first and latest, sample messages and the sentiment curve. */
    @Transactional(readOnly = true)
    public IncidentEvidence evidence(long id) {
        TrendIncident incident = get(id);
        List<TrendCase> found = matchingOrLinked(incident);
        var customers = new LinkedHashMap<String, Customer>();
        found.forEach(c -> customers.putIfAbsent(c.customerEmail(), new Customer(c.customerEmail(), c.customerName())));
        Instant first = found.stream()
                .map(TrendCase::createdAt)
                .min(Comparator.naturalOrder())
                .orElse(null);
        Instant latest = found.stream()
                .map(TrendCase::createdAt)
                .max(Comparator.naturalOrder())
                .orElse(null);
        Instant curveFrom = incident.windowStart().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        List<ScoredMessage> messages = incident.kind() == IncidentKind.SENTIMENT
                ? counts.messages(curveFrom, incident.windowEnd(), 10_000)
                : counts.messagesOf(
                        found.stream()
                                .limit(settings.evidenceCases())
                                .map(TrendCase::reference)
                                .toList(),
                        10_000);
        List<SampleMessage> samples = messages.stream()
                .filter(m -> !m.at().isBefore(incident.windowStart()))
                .filter(m -> incident.kind() != IncidentKind.SENTIMENT || m.sentiment() < settings.negativeBelow())
                .sorted(Comparator.comparing(ScoredMessage::at).reversed())
                .limit(settings.samples())
                .map(m -> new SampleMessage(m.reference(), m.at(), m.text(), m.sentiment()))
                .toList();
        return new IncidentEvidence(
                incident,
                found.stream()
                        .limit(settings.evidenceCases())
                        .map(c -> new EvidenceCase(
                                c.reference(),
                                c.subject(),
                                c.customerEmail(),
                                c.customerName(),
                                c.createdAt(),
                                c.status().wire(),
                                c.sentiment()))
                        .toList(),
                List.copyOf(customers.values()),
                first,
                latest,
                samples,
                curve(messages, curveFrom, incident.windowEnd()));
    }

    /**
     * Distinct customer addresses of everyone an incident's announcement is for: the customers of the cases with the
     * key in the incident's window, of the cases linked to it, and of the open cases it is still to link (see
     * {@link #unlinkedOpenCases}), so the announcement can be queued before the linking is done.
     */
    @Transactional(readOnly = true)
    public List<String> affectedCustomerEmails(long id) {
        TrendIncident incident = get(id);
        var emails = new LinkedHashSet<String>();
        matchingOrLinked(incident).forEach(c -> emails.add(c.customerEmail()));
        unlinked(incident, 0, Integer.MAX_VALUE).forEach(c -> emails.add(c.customerEmail()));
        return List.copyOf(emails);
    }

    /**
     * The next chunk of cases to link to the incident: up to {@code limit} open cases with its key (of any time; for
     * sentiment: those with a negative message in its window) that no incident has yet, with ids above
     * {@code afterCaseId}, in the order of ids. A case linked meanwhile (by a chunk before, or at intake) is not
     * among them, so running a chunk again links nothing twice.
     */
    @Transactional(readOnly = true)
    public List<OpenCase> unlinkedOpenCases(long id, long afterCaseId, int limit) {
        return unlinked(get(id), afterCaseId, limit);
    }

    private List<OpenCase> unlinked(TrendIncident incident, long afterCaseId, int limit) {
        return switch (incident.kind()) {
            case TAG -> counts.unlinkedOpenCasesWithTag(incident.key(), afterCaseId, limit);
            case CATEGORY -> counts.unlinkedOpenCasesInCategory(incident.key(), afterCaseId, limit);
            case SENTIMENT ->
                counts.unlinkedOpenCasesWithNegativeMessages(
                        incident.windowStart(), incident.windowEnd(), settings.negativeBelow(), afterCaseId, limit);
        };
    }

    /** The detected or confirmed incident a new case with these tags or this category joins, if any. */
    @Transactional(readOnly = true)
    public Optional<TrendIncident> openIncidentFor(Collection<String> tags, String category) {
        return incidents.holding().stream()
                .filter(i -> i.status().isOpen())
                .filter(i -> switch (i.kind()) {
                    case TAG -> tags != null && tags.contains(i.key());
                    case CATEGORY -> i.key().equals(category);
                    case SENTIMENT -> false;
                })
                .findFirst();
    }

    public void confirm(long id) {
        move(id, List.of(IncidentStatus.DETECTED), IncidentStatus.CONFIRMED, null, null);
    }

    /** Ops found it no incident: the reason is kept, and the key stays held until its spike is over. */
    public void dismiss(long id, String reason) {
        move(id, List.copyOf(OPEN), IncidentStatus.DISMISSED, reason, null);
    }

    public void close(long id) {
        move(id, List.copyOf(OPEN), IncidentStatus.CLOSED, null, clock.instant());
    }

    private void move(long id, List<IncidentStatus> from, IncidentStatus to, String reason, Instant closedAt) {
        if (!incidents.transition(id, from, to, reason, closedAt)) {
            TrendIncident incident = get(id);
            throw new IllegalStateException(
                    "Incident %d is %s, not %s".formatted(id, incident.status().wire(), from));
        }
    }

    private TrendIncident get(long id) {
        return incidents.find(id).orElseThrow(() -> new IncidentNotFoundException(id));
    }

    private List<Spike> measure(Instant windowStart, Instant windowEnd) {
        return measure(settings.window(), windowStart, windowEnd);
    }

    /**
     * Every tag and category seen in the window and the negative share of customer messages, each with its baseline
     * over the days before the window, and the table's verdict.
     */
    private List<Spike> measure(Duration window, Instant windowStart, Instant windowEnd) {
        Instant baselineStart = windowStart.minus(Duration.ofDays(settings.baselineDays()));
        double windowsInBaseline =
                (double) Duration.ofDays(settings.baselineDays()).toMillis() / window.toMillis();
        var measured = new ArrayList<Spike>();
        keyed(
                IncidentKind.TAG,
                counts.tagCounts(windowStart, windowEnd),
                counts.tagCounts(baselineStart, windowStart),
                windowsInBaseline,
                measured);
        keyed(
                IncidentKind.CATEGORY,
                counts.categoryCounts(windowStart, windowEnd),
                counts.categoryCounts(baselineStart, windowStart),
                windowsInBaseline,
                measured);
        MessageCount now = counts.messageCount(windowStart, windowEnd, settings.negativeBelow());
        MessageCount before = counts.messageCount(baselineStart, windowStart, settings.negativeBelow());
        Measure sentiment = new Measure(
                IncidentKind.SENTIMENT, NEGATIVE, now.negative(), 0, now.messages(), share(now), share(before));
        measured.add(new Spike(sentiment, thresholds.decide(sentiment)));
        return measured;
    }

    private void keyed(
            IncidentKind kind,
            List<KeyCount> inWindow,
            List<KeyCount> inBaseline,
            double windowsInBaseline,
            List<Spike> into) {
        Map<String, Long> before = new HashMap<>();
        inBaseline.forEach(k -> before.put(k.key(), k.count()));
        inWindow.stream().sorted(Comparator.comparing(KeyCount::key)).forEach(k -> {
            double baseline = before.getOrDefault(k.key(), 0L) / windowsInBaseline;
            Measure m = new Measure(kind, k.key(), k.count(), baseline, 0, 0, 0);
            into.add(new Spike(m, thresholds.decide(m)));
        });
    }

    private static double share(MessageCount count) {
        return count.messages() == 0 ? 0 : (double) count.negative() / count.messages();
    }

    /** The incident as GET /api/trends and the dashboard list it, with the number of its cases. */
    private IncidentLine line(TrendIncident incident) {
        return new IncidentLine(
                incident.id(),
                incident.kind(),
                incident.key(),
                incident.detectedAt(),
                incident.status(),
                matchingOrLinked(incident).size());
    }

    /** The cases with the key in the incident's window and the cases linked to it, each once, oldest first. */
    private List<TrendCase> matchingOrLinked(TrendIncident incident) {
        int limit = Integer.MAX_VALUE;
        List<TrendCase> matching = switch (incident.kind()) {
            case TAG -> counts.casesWithTag(incident.key(), incident.windowStart(), incident.windowEnd(), limit);
            case CATEGORY ->
                counts.casesInCategory(incident.key(), incident.windowStart(), incident.windowEnd(), limit);
            case SENTIMENT ->
                counts.casesWithNegativeMessages(
                        incident.windowStart(), incident.windowEnd(), settings.negativeBelow(), limit);
        };
        var byReference = new LinkedHashMap<String, TrendCase>();
        matching.forEach(c -> byReference.put(c.reference(), c));
        counts.casesLinkedTo(incident.id()).forEach(c -> byReference.putIfAbsent(c.reference(), c));
        return byReference.values().stream()
                .sorted(Comparator.comparing(TrendCase::createdAt).thenComparing(TrendCase::reference))
                .toList();
    }

    private List<SentimentPoint> curve(List<ScoredMessage> messages, Instant from, Instant to) {
        var hours = new TreeMap<Instant, List<Double>>();
        for (Instant h = from.truncatedTo(ChronoUnit.HOURS); h.isBefore(to); h = h.plus(Duration.ofHours(1))) {
            hours.put(h, new ArrayList<>());
        }
        messages.stream()
                .filter(m -> !m.at().isBefore(from) && m.at().isBefore(to))
                .forEach(m -> hours.computeIfAbsent(m.at().truncatedTo(ChronoUnit.HOURS), h -> new ArrayList<>())
                        .add(m.sentiment()));
        return hours.entrySet().stream()
                .map(e -> new SentimentPoint(
                        e.getKey(),
                        e.getValue().size(),
                        (int) e.getValue().stream()
                                .filter(s -> s < settings.negativeBelow())
                                .count(),
                        e.getValue().stream()
                                .mapToDouble(Double::doubleValue)
                                .average()
                                .orElse(0)))
                .toList();
    }
}
