package io.casedesk.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

/**
 * /engine-rest during a database outage: 503 problem+json with Retry-After, as on /api, instead of Camunda's 500
 * with the driver's message. The engine's commands report the outage as {@link DatabaseUnavailableException} (see
 * security.process.UserCommandGuard); a mapper for exactly that type wins over Camunda's mappers for
 * ProcessEngineException and Throwable, which are further from it.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestOutage {

    @Bean
    ResourceConfigCustomizer engineRestOutageMapper(ObjectMapper json, ProblemWriter problems) {
        return config -> config.register(new OutageMapper(json, problems.retryAfterSeconds()));
    }

    static final class OutageMapper implements ExceptionMapper<DatabaseUnavailableException> {

        private final String body;
        private final long retryAfterSeconds;

        OutageMapper(ObjectMapper json, long retryAfterSeconds) {
            try {
                this.body = json.writeValueAsString(ProblemWriter.databaseUnavailableProblem());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public Response toResponse(DatabaseUnavailableException exception) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                    .type(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .entity(body)
                    .build();
        }
    }
}
