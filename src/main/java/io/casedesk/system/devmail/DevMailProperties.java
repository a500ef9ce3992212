package io.casedesk.system.devmail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.dev-mail.*: the embedded SMTP server that captures mail in the dev profile without spring.mail.host.
 *
 * @param smtpPort its port on 127.0.0.1; 0 takes a free one
 */
@ConfigurationProperties("casedesk.dev-mail")
record DevMailProperties(@DefaultValue("0") int smtpPort) {}
