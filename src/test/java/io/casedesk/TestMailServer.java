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

    private static final GreenMail SERVER = start();

    private TestMailServer() {
    }

    private static GreenMail start() {
        var server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SERVER.getSmtp().getPort());
    }

    /** Mails received for a case (its reference is in every subject), oldest first. */
    public static List<MimeMessage> mailsFor(String reference) {
        return Arrays.stream(SERVER.getReceivedMessages()).filter(m -> subject(m).contains("[" + reference + "]")).toList();
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
