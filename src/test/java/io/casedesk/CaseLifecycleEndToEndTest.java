package io.casedesk;

/** The whole application on embedded H2, as `./mvnw spring-boot:run` starts it (profile dev). */
@EndToEndContext
class CaseLifecycleEndToEndTest extends CaseLifecycleScenario {}
