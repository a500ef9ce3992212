package io.casedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.EndToEndContext;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * /engine-rest's Jersey application (Camunda's) carries our mapper for a database outage beside Camunda's own, so a
 * resource that meets the outage answers 503 problem+json with Retry-After (the mapper itself: DatabaseOutageTest; a
 * real outage: DatabaseOutageMySqlTest).
 */
@EndToEndContext
class EngineRestOutageTest {

    @Autowired
    ResourceConfig engineRest;

    @Autowired
    ProblemWriter problems;

    @Test
    void theOutageMapperIsRegisteredWithEngineRest() {
        assertThat(engineRest.getClass().getName()).contains("camunda");
        assertThat(engineRest.getInstances())
                .filteredOn(EngineRestOutage.OutageMapper.class::isInstance)
                .hasSize(1);
        var response = engineRest.getInstances().stream()
                .filter(EngineRestOutage.OutageMapper.class::isInstance)
                .map(EngineRestOutage.OutageMapper.class::cast)
                .findFirst()
                .orElseThrow()
                .toResponse(new DatabaseUnavailableException(new java.sql.SQLTransientConnectionException()));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo(Long.toString(problems.retryAfterSeconds()));
    }
}
