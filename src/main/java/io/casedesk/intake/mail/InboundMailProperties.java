package io.casedesk.intake.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The support mailbox casedesk reads (casedesk.mail.inbound.*). Polling is on only when a host is set.
 *
 * @param host            the IMAP server; setting it turns inbound mail on
 * @param port            empty: the protocol's standard port
 * @param protocol        imaps (TLS, the default) or imap
 * @param username        the mailbox's login
 * @param password        the mailbox's password
 * @param folder          the folder read
 * @param pollInterval    how often the mailbox is read
 * @param initialDelay    first poll after start
 * @param timeout         connect and read timeout
 * @param maxMessageSize  larger mails are not downloaded; their headers are kept and reported
 * @param maxPerPoll      mails taken per poll, so one poll never holds the mailbox for long
 * @param maxAttempts     a mail whose processing fails (not its parsing) is tried this often, then kept as failed
 */
@ConfigurationProperties("casedesk.mail.inbound")
record InboundMailProperties(
        String host,
        Integer port,
        @DefaultValue("imaps") String protocol,
        String username,
        String password,
        @DefaultValue("INBOX") String folder,
        @DefaultValue("PT30S") Duration pollInterval,
        @DefaultValue("PT10S") Duration initialDelay,
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("10MB") DataSize maxMessageSize,
        @DefaultValue("50") int maxPerPoll,
        @DefaultValue("3") int maxAttempts) {

    InboundMailProperties {
        // bound in every context (the properties scan), so an absent host is fine here: it means "off"
        if (host != null && host.isBlank()) {
            throw new IllegalArgumentException(
                    "casedesk.mail.inbound.host is empty: remove it to turn inbound mail off");
        }
        if (!"imap".equals(protocol) && !"imaps".equals(protocol)) {
            throw new IllegalArgumentException("casedesk.mail.inbound.protocol must be imap or imaps, not " + protocol);
        }
    }
}
