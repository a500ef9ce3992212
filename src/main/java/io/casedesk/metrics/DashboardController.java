package io.casedesk.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.cases.CaseReporting;
import io.casedesk.sla.SlaReporting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /dashboard: the service's health for managers, rendered on the server (every figure is also a table, so the page
 * reads without JavaScript and with a screen reader); the charts are drawn by /dashboard/dashboard.js from the same
 * figures, handed over as a JSON data block (no inline script, as the strict CSP wants). It reloads itself.
 */
@Controller
class DashboardController {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final int BREACHING_SHOWN = 20;
    private static final int TAGS_SHOWN = 8;
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** One week of the charts over time. */
    record Week(
            String label,
            long cases,
            Long frtAvgSeconds,
            Long frtP90Seconds,
            Long resolutionAvgSeconds,
            Long resolutionP90Seconds,
            Double csat,
            Double fcr,
            Double slaResponse,
            Double slaResolution) {}

    record TagTrend(String tag, long thisWeek, long lastWeek) {}

    record Breaching(String reference, String priority, String group, String target, String due, String cockpitLink) {}

    /** An open trend incident as shown: detected at, in the page's time format. */
    record Incident(String kind, String key, String detectedAt, long cases) {}

    private final MetricsService metrics;
    private final MetricsProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final ObjectProvider<OpenIncidents> incidents;

    DashboardController(
            MetricsService metrics,
            MetricsProperties properties,
            ObjectMapper json,
            Clock clock,
            ObjectProvider<OpenIncidents> incidents) {
        this.metrics = metrics;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.incidents = incidents;
    }

    @GetMapping("/dashboard/login")
    String login() {
        return "dashboard/login";
    }

    @GetMapping("/dashboard")
    String dashboard(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String agent,
            Model model)
            throws JsonProcessingException {
        CaseReporting.Filter filter = MetricsController.filter(clock, from, to, group, channel, agent);
        Metrics m = metrics.metrics(filter);
        List<Week> weeks = weeks(filter);
        List<TagTrend> tags = tags(filter);
        List<Breaching> breaching = metrics.breachingSoon(filter, BREACHING_SHOWN).stream()
                .map(DashboardController::breaching)
                .toList();
        OpenIncidents source = this.incidents.getIfAvailable();
        List<Incident> incidents = source == null
                ? null
                : source.open().stream()
                        .map(i -> new Incident(i.kind(), i.key(), TIME.format(i.detectedAt()), i.cases()))
                        .toList();

        var data = new LinkedHashMap<String, Object>();
        data.put("weeks", weeks);
        data.put("backlogByGroup", m.backlogByGroup());
        data.put("csat", m.figures().csat().distribution());
        data.put("tags", tags);
        model.addAttribute("m", m);
        model.addAttribute("weeks", weeks);
        model.addAttribute("tags", tags);
        model.addAttribute("breaching", breaching);
        model.addAttribute("incidents", incidents);
        model.addAttribute("priorities", MetricsService.PRIORITIES);
        model.addAttribute("period", DAY.format(m.from()) + " – " + DAY.format(m.to().minusMillis(1)));
        var scope = new ArrayList<String>();
        if (filter.group() != null) {
            scope.add("group " + filter.group());
        }
        if (filter.channel() != null) {
            scope.add("channel " + filter.channel());
        }
        if (filter.agent() != null) {
            scope.add("agent " + filter.agent());
        }
        model.addAttribute("scope", scope.isEmpty() ? null : String.join(" · ", scope));
        model.addAttribute("updatedAt", TIME.format(clock.instant()));
        model.addAttribute("refreshSeconds", properties.dashboardRefresh().toSeconds());
        model.addAttribute("groups", m.byGroup().keySet());
        model.addAttribute("agents", m.byAgent().keySet());
        model.addAttribute("channels", List.of("chat", "email", "phone", "social", "web"));
        model.addAttribute("chartData", dataBlock(data));
        return "dashboard/dashboard";
    }

    /** The last weeks up to the period's end, oldest first. */
    private List<Week> weeks(CaseReporting.Filter filter) {
        var weeks = new ArrayList<Week>();
        for (int i = properties.dashboardWeeks() - 1; i >= 0; i--) {
            Instant end = filter.to().minus(WEEK.multipliedBy(i));
            Instant start = end.minus(WEEK);
            Metrics.Figures f = metrics.totals(filter.withPeriod(start, end));
            weeks.add(new Week(
                    DAY.format(start),
                    f.cases(),
                    f.frt().avgSeconds(),
                    f.frt().p90Seconds(),
                    f.resolutionTime().avgSeconds(),
                    f.resolutionTime().p90Seconds(),
                    f.csat().average(),
                    f.fcr(),
                    f.slaCompliance().response(),
                    f.slaCompliance().resolution()));
        }
        return weeks;
    }

    /** The most frequent tags of the last 7 days and of the 7 before, side by side. */
    private List<TagTrend> tags(CaseReporting.Filter filter) {
        Instant now = clock.instant();
        Map<String, Long> thisWeek = counts(metrics.topTags(filter.withPeriod(now.minus(WEEK), now), TAGS_SHOWN));
        Map<String, Long> lastWeek = counts(
                metrics.topTags(filter.withPeriod(now.minus(WEEK.multipliedBy(2)), now.minus(WEEK)), TAGS_SHOWN));
        var tags = new LinkedHashSet<String>(thisWeek.keySet());
        tags.addAll(lastWeek.keySet());
        return tags.stream()
                .limit(TAGS_SHOWN)
                .map(t -> new TagTrend(t, thisWeek.getOrDefault(t, 0L), lastWeek.getOrDefault(t, 0L)))
                .toList();
    }

    private static Map<String, Long> counts(List<CaseReporting.TagCount> counts) {
        var map = new LinkedHashMap<String, Long>();
        counts.forEach(c -> map.put(c.tag(), c.cases()));
        return map;
    }

    private static Breaching breaching(SlaReporting.DueSoon due) {
        return new Breaching(
                due.reference(),
                due.priority(),
                due.group(),
                due.target().name().equals("RESPONSE") ? "first response" : "resolution",
                TIME.format(due.dueAt()),
                due.processInstanceId() == null
                        ? null
                        : "/camunda/app/cockpit/default/#/process-instance/" + due.processInstanceId() + "/runtime");
    }

    /** JSON for a script data block: no character of it can end the block or start markup. */
    private String dataBlock(Object data) throws JsonProcessingException {
        return json.writeValueAsString(data)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026");
    }
}
