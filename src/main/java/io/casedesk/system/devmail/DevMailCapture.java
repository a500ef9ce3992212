package io.casedesk.system.devmail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Profile;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Active in the {@code dev} profile when no {@code spring.mail.host} is set: then outgoing mail is captured by an
 * embedded SMTP server and shown on /dev/mail. With a mail host set (every test does) none of it exists.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Profile("dev")
@Conditional(DevMailCapture.NoMailHost.class)
@interface DevMailCapture {

    class NoMailHost implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String host = context.getEnvironment().getProperty("spring.mail.host");
            return host == null || host.isBlank();
        }
    }
}
