package io.casedesk;

import org.springframework.boot.test.context.SpringBootTest;

/** The whole application on embedded H2, as `./mvnw spring-boot:run` starts it (profile dev). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:end-to-end;DB_CLOSE_DELAY=-1")
class CaseLifecycleEndToEndTest extends CaseLifecycleScenario {
}
