package io.casedesk.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.security.Principal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
@Validated
class IntakeController {

    private final IntakeService intake;

    IntakeController(IntakeService intake) {
        this.intake = intake;
    }

    // no "consumes": a mismatch there fails before a handler is chosen, where ApiProblems (scoped to
    // @RestController) cannot answer; the JSON converter refuses other types with a 415 problem+json instead
    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CaseOpened> open(
            @Valid @RequestBody NewCaseRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false)
                    @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}", message = "must be 1-128 letters, digits or . _ : -")
                    String idempotencyKey,
            Principal principal) {
        CaseOpened opened;
        try {
            opened = intake.open(request, principal.getName(), idempotencyKey);
        } catch (DuplicateKeyException concurrentDuplicate) {
            opened = intake.replay(request, principal.getName(), idempotencyKey);
        }
        return ResponseEntity.created(URI.create("/api/cases/" + opened.reference()))
                .body(opened);
    }
}
