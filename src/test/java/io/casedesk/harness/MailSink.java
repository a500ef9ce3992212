package io.casedesk.harness;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SMTP server every node mails to (GreenMail in the harness JVM), watched twice a second: when each Message-ID
 * first arrived, and how often it arrived (a mail sent twice keeps its Message-ID, so a duplicate shows as a count of
 * two).
 */
final class MailSink implements AutoCloseable {

    private final GreenMail server;
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    private volatile Map<String, Integer> counts = Map.of();
    private final Thread watcher;
    private volatile boolean running = true;

    MailSink() throws Exception {
        int port;
        try (var probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        watcher = SmtpRelay.daemon("mail-sink-watcher", this::watch);
    }

    int port() {
        return server.getSmtp().getPort();
    }

    private void watch() {
        while (running) {
            poll();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    synchronized void poll() {
        Instant now = Instant.now();
        Map<String, Integer> seen = new HashMap<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            try {
                String id = m.getMessageID();
                if (id != null) {
                    seen.merge(id, 1, Integer::sum);
                    firstSeen.putIfAbsent(id, now);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        counts = Map.copyOf(seen);
    }

    /** How often a Message-ID (with its angle brackets) has arrived. */
    int count(String messageId) {
        return counts.getOrDefault(messageId, 0);
    }

    Instant firstSeen(String messageId) {
        return firstSeen.get(messageId);
    }

    Map<String, Integer> counts() {
        return counts;
    }

    @Override
    public void close() {
        running = false;
        watcher.interrupt();
        server.stop();
    }
}
