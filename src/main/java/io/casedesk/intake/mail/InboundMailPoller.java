package io.casedesk.intake.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Reads the unread mails of the support mailbox and hands each to the processor. A mail is marked seen only
 * after its record has committed; a crash in between leaves it unread, and the record makes the next read of it
 * harmless. Mails are fetched with PEEK, so reading alone never marks them.
 */
class InboundMailPoller {

    private static final Logger log = LoggerFactory.getLogger(InboundMailPoller.class);

    private final InboundMailProperties settings;
    private final InboundMailProcessor processor;

    InboundMailPoller(InboundMailProperties settings, InboundMailProcessor processor) {
        this.settings = settings;
        this.processor = processor;
    }

    @Scheduled(
            initialDelayString = "${casedesk.mail.inbound.initial-delay:PT10S}",
            fixedDelayString = "${casedesk.mail.inbound.poll-interval:PT30S}")
    void scheduledPoll() {
        try {
            poll();
        } catch (MessagingException | RuntimeException e) {
            // the mails stay unread and are taken on the next poll
            log.warn("Inbound mailbox {}@{} could not be read: {}", settings.username(), settings.host(), e.toString());
        }
    }

    /** One pass over the unread mails, oldest first; gives the number of mails done with (marked seen). */
    synchronized int poll() throws MessagingException {
        Session session = Session.getInstance(sessionProperties());
        try (Store store = session.getStore(settings.protocol())) {
            store.connect(
                    settings.host(),
                    settings.port() == null ? -1 : settings.port(),
                    settings.username(),
                    settings.password());
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                int done = 0;
                for (int i = 0; i < unread.length && i < settings.maxPerPoll(); i++) {
                    if (take(unread[i])) {
                        done++;
                    }
                }
                return done;
            } finally {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            }
        }
    }

    private boolean take(Message message) throws MessagingException {
        int size = message.getSize();
        if (size > settings.maxMessageSize().toBytes()) {
            return markSeen(
                    message,
                    processor.keepUnreadable(
                            headers(message),
                            "a mail of %d bytes, larger than casedesk.mail.inbound.max-message-size (%s)"
                                    .formatted(size, settings.maxMessageSize())));
        }
        byte[] raw;
        try {
            raw = download(message);
        } catch (FolderClosedException | StoreClosedException e) {
            throw e; // the connection is gone: the rest waits for the next poll
        } catch (MessagingException | IOException e) {
            return markSeen(message, processor.keepUnreadable(headers(message), "could not be downloaded: " + e));
        }
        return markSeen(message, processor.process(raw));
    }

    private static boolean markSeen(Message message, InboundMailProcessor.Outcome outcome) throws MessagingException {
        if (outcome == InboundMailProcessor.Outcome.DONE) {
            message.setFlag(Flags.Flag.SEEN, true);
            return true;
        }
        return false;
    }

    private static byte[] download(Message message) throws MessagingException, IOException {
        var out = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
        message.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] headers(Message message) throws MessagingException {
        var lines = message instanceof MimeMessage mime
                ? Collections.list(mime.getAllHeaderLines())
                : java.util.List.<String>of();
        return (String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private Properties sessionProperties() {
        String p = "mail." + settings.protocol() + ".";
        String timeout = String.valueOf(settings.timeout().toMillis());
        var properties = new Properties();
        // the defaults are infinite: a hung server would stop polling for good
        properties.put(p + "connectiontimeout", timeout);
        properties.put(p + "timeout", timeout);
        properties.put(p + "writetimeout", timeout);
        properties.put(p + "peek", "true");
        if ("imaps".equals(settings.protocol())) {
            properties.put(p + "ssl.checkserveridentity", "true");
        }
        return properties;
    }
}
