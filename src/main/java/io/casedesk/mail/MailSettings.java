package io.casedesk.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.mail.*: sender, where manager notices go, the domain of our Message-IDs, and the retry cycle of the
 * delivery job (an ISO 8601 repeating interval such as R3/PT5M).
 *
 * @param from            the sender of every mail casedesk sends; inbound mail from this address is never answered
 * @param managerAddress  where escalation, SLA warning and breach notices go
 * @param messageIdDomain the domain of the Message-IDs of our mails
 * @param retryCycle      how often and how far apart a failed delivery is retried before it becomes an incident in
 *                        Cockpit (ISO 8601 repeating interval)
 */
@ConfigurationProperties("casedesk.mail")
public record MailSettings(
        @DefaultValue("casedesk support <support@casedesk.local>")
        String from,

        @DefaultValue("managers@casedesk.local") String managerAddress,
        @DefaultValue("casedesk.local") String messageIdDomain,
        @DefaultValue("R3/PT5M") String retryCycle) {}
