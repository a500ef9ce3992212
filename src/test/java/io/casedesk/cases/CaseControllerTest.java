package io.casedesk.cases;

import static io.casedesk.security.ApiTestSecurity.as;
import static io.casedesk.security.ApiTestSecurity.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.ApiSliceTest;
import io.casedesk.security.ApiTestSecurity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * GET /api/cases/{reference}, GET /api/cases and POST /api/cases/{reference}/messages as API.md describes them,
 * with the real security chain (HTTP basic against a mocked Camunda identity) and the real problem+json advice.
 */
@ApiSliceTest
class CaseControllerTest {

    private static final String REF = "CASE-000123";
    private static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    CaseService cases;

    @Autowired
    CustomerMessages messages;

    @Autowired
    IdentityService identity;

    @BeforeEach
    void accounts() {
        ApiTestSecurity.accounts(identity);
    }

    /** A resolved case with every field set, opened through the API by ivy. */
    private static SupportCase supportCase(String reference, String openedBy) {
        return new SupportCase(
                123,
                reference,
                CaseStatus.RESOLVED,
                Channel.CHAT,
                "ana@example.com",
                "Ana",
                "vip",
                "Order #4521 has not arrived",
                "Nothing came.",
                "4521",
                "high",
                -0.62,
                -0.3,
                -0.8,
                "delivery",
                "shipping",
                false,
                "P1",
                "tier2",
                1,
                2,
                "Sent a replacement",
                4,
                "quick, thanks",
                openedBy,
                "pi-4711",
                CREATED,
                Instant.parse("2026-03-02T09:00:01Z"),
                Instant.parse("2026-03-02T09:01:30Z"),
                Instant.parse("2026-03-02T09:45:00Z"),
                Instant.parse("2026-03-05T09:45:00Z"),
                List.of("delivery-delay", "refund"),
                new CaseSla(
                        "24x7",
                        Instant.parse("2026-03-02T09:02:00Z"),
                        Instant.parse("2026-03-02T10:00:00Z"),
                        false,
                        true,
                        java.time.Duration.ofMinutes(90)),
                null,
                false,
                null,
                null);
    }

    private static List<CaseEvent> timeline() {
        return List.of(
                new CaseEvent(CREATED, CaseEventType.OPENED, "Opened via chat by ivy"),
                new CaseEvent(
                        Instant.parse("2026-03-02T09:00:02Z"),
                        CaseEventType.DECISION,
                        "case-priority: P1 (rule Rule_VipHigh)"),
                new CaseEvent(Instant.parse("2026-03-02T09:45:00Z"), CaseEventType.RESOLVED, "Sent a replacement"));
    }

    // ---------------------------------------------------------------------------------------------- one case

    @Test
    void aCaseHasTheFieldsOfApiMd() throws Exception {
        when(cases.find(REF)).thenReturn(Optional.of(supportCase(REF, "ivy")));
        when(cases.timeline(REF)).thenReturn(timeline());

        mvc.perform(get("/api/cases/" + REF).with(as("alice")))
                .andExpect(jsonPath("$.slaPausedSeconds").value(5400))
                .andExpect(jsonPath("$.automated").value(false))
                .andExpect(jsonPath("$.responseBreached").value(false))
                .andExpect(jsonPath("$.resolutionBreached").value(true))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.reference").value(REF))
                .andExpect(jsonPath("$.status").value("resolved"))
                .andExpect(jsonPath("$.priority").value("P1"))
                .andExpect(jsonPath("$.responseDueAt").value("2026-03-02T09:02:00Z"))
                .andExpect(jsonPath("$.resolutionDueAt").value("2026-03-02T10:00:00Z"))
                .andExpect(jsonPath("$.processInstanceId").value("pi-4711"))
                .andExpect(jsonPath("$.channel").value("chat"))
                .andExpect(jsonPath("$.customer.email").value("ana@example.com"))
                .andExpect(jsonPath("$.customer.name").value("Ana"))
                .andExpect(jsonPath("$.customer.tier").value("vip"))
                .andExpect(jsonPath("$.subject").value("Order #4521 has not arrived"))
                .andExpect(jsonPath("$.category").value("shipping"))
                .andExpect(jsonPath("$.sentiment").value(-0.62))
                .andExpect(jsonPath("$.latestSentiment").value(-0.3))
                .andExpect(jsonPath("$.worstSentiment").value(-0.8))
                .andExpect(jsonPath("$.tags[0]").value("delivery-delay"))
                .andExpect(jsonPath("$.tags[1]").value("refund"))
                .andExpect(jsonPath("$.escalationLevel").value(1))
                .andExpect(jsonPath("$.assignedGroup").value("tier2"))
                .andExpect(jsonPath("$.createdAt").value("2026-03-02T09:00:00Z"))
                .andExpect(jsonPath("$.firstResponseAt").value("2026-03-02T09:01:30Z"))
                .andExpect(jsonPath("$.resolvedAt").value("2026-03-02T09:45:00Z"))
                .andExpect(jsonPath("$.closedAt").value("2026-03-05T09:45:00Z"))
                .andExpect(jsonPath("$.csat").value(4))
                .andExpect(jsonPath("$.reopenCount").value(2))
                .andExpect(jsonPath("$.timeline.length()").value(3))
                .andExpect(jsonPath("$.timeline[0].at").value("2026-03-02T09:00:00Z"))
                .andExpect(jsonPath("$.timeline[0].type").value("opened"))
                .andExpect(jsonPath("$.timeline[0].detail").value("Opened via chat by ivy"))
                .andExpect(jsonPath("$.timeline[1].type").value("decision"))
                .andExpect(jsonPath("$.timeline[1].detail", containsString("case-priority")))
                .andExpect(jsonPath("$.timeline[2].type").value("resolved"))
                // who opened it and the customer's survey comment are not part of the contract
                .andExpect(jsonPath("$.openedBy").doesNotExist())
                .andExpect(jsonPath("$.csatComment").doesNotExist());
    }

