package io.casedesk.metrics;

import io.casedesk.cases.CaseReporting;
import io.casedesk.cases.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping(path = "/api/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
class MetricsController {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    /** Group ids and user ids are at most this long in Camunda identity. */
    private static final int MAX_NAME = 128;

    private final MetricsService metrics;
    private final Clock clock;

    MetricsController(MetricsService metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * from / to: ISO instants or dates (UTC; a date as "to" includes that day); default the last 30 days. group,
     * channel, agent: only that group's, channel's or agent's cases.
     */
    @GetMapping
    Metrics get(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String agent) {
        return metrics.metrics(filter(clock, from, to, group, channel, agent));
    }

    /** The filter of a request to the metrics or the dashboard; 400 naming the parameter when one is wrong. */
    static CaseReporting.Filter filter(
            Clock clock, String from, String to, String group, String channel, String agent) {
        Instant end = blank(to) ? clock.instant() : instant(to, "to", true);
        Instant start = blank(from) ? end.minus(DEFAULT_PERIOD) : instant(from, "from", false);
        if (!start.isBefore(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to");
        }
        String channelWire = null;
        if (!blank(channel)) {
            try {
                channelWire = Channel.fromWire(channel).wire();
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(
                        HttpStatus.BAD_REQUEST, "channel must be one of chat, email, phone, social, web");
            }
        }
        return new CaseReporting.Filter(start, end, name(group, "group"), channelWire, name(agent, "agent"));
    }

    private static String name(String value, String parameter) {
        if (blank(value)) {
            return null;
        }
        if (value.length() > MAX_NAME) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, parameter + " must be at most " + MAX_NAME + " characters");
        }
        return value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Instant instant(String value, String name, boolean endOfDay) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeParseException e) {
                throw new ResponseStatusException(
                        HttpStatus.BAD_REQUEST,
                        name + " must be an ISO-8601 instant or date, e.g. 2026-11-01 or 2026-11-01T00:00:00Z");
            }
        }
    }
}
