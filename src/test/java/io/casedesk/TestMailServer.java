package io.casedesk;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One real SMTP server (GreenMail) for the whole test JVM, on a free port, shared by every Spring context. */
public final class TestMailServer {

    /** Fixed for the JVM, so the server can be stopped and started again (an outage) on the same port. */
    private static final int PORT = freePort();
    private static volatile GreenMail server = start();

    private TestMailServer() {
    }

    private static GreenMail start() {
        var greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes the SMTP server down: connections are refused until {@link #recover()}. */
    public static synchronized void outage() {
        server.stop();
    }

    public static synchronized void recover() {
        server = start();
    }

    public static int port() {
        return PORT;
    }

    /** Kept for tests that still register the server themselves; TestMailEnvironment does it for every context. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
    }

    /**
     * Forgets every mail received so far. Each test database numbers its cases from CASE-000001, so a test
     * starts with an empty mailbox to see only the mails of its own cases.
     */
    public static void purge() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mails received for a case (its reference is in every subject), oldest first. */
    public static List<MimeMessage> mailsFor(String reference) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> subject(m).contains("[" + reference + "]")).toList();
    }

    public static MimeMessage lastMailFor(String reference, String subjectPart) {
        return mailsFor(reference).stream().filter(m -> subject(m).contains(subjectPart)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no mail for " + reference + " with '" + subjectPart
                        + "' among " + mailsFor(reference).stream().map(TestMailServer::subject).toList()));
    }

    public static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
    }

    public static String subject(Message message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token of the first customer link (/resolution/… or /survey/…) in the mail. */
    public static String linkToken(MimeMessage message, String page) {
        Matcher m = Pattern.compile("/" + page + "/([A-Za-z0-9_-]{20,})").matcher(body(message));
        if (!m.find()) {
            throw new AssertionError("no /" + page + "/ link in: " + body(message));
        }
        return m.group(1);
    }
}
