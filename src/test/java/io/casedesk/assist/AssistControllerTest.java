package io.casedesk.assist;

import static io.casedesk.security.ApiTestSecurity.as;
import static io.casedesk.security.ApiTestSecurity.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.casedesk.ApiSliceTest;
import io.casedesk.cases.CaseNotFoundException;
import io.casedesk.security.ApiTestSecurity;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** GET /api/cases/{reference}/similar and /suggested-reply: shapes of API.md, who may ask, 404 for an unknown case. */
@ApiSliceTest
class AssistControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AgentAssist assist;

    @Autowired
    IdentityService identity;

    @BeforeEach
    void accounts() {
        ApiTestSecurity.accounts(identity);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "bob", "sam", "maria", "demo"})
    void agentsAndManagers_getTheSimilarCases(String user) throws Exception {
        when(assist.similar("CASE-000010"))
                .thenReturn(List.of(new SimilarCase(
                        "CASE-000004", "Card declined at checkout", "Reset the payment profile.", 5, 7.125)));

        mvc.perform(get("/api/cases/CASE-000010/similar").with(as(user)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].reference").value("CASE-000004"))
                .andExpect(jsonPath("$[0].subject").value("Card declined at checkout"))
                .andExpect(jsonPath("$[0].resolution").value("Reset the payment profile."))
                .andExpect(jsonPath("$[0].csat").value(5))
                .andExpect(jsonPath("$[0].score").value(7.125));
    }

    @Test
    void theSuggestedReply_hasItsTextAndSources() throws Exception {
        when(assist.suggestedReply("CASE-000010"))
                .thenReturn(new SuggestedReply("Hello Ana,\n\nthank you.", List.of("KB-3")));

        mvc.perform(get("/api/cases/CASE-000010/suggested-reply").with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value("Hello Ana,\n\nthank you."))
                .andExpect(jsonPath("$.sources[0]").value("KB-3"));
    }

    @Test
    void anUnknownCase_is404ProblemJson() throws Exception {
        when(assist.similar("CASE-999999")).thenThrow(new CaseNotFoundException("CASE-999999"));
        when(assist.suggestedReply("CASE-999999")).thenThrow(new CaseNotFoundException("CASE-999999"));

        problem(mvc.perform(get("/api/cases/CASE-999999/similar").with(as("alice"))), 404);
        problem(mvc.perform(get("/api/cases/CASE-999999/suggested-reply").with(as("alice"))), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ivy", "otto", "kim", "paul", "nobody"})
    void othersMayNot(String user) throws Exception {
        problem(mvc.perform(get("/api/cases/CASE-000010/similar").with(as(user))), 403);
        problem(mvc.perform(get("/api/cases/CASE-000010/suggested-reply").with(as(user))), 403);
        verifyNoInteractions(assist);
    }

    @Test
    void withoutCredentials_401() throws Exception {
        problem(mvc.perform(get("/api/cases/CASE-000010/similar")), 401);
    }
}
