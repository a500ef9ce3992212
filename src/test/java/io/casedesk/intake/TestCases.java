package io.casedesk.intake;

import java.util.List;

/** Opens cases the way the API does, for tests in other packages. */
public final class TestCases {

    private TestCases() {}

    public static String open(
            IntakeService intake,
            String channel,
            String email,
            String tier,
            String subject,
            String description,
            String severity,
            String... tags) {
        var request = new NewCaseRequest(
                channel,
                new NewCaseRequest.Customer(email, "Test Customer", tier),
                subject,
                description,
                null,
                severity,
                List.of(tags));
        return intake.open(request, "ivy", null).reference();
    }

    /** An email case about an order, as a shop's contact form opens it. */
    public static String openAboutOrder(
            IntakeService intake, String email, String subject, String description, String orderId) {
        var request = new NewCaseRequest(
                "email",
                new NewCaseRequest.Customer(email, "Test Customer", "standard"),
                subject,
                description,
                orderId,
                null,
                List.of());
        return intake.open(request, "ivy", null).reference();
    }
}
