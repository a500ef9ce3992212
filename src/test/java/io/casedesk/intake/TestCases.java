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
}
