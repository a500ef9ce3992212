package io.casedesk.system;

import static io.casedesk.security.ApiTestSecurity.as;
import static io.casedesk.security.ApiTestSecurity.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.casedesk.ApiSliceTest;
import io.casedesk.cases.CaseService;
import io.casedesk.security.ApiTestSecurity;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A database that cannot be reached, as the API's callers see it: 503 problem+json with Retry-After from the
 * controllers (each way the failure arrives: from Spring, Hikari, the driver, wrapped by the engine and MyBatis) and
 * from the login, whose password check reads Camunda identity; never 500, never 401, never SQL. Other database errors
 * stay 500.
 */
@ApiSliceTest
class DatabaseOutageApiTest {

    private static final String SQL = "SELECT secret_column FROM support_case";

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseService cases;

    @Autowired
    IdentityService identity;

    @Autowired
    OutageSettings outage;

    @BeforeEach
    void accounts() {
        ApiTestSecurity.accounts(identity);
    }

    static Stream<Arguments> unreachable() {
        var hikariTimeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 5000ms (total=10, active=0). "
                        + SQL);
        var linkFailure = new SQLRecoverableException("Communications link failure " + SQL, "08S01");
        var refused = new SQLNonTransientConnectionException("Could not create connection to database server", "08001");
        return Stream.of(
                Arguments.of(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", hikariTimeout)),
                Arguments.of(new DataAccessResourceFailureException("Unable to acquire JDBC Connection " + SQL)),
                Arguments.of(new CannotCreateTransactionException("Could not open JDBC Connection", refused)),
                Arguments.of(new TransientDataAccessResourceException("Connection reset " + SQL)),
                // the engine's failures: ProcessEngineException around MyBatis around the driver or the pool
                Arguments.of(new ProcessEngineException(new PersistenceException(hikariTimeout))),
                Arguments.of(new ProcessEngineException(
                        "ENGINE-03083 Exception while executing Batch Database Operations " + SQL,
                        new PersistenceException(linkFailure))),
                Arguments.of(new ProcessEngineException(new PersistenceException(refused))),
                // a commit or rollback on a connection that died: the state class 08 of the driver says so
                Arguments.of(new TransactionSystemException(
                        "JDBC commit failed", new SQLException("Communications link failure", "08S01"))),
                Arguments.of(new DatabaseUnavailableException(linkFailure)));
    }

    @ParameterizedTest
    @MethodSource("unreachable")
    void anUnreachableDatabase_is503WithRetryAfter_noSqlNoStackTrace(RuntimeException failure) throws Exception {
        when(cases.find(anyString())).thenThrow(failure);

        unavailable(mvc.perform(get("/api/cases/CASE-000001").with(as("maria"))));
    }

    @Test
    void aLoginWhileTheDatabaseIsDown_is503_not401Or500() throws Exception {
        when(identity.checkPassword(anyString(), anyString()))
                .thenThrow(new ProcessEngineException(new PersistenceException(
                        new SQLTransientConnectionException("Connection is not available, request timed out"))));

        unavailable(mvc.perform(post("/api/cases")
                .with(httpBasic("ivy", "ivy-secret"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}")));
        unavailable(mvc.perform(get("/api/cases").with(httpBasic("maria", "maria-secret"))));
    }

    @Test
    void aGroupLookupWhileTheDatabaseIsDown_is503() throws Exception {
        when(identity.createGroupQuery().groupMember("maria").list())
                .thenThrow(new ProcessEngineException(new PersistenceException(
                        new SQLNonTransientConnectionException("Connection refused", "08001"))));

        unavailable(mvc.perform(get("/api/cases/CASE-000001").with(as("maria"))));
    }

    static Stream<Arguments> notAnOutage() {
        return Stream.of(
                Arguments.of(new BadSqlGrammarException("find", SQL, new SQLSyntaxErrorException("bad", "42000"))),
                Arguments.of(new DataIntegrityViolationException("duplicate " + SQL)),
                Arguments.of(new ProcessEngineException(
                        new PersistenceException(new SQLSyntaxErrorException("syntax " + SQL, "42000")))),
                Arguments.of(new IllegalStateException("a bug")));
    }

    @ParameterizedTest
    @MethodSource("notAnOutage")
    void otherFailures_stay500_withoutRetryAfter(RuntimeException failure) throws Exception {
        when(cases.find(anyString())).thenThrow(failure);

        var result = mvc.perform(get("/api/cases/CASE-000001").with(as("maria")));
        problem(result, 500);
        result.andExpect(header().doesNotExist(HttpHeaders.RETRY_AFTER))
                .andExpect(content().string(not(containsString("SELECT"))));
    }

    private void unavailable(ResultActions result) throws Exception {
        problem(result, 503);
        result.andExpect(header().string(HttpHeaders.RETRY_AFTER, Long.toString(outage.retryAfterSeconds())))
                .andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE))
                .andExpect(jsonPath("$.title").value("Service temporarily unavailable"))
                .andExpect(jsonPath("$.detail").value(containsString("temporarily unavailable")))
                .andExpect(content().string(not(containsString("SELECT"))))
                .andExpect(content().string(not(containsString("Connection"))))
                .andExpect(content().string(not(containsString("08S01"))));
    }
}
