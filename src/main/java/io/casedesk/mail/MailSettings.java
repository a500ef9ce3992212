package io.casedesk.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * casedesk.mail.*: sender, where manager notices go, the domain of our Message-IDs, and the retry cycle of the
 * delivery job (an ISO 8601 repeating interval such as R3/PT5M).
 */
@ConfigurationProperties("casedesk.mail")
public record MailSettings(String from, String managerAddress, String messageIdDomain, String retryCycle) {
}
