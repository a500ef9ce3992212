package io.casedesk.metrics;

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

    private final MetricsService metrics;
    private final Clock clock;

    MetricsController(MetricsService metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    /** from / to: ISO instants or dates (UTC; a date as "to" includes that day); default the last 30 days. */
    @GetMapping
    Metrics get(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Instant end = to == null ? clock.instant() : instant(to, "to", true);
        Instant start = from == null ? end.minus(DEFAULT_PERIOD) : instant(from, "from", false);
        if (!start.isBefore(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to");
        }
        return metrics.metrics(start, end);
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
