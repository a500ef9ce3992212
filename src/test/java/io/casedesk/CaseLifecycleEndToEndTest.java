package io.casedesk;

import org.springframework.boot.test.context.SpringBootTest;

/** The whole application on embedded H2, as `./mvnw spring-boot:run` starts it (profile dev). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = EndToEndContext.PROPERTIES)
class CaseLifecycleEndToEndTest extends CaseLifecycleScenario implements EndToEndContext {
}
