package io.casedesk.survey;

import static org.awaitility.Awaitility.await;

import io.casedesk.TestMailServer;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TestCases;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Brings a case of the running application (job executor on) to the customer's links: opened as the API opens
 * it, resolved by an agent through the engine, then the links read out of the mails the SMTP server received.
 */
final class CustomerJourney {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private CustomerJourney() {}

    /** The customer of each case opened here: other test contexts have cases with the same references. */
    private static final Map<String, String> CUSTOMERS = new ConcurrentHashMap<>();

    static String openCase(IntakeService intake, String subject, String description) {
        String customer = "pages-" + UUID.randomUUID() + "@example.com";
        String ref = TestCases.open(intake, "email", customer, "standard", subject, description, null);
        CUSTOMERS.put(ref, customer);
        return ref;
    }

    /** The mails of a case opened here, oldest first. */
    static List<MimeMessage> mailsFor(String ref) {
        String customer = CUSTOMERS.get(ref);
        return TestMailServer.mailsFor(ref).stream()
                .filter(m -> TestMailServer.recipient(m).equals(customer))
                .toList();
    }

    /** The agent resolves the case; retried because the acknowledgement job may touch the process meanwhile. */
    static void resolve(TaskService tasks, String ref) {
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            Task task = tasks.createTaskQuery()
                    .processInstanceBusinessKey(ref)
                    .taskDefinitionKey("Task_Troubleshoot")
                    .singleResult();
            tasks.complete(
                    task.getId(),
                    Map.of(
                            "outcome",
                            "resolved",
                            "reply",
                            "We have re-sent your parcel.",
                            "resolution",
                            "Re-sent the parcel",
                            "tags",
                            "delivery-delay",
                            "knowledgeGap",
                            false));
            return true;
        });
    }

    /** The first link to /{page}/… in the latest mail of the case whose subject contains subjectPart. */
    static Optional<String> linkIn(String ref, String subjectPart, String page) {
        return mailsFor(ref).stream()
                .filter(m -> TestMailServer.subject(m).contains(subjectPart))
                .reduce((a, b) -> b)
                .flatMap(m -> firstMatch(text(m), "https?://[^\\s\"'<>]+/" + page + "/[A-Za-z0-9_-]{20,}"));
    }

    /**
     * The link of the latest mail of the case whose subject contains subjectPart, once its token is committed. The
     * mail task sends before its transaction commits (until mail goes through the outbox), so a fast reader can be
     * ahead of the token and of the waiting flow, and a mail job that failed after sending is retried with a new
     * mail and token: hence the latest mail, read again on every poll.
     */
    static String awaitValidLink(FeedbackService feedback, String ref, String subjectPart, String page) {
        return await().atMost(PATIENCE)
                .until(
                        () -> linkIn(ref, subjectPart, page)
                                .filter(link -> page.equals("survey")
                                        ? feedback.survey(token(link)).isPresent()
                                        : feedback.subjectFor(token(link), false)
                                                .isPresent())
                                .orElse(null),
                        link -> link != null);
    }

    /** A one-click score link of the survey mail, if the mail has them. */
    static Optional<String> scoreLinkIn(String ref, int score) {
        return mailsFor(ref).stream()
                .filter(m -> TestMailServer.subject(m).contains("How did we do"))
                .reduce((a, b) -> b)
                .flatMap(m -> firstMatch(text(m), "https?://[^\\s\"'<>]+/survey/[A-Za-z0-9_-]{20,}\\?score=" + score));
    }

    /** The link with its origin replaced by the test server's: mails carry casedesk.public-url. */
    static String onServer(String link, String baseUrl) {
        return link.replaceFirst("^https?://[^/]+", baseUrl);
    }

    static String token(String link) {
        return firstMatch(link, "(?<=/)[A-Za-z0-9_-]{20,}").orElseThrow();
    }

    /** Every text part of the mail, decoded (plain text, or HTML with entities of links undone). */
    static String text(MimeMessage message) {
        try {
            var out = new StringBuilder();
            collect(message, out);
            return out.toString().replace("&amp;", "&");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, StringBuilder out) throws Exception {
        if (part.isMimeType("text/*")) {
            out.append(part.getContent()).append('\n');
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), out);
            }
        }
    }

    private static Optional<String> firstMatch(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
