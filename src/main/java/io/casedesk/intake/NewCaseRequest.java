package io.casedesk.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of POST /api/cases. Unknown fields are rejected (spring.jackson.deserialization.fail-on-unknown-properties). */
record NewCaseRequest(
        @NotNull
        @Pattern(regexp = "chat|email|phone|social|web", message = "must be one of chat, email, phone, social, web")
        String channel,

        @NotNull @Valid Customer customer,
        @NotBlank @Size(max = 300) String subject,

        @NotBlank @Size(max = NewCaseRequest.MAX_DESCRIPTION)
        String description,

        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._/-]*", message = "may hold letters, digits and . _ / - only")
        String orderId,

        @Pattern(regexp = "critical|high|medium|low", message = "must be one of critical, high, medium, low")
        String severity,

        @Size(max = 10)
        List<
                        @NotBlank @Size(max = 64)
                        @Pattern(
                                regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                                message = "must be a lower-case tag like delivery-delay")
                        String>
                tags) {

    static final int MAX_DESCRIPTION = 10_000;

    record Customer(
            @NotBlank @Email @Size(max = 320) String email,
            @Size(max = 200) String name,

            @Pattern(regexp = "standard|vip", message = "must be standard or vip")
            String tier) {}
}
