package io.casedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.ServletException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;

/**
 * The pieces of the outage answer on their own: which failures count as "the database cannot be reached", the filter
 * that answers them when they escape a servlet (a friendly page for people, problem+json for programs), and the
 * /engine-rest mapper.
 */
class DatabaseOutageTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ProblemWriter problems = new ProblemWriter(json, new OutageSettings(Duration.ofSeconds(7)));
    private final DatabaseOutageFilter filter = new DatabaseOutageFilter(problems);

    private static RuntimeException engineFailure(Throwable driver) {
        return new ProcessEngineException(
                "ENGINE-03004 Exception while executing Database Operation", new PersistenceException(driver));
    }

    @Test
    void recognisesTheOutageDeepInTheCauseChain_andNothingElse() {
        assertThat(DatabaseOutage.isCause(engineFailure(new SQLTransientConnectionException("pool timed out"))))
                .isTrue();
        assertThat(DatabaseOutage.isCause(new ServletException(
                        new IllegalStateException(new CannotGetJdbcConnectionException("no connection")))))
                .isTrue();
        assertThat(DatabaseOutage.isCause(engineFailure(new SQLException("Communications link failure", "08S01"))))
                .isTrue();

        assertThat(DatabaseOutage.isCause(engineFailure(new SQLSyntaxErrorException("bad", "42000"))))
                .isFalse();
        assertThat(DatabaseOutage.isCause(engineFailure(new SQLException("no state"))))
                .isFalse();
        assertThat(DatabaseOutage.isCause(new DataIntegrityViolationException("duplicate")))
                .isFalse();
        assertThat(DatabaseOutage.isCause(null)).isFalse();
    }

    @Test
    void aRollbackThatFailedOnTheDeadConnection_isTheOutageThatCausedIt() throws Exception {
        var rollbackFailed = new TransactionSystemException("JDBC rollback failed", new SQLException("closed"));
        rollbackFailed.initApplicationException(
                engineFailure(new SQLException("Communications link failure", "08S01")));
        assertThat(DatabaseOutage.isCause(rollbackFailed)).isTrue();

        var afterABug = new TransactionSystemException("JDBC rollback failed", new SQLException("closed"));
        afterABug.initApplicationException(new IllegalStateException("a bug"));
        assertThat(DatabaseOutage.isCause(afterABug)).isFalse();
    }

    @Test
    void aConnectionThePoolClosedAfterAConnectionError_isTheOutage() throws Exception {
        var config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:closed-by-the-pool");
        try (var pool = new HikariDataSource(config)) {
            Connection connection = pool.getConnection();
            connection.close();
            SQLException closed = catchThrowableOfType(SQLException.class, connection::rollback);
            assertThat(closed.getMessage()).isEqualTo("Connection is closed");
            assertThat(DatabaseOutage.isCause(new TransactionSystemException("JDBC rollback failed", closed)))
                    .isTrue();
        }
        assertThat(DatabaseOutage.isCause(new SQLException("Connection is closed")))
                .as("the same words from elsewhere")
                .isFalse();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        var a = new RuntimeException("a");
        var b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseOutage.isCause(a)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/survey/abc123", "/resolution/abc123", "/dashboard", "/"})
    void aPageThatMeetsTheOutage_isTheFriendly503Page(String path) throws Exception {
        var response = run(path, new ServletException(engineFailure(new SQLTransientConnectionException("timeout"))));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("7");
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(ErrorPages.CSP);
        assertThat(response.getContentAsString())
                .contains("Back in a minute", "try again in a minute")
                .doesNotContain("Exception", "SQL", "timeout", "Hikari");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/task", "/api/cases", "/camunda/api/engine/engine/"})
    void aProgramThatMeetsTheOutage_gets503ProblemJson(String path) throws Exception {
        var response = run(path, engineFailure(new SQLException("Communications link failure", "08S01")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("7");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        var body = json.readTree(response.getContentAsString());
        assertThat(body.path("status").asInt()).isEqualTo(503);
        assertThat(body.path("title").asText()).isEqualTo("Service temporarily unavailable");
        assertThat(body.path("detail").asText()).contains("temporarily unavailable");
        assertThat(response.getContentAsString()).doesNotContain("Communications", "08S01", "Exception");
    }

    @Test
    void whatTheFailedRequestHadWritten_isReplaced() throws Exception {
        var request = new MockHttpServletRequest("POST", "/api/cases");
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            ((MockHttpServletResponse) res).setHeader("Location", "/api/cases/CASE-1");
            res.getWriter().write("{\"half\":");
            throw new CannotGetJdbcConnectionException("down");
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Location")).isNull();
        assertThat(response.getContentAsString()).startsWith("{").doesNotContain("half");
    }

    @Test
    void otherFailuresPassThroughUnchanged() {
        var failure = new IllegalStateException("a bug");
        assertThatThrownBy(() -> run("/api/cases", failure)).isSameAs(failure);
        var sqlMistake = new ServletException(engineFailure(new SQLSyntaxErrorException("bad", "42000")));
        assertThatThrownBy(() -> run("/survey/x", sqlMistake)).isSameAs(sqlMistake);
    }

    @Test
    void engineRestAnswersTheOutage503ProblemJson() throws Exception {
        var mapper = new EngineRestOutage.OutageMapper(json, 7);

        Response response = mapper.toResponse(new DatabaseUnavailableException(new SQLTransientConnectionException()));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("7");
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        var body = json.readTree((String) response.getEntity());
        assertThat(body.path("status").asInt()).isEqualTo(503);
        assertThat(body.path("detail").asText()).isEqualTo(DatabaseUnavailableException.MESSAGE);
    }

    private MockHttpServletResponse run(String path, Exception failure) throws ServletException, IOException {
        var request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            if (failure instanceof ServletException servlet) {
                throw servlet;
            }
            throw (RuntimeException) failure;
        });
        return response;
    }
}
