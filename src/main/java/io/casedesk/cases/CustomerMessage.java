package io.casedesk.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of POST /api/cases/{reference}/messages. */
record CustomerMessage(
        @NotBlank @Pattern(regexp = "customer", message = "must be customer")
        String from,

        @NotBlank @Size(max = 10_000) String body) {}
