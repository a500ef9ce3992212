package io.casedesk.system.devmail;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/** An embedded SMTP server (GreenMail) on the loopback interface that keeps every mail it receives, in memory. */
class DevMailbox {

    /** One captured mail: {@code id} numbers it in arrival order, from 1. {@code html} and {@code text} may be null. */
    public record CapturedMail(
            int id,
            Instant sentAt,
            String from,
            String to,
            String subject,
            String messageId,
            String inReplyTo,
            String text,
            String html) {

        private static final java.time.format.DateTimeFormatter SENT = java.time.format.DateTimeFormatter.ofPattern(
                        "yyyy-MM-dd HH:mm:ss")
                .withZone(java.time.ZoneOffset.UTC);

        public String sent() {
            return sentAt == null ? "" : SENT.format(sentAt);
        }
    }

    private final GreenMail server;
    /** In arrival order; a mail's id is its place here, counted from 1, so its link never changes. */
    private final List<CapturedMail> captured = new CopyOnWriteArrayList<>();

    private final AtomicInteger lastId = new AtomicInteger();

    DevMailbox(int port) {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        captureOnArrival(server.getManagers().getUserManager());
    }

    /**
     * GreenMail lists what it holds mailbox by mailbox, not in arrival order, so a position among its messages moves
     * when a mail for another recipient arrives. Each mail is numbered as it is delivered instead (once, however many
     * recipients it has).
     */
    private void captureOnArrival(UserManager users) {
        MessageDeliveryHandler delivering = users.getMessageDeliveryHandler();
        var lastMessage = new AtomicReference<MovingMessage>();
        users.setMessageDeliveryHandler((message, recipient) -> {
            GreenMailUser user = delivering.handle(message, recipient);
            if (lastMessage.getAndSet(message) != message) {
                captured.add(read(lastId.incrementAndGet(), message.getMessage()));
            }
            return user;
        });
    }

    int port() {
        return server.getSmtp().getPort();
    }

    void stop() {
        server.stop();
    }

    /** Every captured mail, newest first. */
    List<CapturedMail> newestFirst() {
        var mails = new ArrayList<>(captured);
        Collections.reverse(mails);
        return mails;
    }

    Optional<CapturedMail> get(int id) {
        return captured.stream().filter(m -> m.id() == id).findFirst();
    }

    private CapturedMail read(int id, MimeMessage message) {
        try {
            var parts = new String[2];
            collect(message, parts);
            return new CapturedMail(
                    id,
                    sentAt(message),
                    addresses(message.getFrom()),
                    addresses(message.getRecipients(Message.RecipientType.TO)),
                    message.getSubject(),
                    message.getMessageID(),
                    header(message, "In-Reply-To"),
                    parts[0],
                    parts[1]);
        } catch (MessagingException e) {
            throw new IllegalStateException("captured mail " + id + " cannot be read", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Date header, which the sender stamps on sending (null when a mail has none). */
    private static Instant sentAt(MimeMessage message) throws MessagingException {
        return message.getSentDate() == null ? null : message.getSentDate().toInstant();
    }

    /** The first text/plain and text/html parts, however deeply nested in multiparts. */
    private static void collect(Part part, String[] parts) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && parts[0] == null && !isAttachment(part)) {
            parts[0] = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && parts[1] == null && !isAttachment(part)) {
            parts[1] = String.valueOf(part.getContent());
        } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, parts);
            }
        }
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String addresses(Address[] addresses) {
        return addresses == null
                ? ""
                : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }
}
