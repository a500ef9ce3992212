package io.casedesk;

/**
 * The whole application on a random port and embedded H2, shared by the test classes that run on it: annotate with
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT, properties = PROPERTIES)}. Classes with the same
 * configuration share one cached context (TestMailEnvironment points every context at {@link TestMailServer}).
 */
public interface EndToEndContext {

    String PROPERTIES = "spring.datasource.url=jdbc:h2:mem:end-to-end;DB_CLOSE_DELAY=-1";
}
