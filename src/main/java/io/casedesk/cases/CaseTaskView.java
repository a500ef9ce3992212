package io.casedesk.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an agent's (or a manager's) task shows of its case: its name in Tasklist (reference, priority, subject), the
 * case's details and the texts the form displays (the conversation newest last, sentiment latest and worst), the
 * task's priority in Tasklist's lists (P1 first, then VIP), its due date and its follow-up date (the next deadline).
 */
public record CaseTaskView(
        String caseReference,
        String taskName,
        String channel,
        String customerName,
        String customerEmail,
        String customerTier,
        String priority,
        String category,
        String subject,
        String description,
        String orderId,
        String sentimentText,
        String worstSentimentText,
        String conversationText,
        String nextDeadlineText,
        String responseDueText,
        String resolutionDueText,
        String recentCasesText,
        String timelineText,
        String escalationReason,
        String csatComment,
        int taskPriority,
        Instant dueAt,
        Instant followUpAt,
        String possibleDuplicateText,
        String automaticAnswerText) {

    static final int RECENT_CASES_SHOWN = 5;

    /** Put before a task's name while a customer message it has not answered waits on it. */
    public static final String NEW_MESSAGE_MARK = "✉ New message · ";

    /** How far a task with an unanswered customer message moves up its lists, within its priority's band. */
    public static final int NEW_MESSAGE_PRIORITY_BOOST = 5;

    /** A task whose next deadline is this close is "breaching soon". */
    public static final Duration BREACHING_SOON = Duration.ofHours(2);

    /** Camunda keeps 255 characters of a task's name; the mark and the reference need some of them. */
    static final int SUBJECT_IN_NAME = 120;

    private static final Pattern AGENT_REPLY = Pattern.compile("(.*?) \\(([a-z_]+)\\): (.*)", Pattern.DOTALL);

    /** Short enough for a Tasklist card. */
    private static final DateTimeFormatter SHORT =
            DateTimeFormatter.ofPattern("MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    static CaseTaskView of(SupportCase c, List<CaseEvent> timeline, List<SupportCase> recentCases) {
        Instant followUp = c.firstResponseAt() == null ? c.responseDueAt() : c.resolutionDueAt();
        return new CaseTaskView(
                c.reference(),
                taskName(c),
                c.channel().wire(),
                c.customerName(),
                c.customerEmail(),
                c.customerTier(),
                c.priority(),
                c.category(),
                c.subject(),
                c.description(),
                c.orderId(),
                sentimentText(c.latestSentiment()),
                sentimentText(c.worstSentiment()),
                conversation(c, timeline),
                followUp == null
                        ? ""
                        : (c.firstResponseAt() == null ? "response " : "resolution ") + SHORT.format(followUp),
                when(c.responseDueAt()),
                when(c.resolutionDueAt()),
                recentCases.stream()
                        .map(r -> "%s  %s  %s  %s"
                                .formatted(
                                        r.reference(),
                                        WHEN.format(r.createdAt()),
                                        r.status().wire(),
                                        r.subject()))
                        .collect(Collectors.joining("\n")),
                timeline.stream()
                        .map(e -> WHEN.format(e.at()) + "  " + e.type().wire() + "  "
                                + (e.detail() == null ? "" : e.detail()))
                        .collect(Collectors.joining("\n")),
                timeline.stream()
                        .filter(e -> e.type() == CaseEventType.ESCALATED)
                        .reduce((a, b) -> b)
                        .map(CaseEvent::detail)
                        .orElse(""),
                c.csatComment(),
                taskPriority(c.priority(), c.isVip()),
                c.resolutionDueAt(),
                // "Breaching soon" lists tasks by follow-up date: the next deadline still open, so by time left
                followUp,
                possibleDuplicate(c),
                automaticAnswer(c, timeline));
    }

    /** The open case of the customer this one likely repeats, and how to merge them. */
    static String possibleDuplicate(SupportCase c) {
        if (c.possibleDuplicateOf() == null) {
            return "None found";
        }
        return ("Possibly the same problem as %s (see the timeline). If it is, merge this case into it: "
                        + "POST /api/cases/%s/merge {\"into\": \"%s\"}")
                .formatted(c.possibleDuplicateOf(), c.reference(), c.possibleDuplicateOf());
    }

    /** What casedesk answered by itself, when it did: the customer has said it did not help. */
    static String automaticAnswer(SupportCase c, List<CaseEvent> timeline) {
        return timeline.stream()
                .filter(e -> e.type() == CaseEventType.AUTOMATIC_ANSWER)
                .reduce((a, b) -> b)
                .map(e -> "casedesk answered at " + WHEN.format(e.at()) + ": " + e.detail())
                .orElse(c.automated() ? "casedesk answered this case automatically" : "None");
    }

    /** Whether the next deadline is at most {@link #BREACHING_SOON} away (or already passed). */
    public boolean breachingSoon(Instant now) {
        return followUpAt != null && followUpAt.isBefore(now.plus(BREACHING_SOON));
    }

    /** E.g. {@code CASE-000123 · P1 · Order #4521 has not arrived}, as API.md names every case task. */
    static String taskName(SupportCase c) {
        String subject = c.subject() == null ? "" : c.subject().strip().replaceAll("\\s+", " ");
        if (subject.length() > SUBJECT_IN_NAME) {
            subject = subject.substring(0, SUBJECT_IN_NAME - 1) + "…";
        }
        return c.reference() + " · " + (c.priority() == null ? "P?" : c.priority()) + " · " + subject;
    }

    /** P1 first, then the VIPs' cases, then P2 and P3; an SLA warning or a new message moves a task up from there. */
    static int taskPriority(String priority, boolean vip) {
        String p = priority == null ? "P3" : priority;
        if (p.equals("P1")) {
            return vip ? 130 : 100;
        }
        if (vip) {
            return p.equals("P2") ? 90 : 80;
        }
        return p.equals("P2") ? 75 : 50;
    }

    /**
     * Every message between the customer and the agents, oldest first, each headed by its time and author. The
     * opening message is the case's subject and description; agents' answers without words for the customer are left
     * out. Plain text: the form shows it in a read-only field, so nothing in it is ever markup or an expression.
     */
    static String conversation(SupportCase c, List<CaseEvent> timeline) {
        String customer = (c.customerName() == null || c.customerName().isBlank() ? "customer" : c.customerName())
                + " (customer)";
        var messages = new ArrayList<String>();
        messages.add(message(c.createdAt(), customer, c.subject() + "\n" + c.description()));
        for (CaseEvent e : timeline) {
            if (e.type() == CaseEventType.CUSTOMER_MESSAGE) {
                messages.add(message(e.at(), customer, e.detail()));
            } else if (e.type() == CaseEventType.AGENT_REPLY && e.detail() != null) {
                Matcher reply = AGENT_REPLY.matcher(e.detail());
                if (reply.matches() && !reply.group(3).isBlank()) {
                    messages.add(message(
                            e.at(),
                            reply.group(1) + " (agent, " + reply.group(2).replace('_', ' ') + ")",
                            reply.group(3)));
                }
            }
        }
        return String.join("\n\n", messages);
    }

    private static String message(Instant at, String author, String text) {
        return when(at) + " · " + author + "\n" + (text == null ? "" : text.strip());
    }

    private static String sentimentText(double sentiment) {
        return "%.2f (%s)".formatted(sentiment, mood(sentiment));
    }

    private static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    private static String mood(double sentiment) {
        if (sentiment <= -0.05) {
            return "negative";
        }
        return sentiment >= 0.05 ? "positive" : "neutral";
    }
}
