package io.casedesk;

import com.icegreen.greenmail.user.GreenMailUser;
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

/**
 * One real mail server (GreenMail) for the whole test JVM, on free ports, shared by every Spring context: SMTP for
 * the mail casedesk sends, and IMAP for the support mailbox that inbound mail reads (TestMailEnvironment names its
 * port {@value #IMAP_PORT_PROPERTY}).
 */
public final class TestMailServer {

    public static final String IMAP_PORT_PROPERTY = "casedesk.test.imap-port";

    /** Fixed for the JVM, so the server can be stopped and started again (an outage) on the same ports. */
    private static final int PORT = freePort();

    private static final int IMAP_PORT = freePort();
    private static volatile GreenMail server = start();

    private TestMailServer() {}

    private static GreenMail start() {
        var greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
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

    public static int imapPort() {
        return IMAP_PORT;
    }

    /** A mailbox that IMAP can log in to, as the support mailbox of inbound mail. */
    public static GreenMailUser setUser(String email, String login, String password) {
        return server.setUser(email, login, password);
    }

    /** Every mail the server holds: sent to it over SMTP, or delivered into a mailbox. */
    public static MimeMessage[] receivedMessages() {
        return server.getReceivedMessages();
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
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> subject(m).contains("[" + reference + "]"))
                .toList();
    }

    /**
     * Mails delivered to one address, oldest first: read from that recipient's mailbox instead of filtering every
     * mail the server holds, which stays cheap when a benchmark has sent tens of thousands.
     */
    public static List<MimeMessage> mailsTo(String address) {
        GreenMailUser user = server.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        try {
            return server.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                    .map(com.icegreen.greenmail.store.StoredMessage::getMimeMessage)
                    .toList();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    public static MimeMessage lastMailFor(String reference, String subjectPart) {
        return mailsFor(reference).stream()
                .filter(m -> subject(m).contains(subjectPart))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no mail for " + reference + " with '" + subjectPart + "' among "
                        + mailsFor(reference).stream()
                                .map(TestMailServer::subject)
                                .toList()));
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
