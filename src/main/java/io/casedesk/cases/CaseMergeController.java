package io.casedesk.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/cases/{reference}/merge (API.md): agents of the case's group and managers merge a duplicate. */
@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseMergeController {

    /** Who may merge any case; an agent may merge the cases of their own group. */
    private static final Set<String> ANY_CASE = Set.of("GROUP_managers", "GROUP_camunda-admin");

    private final CaseService cases;

    CaseMergeController(CaseService cases) {
        this.cases = cases;
    }

    record MergeRequest(
            @NotBlank @Pattern(regexp = "CASE-\\d{6,18}", message = "must be a case reference like CASE-000123")
            String into,

            Boolean force) {}

    @PostMapping("/{reference}/merge")
    CaseView merge(@PathVariable String reference, @Valid @RequestBody MergeRequest request, Authentication user) {
        SupportCase c = cases.find(reference).orElseThrow(() -> new CaseNotFoundException(reference));
        if (!mayMerge(c, user)) {
            throw new NotYourGroup(reference);
        }
        SupportCase target =
                cases.merge(reference, request.into(), Boolean.TRUE.equals(request.force()), user.getName());
        return CaseView.of(target, cases.timeline(target.reference()));
    }

    private static boolean mayMerge(SupportCase c, Authentication user) {
        return user.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .anyMatch(a -> ANY_CASE.contains(a) || a.equals("GROUP_" + c.assignedGroup()));
    }

    static class NotYourGroup extends ErrorResponseException {

        NotYourGroup(String reference) {
            super(HttpStatus.FORBIDDEN);
            getBody().setTitle("Forbidden");
            getBody().setDetail("Only the agents of the group of " + reference + " and managers merge it");
        }
    }
}
