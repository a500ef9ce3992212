package io.casedesk.trends;

import static io.casedesk.security.ApiTestSecurity.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.casedesk.ApiSliceTest;
import io.casedesk.security.ApiTestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** GET /api/trends as API.md describes it: who may read it, its shape, and 400 for a bad window. */
@ApiSliceTest
class TrendControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Trends trends;

    @Autowired
    IdentityService identity;

    @BeforeEach
    void accounts() {
        ApiTestSecurity.accounts(identity);
    }

    private static TrendReport report(Duration window) {
        return new TrendReport(
                window,
                List.of(new TrendReport.KeyTrend("delivery-delay", 7, 0.5, true)),
                List.of(new TrendReport.KeyTrend("shipping", 9, 2.0, false)),
                new TrendReport.SentimentTrend(24, 0.25, 0.2, false),
                List.of(new TrendReport.IncidentLine(
                        3,
                        IncidentKind.TAG,
                        "delivery-delay",
                        Instant.parse("2026-03-02T10:00:00Z"),
                        IncidentStatus.CONFIRMED,
                        12)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"maria", "otto", "paul", "demo"})
    void managersOpsAndProcessOwnersReadTheTrends(String user) throws Exception {
        when(trends.report(Duration.ofMinutes(30))).thenReturn(report(Duration.ofMinutes(30)));

        mvc.perform(get("/api/trends").param("window", "PT30M").with(as(user)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.window").value("PT30M"))
                .andExpect(jsonPath("$.tags[0].tag").value("delivery-delay"))
                .andExpect(jsonPath("$.tags[0].count").value(7))
                .andExpect(jsonPath("$.tags[0].baseline").value(0.5))
                .andExpect(jsonPath("$.tags[0].spike").value(true))
                .andExpect(jsonPath("$.categories[0].category").value("shipping"))
                .andExpect(jsonPath("$.categories[0].count").value(9))
                .andExpect(jsonPath("$.categories[0].spike").value(false))
                .andExpect(jsonPath("$.sentiment.messages").value(24))
                .andExpect(jsonPath("$.sentiment.negativeShare").value(0.25))
                .andExpect(jsonPath("$.sentiment.baseline").value(0.2))
                .andExpect(jsonPath("$.sentiment.spike").value(false))
                .andExpect(jsonPath("$.incidents[0].id").value(3))
                .andExpect(jsonPath("$.incidents[0].kind").value("tag"))
                .andExpect(jsonPath("$.incidents[0].key").value("delivery-delay"))
                .andExpect(jsonPath("$.incidents[0].detectedAt").value("2026-03-02T10:00:00Z"))
                .andExpect(jsonPath("$.incidents[0].status").value("confirmed"))
                .andExpect(jsonPath("$.incidents[0].cases").value(12));
    }

    @Test
    void withoutAWindowTheConfiguredOneIsUsed() throws Exception {
        when(trends.report(null)).thenReturn(report(Duration.ofHours(1)));

        mvc.perform(get("/api/trends").with(as("otto")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.window").value("PT1H"));
        verify(trends).report(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "bob", "sam", "kim", "ivy", "nobody"})
    void everyoneElseIsForbidden(String user) throws Exception {
        ApiTestSecurity.problem(mvc.perform(get("/api/trends").with(as(user))), 403);
        verifyNoInteractions(trends);
    }

    @Test
    void anonymousCallersMustSignIn() throws Exception {
        ApiTestSecurity.problem(mvc.perform(get("/api/trends")), 401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1h", "PT0S", "-PT1H", "PT30S", "P2D", "PT1H;drop"})
    void aBadWindowIs400NamingIt(String window) throws Exception {
        var answer = mvc.perform(get("/api/trends").param("window", window).with(as("maria")));
        ApiTestSecurity.problem(answer, 400);
        answer.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("window")));
        verify(trends, org.mockito.Mockito.never()).report(any());
    }
}
