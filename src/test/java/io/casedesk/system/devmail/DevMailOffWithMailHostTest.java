package io.casedesk.system.devmail;

import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.EndToEndContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** With spring.mail.host set (here: the tests' GreenMail) no embedded server starts and /dev/mail does not exist. */
@EndToEndContext
class DevMailOffWithMailHostTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JavaMailSender sender;

    @Autowired
    Environment environment;

    @Test
    void mailGoesToTheConfiguredHost_andThereIsNoDevMailPage() throws Exception {
        assertThat(environment.getActiveProfiles()).isEmpty();
        assertThat(environment.getDefaultProfiles()).containsExactly("dev");
        assertThat(context.getBeansOfType(DevMailbox.class)).isEmpty();
        assertThat(((JavaMailSenderImpl) sender).getPort())
                .isEqualTo(environment.getRequiredProperty("spring.mail.port", Integer.class));
        var page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dev/mail"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isIn(401, 403, 404);
    }
}
