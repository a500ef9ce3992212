package io.casedesk.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("casedesk.mail")
record MailSettings(String from, String managerAddress) {
}
