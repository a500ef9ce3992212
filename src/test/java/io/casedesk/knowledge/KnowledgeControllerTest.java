package io.casedesk.knowledge;

import static io.casedesk.security.ApiTestSecurity.as;
import static io.casedesk.security.ApiTestSecurity.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.casedesk.ApiSliceTest;
import io.casedesk.security.ApiTestSecurity;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** GET /api/kb?query=: the agents and the knowledge team search the articles; an empty query lists the latest. */
@ApiSliceTest
class KnowledgeControllerTest {

    private static final Article PARCEL = new Article(
            7,
            "where-is-my-parcel",
            "Where is my parcel?",
            "Track it with the link in your shipping mail.",
            List.of("delivery-delay"),
            3L,
            Instant.parse("2026-03-01T10:00:00Z"),
            Instant.parse("2026-03-01T10:00:00Z"));

    @Autowired
    MockMvc mvc;

    @Autowired
    KnowledgeBase knowledge;

    @Autowired
    IdentityService identity;

    @BeforeEach
    void accounts() {
        ApiTestSecurity.accounts(identity);
        when(knowledge.url(PARCEL)).thenReturn("https://support.example.com/kb/where-is-my-parcel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "bob", "sam", "kim", "demo"})
    void agentsAndTheKnowledgeTeam_search(String user) throws Exception {
        when(knowledge.search("parcel late", KnowledgeController.RESULTS)).thenReturn(List.of(PARCEL));

        mvc.perform(get("/api/kb").param("query", "parcel late").with(as(user)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value("KB-7"))
                .andExpect(jsonPath("$[0].title").value("Where is my parcel?"))
                .andExpect(jsonPath("$[0].tags[0]").value("delivery-delay"))
                .andExpect(jsonPath("$[0].url").value("https://support.example.com/kb/where-is-my-parcel"));
    }

    @Test
    void withoutAQuery_theLatestArticles() throws Exception {
        when(knowledge.search(null, KnowledgeController.RESULTS)).thenReturn(List.of(PARCEL));

        mvc.perform(get("/api/kb").with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("KB-7"));
    }

    @Test
    void aQueryTooLong_is400NamingIt() throws Exception {
        problem(mvc.perform(get("/api/kb").param("query", "x".repeat(501)).with(as("alice"))), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ivy", "maria", "otto", "paul", "nobody"})
    void othersMayNot(String user) throws Exception {
        problem(mvc.perform(get("/api/kb").with(as(user))), 403);
        verifyNoInteractions(knowledge);
    }
}
