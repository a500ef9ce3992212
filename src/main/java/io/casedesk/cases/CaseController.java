package io.casedesk.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@Validated
class CaseController {

    /** Integrations see only the cases they opened (API.md); people in a support role see all. */
    private static final List<String> STAFF = List.of(
            "GROUP_tier1",
            "GROUP_tier2",
            "GROUP_specialists",
            "GROUP_managers",
            "GROUP_ops",
            "GROUP_knowledge",
            "GROUP_process-owners",
            "GROUP_camunda-admin");

    private final CaseService cases;
    private final CustomerMessages messages;

    CaseController(CaseService cases, CustomerMessages messages) {
        this.cases = cases;
        this.messages = messages;
    }

    @GetMapping("/{reference}")
    CaseView get(@PathVariable String reference, Authentication user) {
        SupportCase c = visibleCase(reference, user);
        return CaseView.of(c, cases.timeline(c.reference()));
    }

    @GetMapping
    Map<String, Object> list(
            @RequestParam(required = false)
                    @Pattern(regexp = "open|in_progress|waiting_on_customer|escalated|resolved|closed")
                    String status,
            @RequestParam(required = false) @Pattern(regexp = "P[123]") String priority,
            @RequestParam(required = false) @Pattern(regexp = "[a-z0-9-]{1,64}") String tag,
            @RequestParam(required = false) @Size(max = 320) String customer,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            Authentication user) {
        var query = new CaseQuery(
                status == null ? null : CaseStatus.fromWire(status),
                priority,
                tag,
                customer == null ? null : customer.toLowerCase(java.util.Locale.ROOT),
                isStaff(user) ? null : user.getName(),
                page,
                size);
        CasePage result = cases.search(query);
        return Map.of(
                "items",
                result.items().stream().map(c -> CaseView.of(c, List.of())).toList(),
                "total",
                result.total());
    }

    // no "consumes": a mismatch there fails before a handler is chosen, where ApiProblems (scoped to
    // @RestController) cannot answer; the JSON converter refuses other types with a 415 problem+json instead
    @PostMapping(path = "/{reference}/messages")
    ResponseEntity<Map<String, Object>> addMessage(
            @PathVariable String reference, @Valid @RequestBody CustomerMessage message, Authentication user) {
        visibleCase(reference, user);
        CustomerMessages.Effect effect = messages.receive(reference, message.body());
        return ResponseEntity.accepted().body(Map.of("reference", reference, "effect", effect.wire()));
    }

    private SupportCase visibleCase(String reference, Authentication user) {
        SupportCase c = cases.find(reference).orElseThrow(() -> new CaseNotFoundException(reference));
        if (!isStaff(user) && !user.getName().equals(c.openedBy())) {
            // the same answer as for an unknown case, so an integration cannot probe for references
            throw new CaseNotFoundException(reference);
        }
        return c;
    }

    private static boolean isStaff(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> STAFF.contains(a.getAuthority()));
    }
}
