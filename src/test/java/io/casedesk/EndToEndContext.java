package io.casedesk;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port, embedded H2 and {@link TestMailServer}, shared by the test classes that
 * run on it: annotate with {@code @SpringBootTest(webEnvironment = RANDOM_PORT, properties = PROPERTIES)} and
 * implement this interface. Spring keys a cached context by the very @DynamicPropertySource method, so the method
 * lives here once; a method of each class's own would start a context per class.
 */
public interface EndToEndContext {

    String PROPERTIES = "spring.datasource.url=jdbc:h2:mem:end-to-end;DB_CLOSE_DELAY=-1";

    @DynamicPropertySource
    static void testMailServer(DynamicPropertyRegistry registry) {
        TestMailServer.register(registry);
    }
}
