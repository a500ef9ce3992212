package io.casedesk.system.devmail;

import io.casedesk.system.PublicUrl;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Dev default without an SMTP server: every mail goes to an embedded one and can be read on /dev/mail, so a
 * person trying casedesk can open the mails and click their links. Set {@code spring.mail.host} and none of this
 * starts; Spring Boot's own JavaMailSender then sends to that host.
 */
@Configuration(proxyBeanMethods = false)
@DevMailCapture
class DevMailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevMailConfiguration.class);

    @Bean(destroyMethod = "stop")
    DevMailbox devMailbox(DevMailProperties settings) {
        var mailbox = new DevMailbox(settings.smtpPort());
        log.info("No spring.mail.host: mail is captured by an embedded SMTP server on 127.0.0.1:{}", mailbox.port());
        return mailbox;
    }

    /** Once the server listens, where to read the captured mail. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> devMailAddress(PublicUrl publicUrl) {
        return ready -> log.info("Read the captured mail at {}/dev/mail", publicUrl.base());
    }

    @Bean
    DevPage devMailPage() {
        return new DevPage(
                "/dev/mail", "Captured mail", "every mail casedesk sent, newest first, with the customers' links");
    }

    /** Takes the place of Spring Boot's sender, which exists only with spring.mail.host. */
    @Bean
    JavaMailSender devMailSender(DevMailbox mailbox) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(mailbox.port());
        sender.setDefaultEncoding("UTF-8");
        var properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "5000");
        properties.setProperty("mail.smtp.timeout", "5000");
        properties.setProperty("mail.smtp.writetimeout", "5000");
        sender.setJavaMailProperties(properties);
        return sender;
    }

    /**
     * The mail page is open without login, like the customer pages its links lead to: it exists only in dev
     * without a real mail server, and it only reads. Ahead of the application's own chains, which deny it.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain devMailPages(HttpSecurity http) throws Exception {
        return http.securityMatcher("/dev/mail", "/dev/mail/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(headers -> headers.frameOptions(f -> f.sameOrigin()))
                .build();
    }
}