    @Test
    void fieldsNotYetKnownAreThereAsNull() throws Exception {
        var fresh = new SupportCase(
                124,
                "CASE-000124",
                CaseStatus.OPEN,
                Channel.WEB,
                "bo@example.com",
                null,
                "standard",
                "Login fails",
                "It says no.",
                null,
                null,
                0.0,
                0.0,
                0.0,
                null,
                null,
                false,
                "P3",
                null,
                0,
                0,
                null,
                null,
                null,
                "ivy",
                null,
                CREATED,
                null,
                null,
                null,
                null,
                List.of(),
                new CaseSla(
                        "24x7",
                        Instant.parse("2026-03-02T13:00:00Z"),
                        Instant.parse("2026-03-03T09:00:00Z"),
                        false,
                        false,
                        java.time.Duration.ZERO),
                null,
                false,
                null,
                null);
        when(cases.find("CASE-000124")).thenReturn(Optional.of(fresh));
        when(cases.timeline("CASE-000124")).thenReturn(List.of());

        mvc.perform(get("/api/cases/CASE-000124").with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("open"))
                .andExpect(jsonPath("$.firstResponseAt").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.resolvedAt").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.closedAt").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.csat").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.sentiment").value(0.0))
                .andExpect(jsonPath("$.tags").isArray())
                .andExpect(jsonPath("$.timeline").isArray());
    }

    @Test
    void anUnknownReferenceIs404ProblemJson() throws Exception {
        when(cases.find("CASE-999999")).thenReturn(Optional.empty());

        var result = mvc.perform(get("/api/cases/CASE-999999").with(as("alice")));

        problem(result, 404);
        verify(cases, never()).timeline(anyString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "bob", "sam", "maria", "otto", "kim", "paul", "demo"})
    void agentsManagersAndAdminsReadAnyCase(String user) throws Exception {
        when(cases.find(REF)).thenReturn(Optional.of(supportCase(REF, "phonebot")));

        mvc.perform(get("/api/cases/" + REF).with(as(user)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reference").value(REF));
    }

    @Test
    void anIntegrationReadsTheCasesItOpened() throws Exception {
        when(cases.find(REF)).thenReturn(Optional.of(supportCase(REF, "ivy")));

        mvc.perform(get("/api/cases/" + REF).with(as("ivy")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reference").value(REF));
    }

    @Test
    void anIntegrationGetsTheSame404ForAnotherIntegrationsCaseAsForAnUnknownOne() throws Exception {
        when(cases.find(REF)).thenReturn(Optional.of(supportCase(REF, "phonebot")));
        when(cases.find("CASE-000999")).thenReturn(Optional.empty());

        var foreign = mvc.perform(get("/api/cases/" + REF).with(as("ivy")));
        var unknown = mvc.perform(get("/api/cases/CASE-000999").with(as("ivy")));

        problem(foreign, 404);
        problem(unknown, 404);
        String foreignBody = foreign.andReturn().getResponse().getContentAsString();
        String unknownBody = unknown.andReturn().getResponse().getContentAsString();
        assertThat(foreignBody.replace(REF, "CASE-000999")).isEqualTo(unknownBody);
        assertThat(foreignBody).doesNotContain("phonebot").doesNotContain("ana@example.com");
        verify(cases, never()).timeline(anyString());
    }

    @Test
    void anIntegrationCannotReadACaseOpenedByAPerson() throws Exception {
        when(cases.find(REF)).thenReturn(Optional.of(supportCase(REF, null)));

        problem(mvc.perform(get("/api/cases/" + REF).with(as("ivy"))), 404);
    }

    @Test
    void readingACaseNeedsCredentials() throws Exception {
        var result = mvc.perform(get("/api/cases/" + REF));

        problem(result, 401);
        result.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Basic")));
        verifyNoInteractions(cases);
    }

    @Test
    void aUserWithoutAGroupCannotRead() throws Exception {
        problem(mvc.perform(get("/api/cases/" + REF).with(as("nobody"))), 403);
        problem(mvc.perform(get("/api/cases").with(as("nobody"))), 403);
        verifyNoInteractions(cases);
    }

    // ---------------------------------------------------------------------------------------------- list

    @Test
    void theListPassesEveryFilterAndAnswersItemsAndTotal() throws Exception {
        when(cases.search(any())).thenReturn(new CasePage(List.of(supportCase(REF, "ivy")), 41));

        mvc.perform(get("/api/cases")
                        .with(as("alice"))
                        .param("status", "waiting_on_customer")
                        .param("priority", "P1")
                        .param("tag", "delivery-delay")
                        .param("customer", "Ana@Example.COM")
                        .param("page", "2")
                        .param("size", "50"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.total").value(41))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].reference").value(REF))
                .andExpect(jsonPath("$.items[0].status").value("resolved"))
                .andExpect(jsonPath("$.items[0].priority").value("P1"))
                .andExpect(jsonPath("$.items[0].customer.email").value("ana@example.com"))
                .andExpect(jsonPath("$.items[0].slaPausedSeconds").value(5400));

        var query = ArgumentCaptor.forClass(CaseQuery.class);
        verify(cases).search(query.capture());
        assertThat(query.getValue())
                .isEqualTo(new CaseQuery(
                        CaseStatus.WAITING_ON_CUSTOMER, "P1", "delivery-delay", "ana@example.com", null, 2, 50));
    }

    @Test
    void theListDefaultsToTheFirstTwentyOfEverything() throws Exception {
        when(cases.search(any())).thenReturn(new CasePage(List.of(), 0));

        mvc.perform(get("/api/cases").with(as("maria")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isArray())
                .andExpect(jsonPath("$.items.length()").value(0))
                .andExpect(jsonPath("$.total").value(0));

        var query = ArgumentCaptor.forClass(CaseQuery.class);
        verify(cases).search(query.capture());
        assertThat(query.getValue()).isEqualTo(new CaseQuery(null, null, null, null, null, 0, 20));
    }

    @Test
    void anIntegrationListsOnlyWhatItOpened() throws Exception {
        when(cases.search(any())).thenReturn(new CasePage(List.of(supportCase(REF, "ivy")), 1));

        mvc.perform(get("/api/cases").with(as("ivy")).param("status", "open"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));

        var query = ArgumentCaptor.forClass(CaseQuery.class);
        verify(cases).search(query.capture());
        assertThat(query.getValue().openedBy()).isEqualTo("ivy");
        assertThat(query.getValue().status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void theListAcceptsTheEdgesOfPageAndSize() throws Exception {
        when(cases.search(any())).thenReturn(new CasePage(List.of(), 0));

        mvc.perform(get("/api/cases").with(as("alice")).param("page", "0").param("size", "1"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/cases").with(as("alice")).param("size", "200")).andExpect(status().isOk());
    }

    @ParameterizedTest
    @CsvSource({
        "status, bogus",
        "status, OPEN",
        "priority, P9",
        "priority, p1",
        "tag, Not A Tag",
        "size, 0",
        "size, 500",
        "size, -3",
        "page, -1",
        "size, abc",
        "page, 1.5",
    })
    void badListParametersAre400ProblemJsonNamingThem(String name, String value) throws Exception {
        var result = mvc.perform(get("/api/cases").with(as("alice")).param(name, value));

        problem(result, 400);
        result.andExpect(content().string(containsString(name)));
        verifyNoInteractions(cases);
    }

    @ParameterizedTest
    @CsvSource({"status, bogus", "priority, P9", "size, 0", "size, 500"})
    void badListConstraintsNameTheParameterInErrors(String name, String value) throws Exception {
        var result = mvc.perform(get("/api/cases").with(as("alice")).param(name, value));

        problem(result, 400);
        result.andExpect(jsonPath("$.errors[*].field", hasItem(name)));
    }

    // ---------------------------------------------------------------------------------------------- messages

    private String message(String from, String body) throws Exception {
        var message = new LinkedHashMap<String, Object>();
        message.put("from", from);
        message.put("body", body);
        return json.writeValueAsString(message);
    }

    @Test
    void aCustomerMessageIsAcceptedWithItsEffect() throws Exception {
        when(cases.find(REF)).thenReturn(Optional.of(supportCase(REF, "ivy")));
        when(messages.receive(REF, "Here is the photo you asked for.")).thenReturn(CustomerMessages.Effect.RESUMED);

        mvc.perform(post("/api/cases/" + REF + "/messages")
                        .with(as("ivy"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(message("customer", "Here is the photo you asked for.")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.reference").value(REF))
                .andExpect(jsonPath("$.effect").value("resumed"));

        verify(messages).receive(REF, "Here is the photo you asked for.");
    }

    @ParameterizedTest
    @CsvSource({"REOPENED, reopened", "RECORDED, recorded"})
    void everyEffectIsReportedInLowerCase(CustomerMessages.Effect effect, String wire) throws Exception {
        when(cases.find(REF)).thenReturn(Optional.of(supportCase(REF, "ivy")));
        when(messages.receive(REF, "Still broken.")).thenReturn(effect);

        mvc.perform(post("/api/cases/" + REF + "/messages")
                        .with(as("alice"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(message("customer", "Still broken.")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.effect").value(wire));
    }

    @Test
    void aMessageBodyReachesTheServiceVerbatim() throws Exception {
        when(cases.find(REF)).thenReturn(Optional.of(supportCase(REF, "ivy")));
        when(messages.receive(anyString(), anyString())).thenReturn(CustomerMessages.Effect.RECORDED);
        String words = "${7*7} <script>alert(1)</script> #{1+1}";

        mvc.perform(post("/api/cases/" + REF + "/messages")
                        .with(as("ivy"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(message("customer", words)))
                .andExpect(status().isAccepted());

        verify(messages).receive(REF, words);
    }

    @ParameterizedTest
    @CsvSource({"agent, from", "CUSTOMER, from", "'', from", "' ', from"})
    void aMessageNotFromTheCustomerIs400(String from, String field) throws Exception {
        when(cases.find(REF)).thenReturn(Optional.of(supportCase(REF, "ivy")));

        var result = mvc.perform(post("/api/cases/" + REF + "/messages")
                .with(as("ivy"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(message(from, "Hello")));

        problem(result, 400);
        result.andExpect(jsonPath("$.errors[*].field", hasItem(field)));
        verifyNoInteractions(messages);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void aBlankMessageIs400(String body) throws Exception {
        when(cases.find(REF)).thenReturn(Optional.of(supportCase(REF, "ivy")));

        var result = mvc.perform(post("/api/cases/" + REF + "/messages")
                .with(as("ivy"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(message("customer", body)));

        problem(result, 400);
        result.andExpect(jsonPath("$.errors[*].field", hasItem("body")));
        verifyNoInteractions(messages);
    }

    @Test
    void missingMessageFieldsAreEachNamed() throws Exception {
        var result = mvc.perform(post("/api/cases/" + REF + "/messages")
                .with(as("ivy"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"));

        problem(result, 400);
        result.andExpect(jsonPath("$.errors[*].field", hasItem("from")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("body")));
        verifyNoInteractions(messages);
    }

    @Test
    void aMessageOverTenThousandCharactersIs400() throws Exception {
        var result = mvc.perform(post("/api/cases/" + REF + "/messages")
                .with(as("ivy"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(message("customer", "x".repeat(10_001))));

        problem(result, 400);
        result.andExpect(jsonPath("$.errors[0].field").value("body"));
        verifyNoInteractions(messages);
    }

    @Test
    void anUnknownMessageFieldIsNamed() throws Exception {
        var result = mvc.perform(post("/api/cases/" + REF + "/messages")
                .with(as("ivy"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\":\"customer\",\"body\":\"hi\",\"attachment\":\"x\"}"));

        problem(result, 400);
        result.andExpect(jsonPath("$.errors[0].field").value("attachment"));
        verifyNoInteractions(messages);
    }

    @Test
    void malformedMessageJsonIs400() throws Exception {
        problem(
                mvc.perform(post("/api/cases/" + REF + "/messages")
                        .with(as("ivy"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"customer\",")),
                400);
        verifyNoInteractions(messages);
    }

    @Test
    void aPlainTextMessageIs415ProblemJson() throws Exception {
        var result = mvc.perform(post("/api/cases/" + REF + "/messages")
                .with(as("ivy"))
                .contentType(MediaType.TEXT_PLAIN)
                .content("Here is the photo"));

        problem(result, 415);
        verifyNoInteractions(messages);
    }

    @Test
    void anOversizedMessageIs413ProblemJson() throws Exception {
        var result = mvc.perform(post("/api/cases/" + REF + "/messages")
                .with(as("ivy"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(message("customer", "x".repeat(70_000))));

        problem(result, 413);
        verifyNoInteractions(messages);
    }

    @Test
    void aMessageOnAnUnknownCaseIs404() throws Exception {
        when(cases.find("CASE-999999")).thenReturn(Optional.empty());

        problem(
                mvc.perform(post("/api/cases/CASE-999999/messages")
                        .with(as("ivy"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(message("customer", "Hello"))),
                404);
        verifyNoInteractions(messages);
    }

    @Test
    void anIntegrationCannotPostOnAnotherIntegrationsCase() throws Exception {
        when(cases.find(REF)).thenReturn(Optional.of(supportCase(REF, "phonebot")));

        problem(
                mvc.perform(post("/api/cases/" + REF + "/messages")
                        .with(as("ivy"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(message("customer", "Hello"))),
                404);
        verifyNoInteractions(messages);
    }

    @Test
    void postingAMessageNeedsCredentials() throws Exception {
        var result = mvc.perform(post("/api/cases/" + REF + "/messages")
                .contentType(MediaType.APPLICATION_JSON)
                .content(message("customer", "Hello")));

        problem(result, 401);
        result.andExpect(header().exists(HttpHeaders.WWW_AUTHENTICATE));
        verifyNoInteractions(messages, cases);
    }

    @ParameterizedTest
    @ValueSource(strings = {"maria", "kim", "otto", "paul", "nobody"})
    void onlyCaseOpenersPostMessages(String user) throws Exception {
        problem(
                mvc.perform(post("/api/cases/" + REF + "/messages")
                        .with(as(user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(message("customer", "Hello"))),
                403);
        verifyNoInteractions(messages, cases);
    }

    @Test
    void otherMethodsOnCasesAre405ProblemJson_namingTheAllowedOnes() throws Exception {
        var delete = mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/cases/" + REF)
                        .with(as("demo")));
        problem(delete, 405);
        delete.andExpect(header().string(HttpHeaders.ALLOW, "GET"));
        problem(
                mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/cases/" + REF)
                        .with(as("demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")),
                405);
        verifyNoInteractions(messages, cases);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "alice", "ivy", "nobody"})
    void unknownPathsAre404ProblemJson_forAnySignedInUser(String user) throws Exception {
        for (String path : new String[] {"/api/nothing-here", "/api/cases/" + REF + "/nothing-here", "/api"}) {
            var result = mvc.perform(get(path).with(as(user)));
            problem(result, 404);
            result.andExpect(content().json("""
                    {"type":"about:blank","title":"Not found","status":404,"detail":"There is no %s in the API"}""".formatted(path), org.springframework.test.json.JsonCompareMode.STRICT));
        }
        problem(
                mvc.perform(post("/api/cases/" + REF + "/nothing-here")
                        .with(as(user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")),
                404);
        verifyNoInteractions(messages, cases);
    }

    @Test
    void unknownPathsStay401WithoutCredentials_andKnownOnes403WithoutTheRight() throws Exception {
        var anonymous = mvc.perform(get("/api/nothing-here"));
        problem(anonymous, 401);
        anonymous.andExpect(header().exists(HttpHeaders.WWW_AUTHENTICATE));
        problem(mvc.perform(get("/api/nothing-here").with(httpBasic("demo", "wrong"))), 401);
        problem(mvc.perform(get("/api/cases/" + REF).with(as("nobody"))), 403);
        verifyNoInteractions(messages, cases);
    }

    @Test
    void anUnexpectedFailureIs500ProblemJsonWithoutInternals() throws Exception {
        when(cases.find(REF)).thenThrow(new IllegalStateException("connection refused: jdbc:mysql://db:3306"));

        var result = mvc.perform(get("/api/cases/" + REF).with(as("alice")));

        problem(result, 500);
        result.andExpect(content().string(not(containsString("jdbc"))));
    }

    @Test
    void theListAnswersOnlyItemsAndTotal() throws Exception {
        when(cases.search(any())).thenReturn(new CasePage(List.of(supportCase(REF, "ivy")), 1));

        var body = mvc.perform(get("/api/cases").with(as("alice")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        @SuppressWarnings("unchecked")
        Map<String, Object> page = json.readValue(body, Map.class);
        assertThat(page).containsOnlyKeys("items", "total");
    }
}
