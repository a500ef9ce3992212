package io.casedesk.trends;

import io.casedesk.prevention.PreventionService;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** GET /api/trends (managers, ops, process owners): the shape of API.md. */
@RestController
@RequestMapping(path = "/api/trends", produces = MediaType.APPLICATION_JSON_VALUE)
class TrendController {

    /** A window shorter than a minute counts next to nothing; one longer than a day leaves a 7-day baseline few. */
    static final Duration SHORTEST = Duration.ofMinutes(1);

    static final Duration LONGEST = Duration.ofDays(1);

    private final Trends trends;
    private final ObjectProvider<PreventionService> prevention;

    TrendController(Trends trends, ObjectProvider<PreventionService> prevention) {
        this.trends = trends;
        this.prevention = prevention;
    }

    /** Whether an incident's prevention ticket worked: its key's cases and CSAT before and after (proactive-outreach). */
    record PreventionCheckView(
            long incident,
            String key,
            String ticket,
            long casesBefore,
            long casesAfter,
            Double csatBefore,
            Double csatAfter,
            boolean improved,
            Instant checkedAt) {}

    record TagView(String tag, long count, double baseline, boolean spike) {}

    record CategoryView(String category, long count, double baseline, boolean spike) {}

    record SentimentView(long messages, double negativeShare, double baseline, boolean spike) {}

    record IncidentView(
            long id, IncidentKind kind, String key, Instant detectedAt, IncidentStatus status, long cases) {}

    record TrendsView(
            String window,
            List<TagView> tags,
            List<CategoryView> categories,
            SentimentView sentiment,
            List<IncidentView> incidents,
            List<PreventionCheckView> preventionChecks) {}

    /** window: an ISO-8601 duration from a minute to a day; without it casedesk.trends.window. */
    @GetMapping
    TrendsView get(@RequestParam(required = false) String window) {
        TrendReport report = trends.report(window == null || window.isBlank() ? null : window(window));
        var sentiment = report.sentiment();
        return new TrendsView(
                report.window().toString(),
                report.tags().stream()
                        .map(t -> new TagView(t.key(), t.count(), t.baseline(), t.spike()))
                        .toList(),
                report.categories().stream()
                        .map(t -> new CategoryView(t.key(), t.count(), t.baseline(), t.spike()))
                        .toList(),
                new SentimentView(
                        sentiment.messages(), sentiment.negativeShare(), sentiment.baseline(), sentiment.spike()),
                report.incidents().stream()
                        .map(i -> new IncidentView(i.id(), i.kind(), i.key(), i.detectedAt(), i.status(), i.cases()))
                        .toList(),
                preventionChecks());
    }

    private List<PreventionCheckView> preventionChecks() {
        PreventionService checks = prevention.getIfAvailable();
        return checks == null
                ? List.of()
                : checks.checks().stream()
                        .map(c -> new PreventionCheckView(
                                c.incidentId(),
                                c.key(),
                                "PREV-" + c.ticketId(),
                                c.casesBefore(),
                                c.casesAfter(),
                                c.csatBefore(),
                                c.csatAfter(),
                                c.improved(),
                                c.checkedAt()))
                        .toList();
    }

    private static Duration window(String value) {
        Duration parsed;
        try {
            parsed = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw badWindow();
        }
        if (parsed.compareTo(SHORTEST) < 0 || parsed.compareTo(LONGEST) > 0) {
            throw badWindow();
        }
        return parsed;
    }

    private static ResponseStatusException badWindow() {
        return new ResponseStatusException(
                HttpStatus.BAD_REQUEST, "window must be an ISO-8601 duration from PT1M to P1D, e.g. PT1H");
    }
}
