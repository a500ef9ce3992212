package io.casedesk.sla.simulation;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** POST /api/policy/simulate: try candidate tables on past cases before deploying them. */
@RestController
class PolicySimulationController {

    private static final int MAX_FILE_NAME = 200;

    private final PolicySimulation simulation;

    PolicySimulationController(PolicySimulation simulation) {
        this.simulation = simulation;
    }

    /**
     * {@code from} / {@code to}: ISO instants ({@code 2026-03-01T00:00:00Z}) or dates ({@code 2026-03-01}, in
     * UTC); a date as {@code to} includes that whole day.
     */
    // no "consumes": a mismatch there fails before a handler is chosen, where ApiProblems (scoped to
    // @RestController) cannot answer; the check below gives the 415 as problem+json instead
    @PostMapping(path = "/api/policy/simulate", produces = MediaType.APPLICATION_JSON_VALUE)
    SimulationReport simulate(
            @RequestPart(name = "casePriority", required = false) MultipartFile casePriority,
            @RequestPart(name = "slaTargets", required = false) MultipartFile slaTargets,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            HttpServletRequest request)
            throws IOException, HttpMediaTypeNotSupportedException {
        String contentType = request.getContentType();
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            throw new HttpMediaTypeNotSupportedException(
                    sent(contentType), List.of(MediaType.MULTIPART_FORM_DATA), HttpMethod.POST);
        }
        return simulation.simulate(new PolicySimulation.Request(
                file(casePriority, "casePriority"),
                file(slaTargets, "slaTargets"),
                bound("from", from, false),
                bound("to", to, true)));
    }

    /** What the client sent, as Spring names it: a missing type counts as application/octet-stream. */
    private static MediaType sent(String contentType) {
        try {
            return contentType == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private static CandidateFile file(MultipartFile part, String partName) throws IOException {
        if (part == null) {
            return null;
        }
        String name = part.getOriginalFilename();
        if (name == null || name.isBlank()) {
            name = partName;
        }
        if (name.length() > MAX_FILE_NAME) {
            name = name.substring(0, MAX_FILE_NAME);
        }
        return new CandidateFile(name, part.getBytes());
    }

    static Instant bound(String parameter, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw PolicySimulation.badRequest(
                    parameter + ": expected an ISO instant (2026-03-01T00:00:00Z) or a date (2026-03-01)");
        }
    }
}
