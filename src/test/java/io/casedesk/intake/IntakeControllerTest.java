package io.casedesk.intake;

import static io.casedesk.security.ApiTestSecurity.as;
import static io.casedesk.security.ApiTestSecurity.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.ApiSliceTest;
import io.casedesk.cases.CaseStatus;
import io.casedesk.security.ApiTestSecurity;
import jakarta.servlet.ServletContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * POST /api/cases as API.md describes it, with the real security chain (HTTP basic against a mocked Camunda
 * identity), the real problem+json advice and the real body limit; only the intake service is mocked. Every
 * refused request must leave the service untouched: nothing stored, no process started.
 */
@ApiSliceTest
class IntakeControllerTest {

    private static final Instant RESPONSE_DUE = Instant.parse("2026-03-02T10:15:30Z");
    private static final Instant RESOLUTION_DUE = Instant.parse("2026-03-02T14:15:30Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Value("${casedesk.api.max-body-bytes}")
    int maxBodyBytes;

    @Autowired
    IntakeService intake;

    @Autowired
    IdentityService identity;

    @BeforeEach
    void accounts() {
        ApiTestSecurity.accounts(identity);
    }

    // ---------------------------------------------------------------------------------------------- bodies

    private static Map<String, Object> validBody() {
        var customer = new LinkedHashMap<String, Object>();
        customer.put("email", "ana@example.com");
        customer.put("name", "Ana");
        customer.put("tier", "vip");
        var body = new LinkedHashMap<String, Object>();
        body.put("channel", "chat");
        body.put("customer", customer);
        body.put("subject", "Order #4521 has not arrived");
        body.put("description", "I ordered two weeks ago and nothing came.");
        body.put("orderId", "4521");
        body.put("severity", "high");
        body.put("tags", List.of("delivery-delay"));
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> customerOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("customer");
    }

    private String write(Object body) throws Exception {
        return json.writeValueAsString(body);
    }

    private ResultActions postCase(String user, Object body) throws Exception {
        return mvc.perform(post("/api/cases")
                .with(as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : write(body)));
    }

    private static CaseOpened opened() {
        return new CaseOpened("CASE-000123", CaseStatus.OPEN, "P2", RESPONSE_DUE, RESOLUTION_DUE, "pi-4711");
    }

    // ---------------------------------------------------------------------------------------------- success

    @Test
    void opensACaseWith201LocationAndTheAnswerOfApiMd() throws Exception {
        when(intake.open(any(), eq("ivy"), isNull())).thenReturn(opened());

        postCase("ivy", validBody())
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/cases/CASE-000123"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.reference").value("CASE-000123"))
                .andExpect(jsonPath("$.status").value("open"))
                .andExpect(jsonPath("$.priority").value("P2"))
                .andExpect(jsonPath("$.responseDueAt").value("2026-03-02T10:15:30Z"))
                .andExpect(jsonPath("$.resolutionDueAt").value("2026-03-02T14:15:30Z"))
                .andExpect(jsonPath("$.processInstanceId").value("pi-4711"));

        var request = ArgumentCaptor.forClass(NewCaseRequest.class);
        verify(intake).open(request.capture(), eq("ivy"), isNull());
        assertThat(request.getValue().channel()).isEqualTo("chat");
        assertThat(request.getValue().customer().email()).isEqualTo("ana@example.com");
        assertThat(request.getValue().customer().tier()).isEqualTo("vip");
        assertThat(request.getValue().orderId()).isEqualTo("4521");
        assertThat(request.getValue().severity()).isEqualTo("high");
        assertThat(request.getValue().tags()).containsExactly("delivery-delay");
    }

    @Test
    void optionalFieldsMayBeLeftOut() throws Exception {
        when(intake.open(any(), eq("ivy"), isNull())).thenReturn(opened());
        var body = validBody();
        body.remove("orderId");
        body.remove("severity");
        body.remove("tags");
        customerOf(body).remove("name");
        customerOf(body).remove("tier");

        postCase("ivy", body).andExpect(status().isCreated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ivy", "alice", "bob", "sam", "demo"})
    void integrationsAgentsAndAdminsMayOpenCases(String user) throws Exception {
        when(intake.open(any(), eq(user), isNull())).thenReturn(opened());

        postCase(user, validBody()).andExpect(status().isCreated());

        verify(intake).open(any(), eq(user), isNull());
    }

    @Test
    void passesAValidIdempotencyKeyToTheService() throws Exception {
        when(intake.open(any(), eq("ivy"), eq("chat-widget:8f2c.1_A-9"))).thenReturn(opened());

        mvc.perform(post("/api/cases")
                        .with(as("ivy"))
                        .header("Idempotency-Key", "chat-widget:8f2c.1_A-9")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(write(validBody())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reference").value("CASE-000123"));
    }

    @Test
    void aConcurrentDuplicateOfTheSameKeyGetsTheStoredAnswer() throws Exception {
        when(intake.open(any(), eq("ivy"), eq("k-1"))).thenThrow(new DuplicateKeyException("idempotent_request"));
        when(intake.replay(any(), eq("ivy"), eq("k-1"))).thenReturn(opened());

        mvc.perform(post("/api/cases")
                        .with(as("ivy"))
                        .header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(write(validBody())))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/cases/CASE-000123"));
    }

    @Test
    void templateAndMarkupInTheCustomersWordsReachTheServiceVerbatim() throws Exception {
        when(intake.open(any(), eq("ivy"), isNull())).thenReturn(opened());
        String words = "${7*7} #{7*7} <script>alert('x')</script> {{7*7}} %s ' OR 1=1 --";
        var body = validBody();
        body.put("subject", "<b>${7*7}</b>");
        body.put("description", words);
        customerOf(body).put("name", "<script>alert(1)</script>");

        postCase("ivy", body).andExpect(status().isCreated());

        var request = ArgumentCaptor.forClass(NewCaseRequest.class);
        verify(intake).open(request.capture(), eq("ivy"), isNull());
        assertThat(request.getValue().description()).isEqualTo(words);
        assertThat(request.getValue().subject()).isEqualTo("<b>${7*7}</b>");
        assertThat(request.getValue().customer().name()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void aDescriptionOfExactlyTheLimitIsAccepted() throws Exception {
        when(intake.open(any(), eq("ivy"), isNull())).thenReturn(opened());
        var body = validBody();
        body.put("description", "x".repeat(NewCaseRequest.MAX_DESCRIPTION));

        postCase("ivy", body).andExpect(status().isCreated());
    }

    // ---------------------------------------------------------------------------------------------- bad input

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"channel\": \"chat\", \"customer\": {",
                "{\"channel\": chat}",
                "{\"channel\": \"chat\",, }",
                "{\"customer\": {\"email\": \"ana@example.com\" \"name\": \"Ana\"}}",
                "not json at all",
            })
    void malformedJsonIs400ProblemJson(String body) throws Exception {
        var result = postCase("ivy", body);

        problem(result, 400);
        result.andExpect(jsonPath("$.title").value("Malformed JSON"))
                .andExpect(jsonPath("$.errors").doesNotExist());
        verifyNoInteractions(intake);
    }

    @Test
    void anEmptyBodyIs400ProblemJson() throws Exception {
        problem(postCase("ivy", ""), 400);
        verifyNoInteractions(intake);
    }

    @Test
    void aJsonArrayInsteadOfAnObjectIs400() throws Exception {
        problem(postCase("ivy", "[1,2]"), 400);
        verifyNoInteractions(intake);
    }

    @Test
    void eachMissingRequiredFieldIsNamed() throws Exception {
        var body = validBody();
        body.remove("channel");
        body.remove("subject");
        body.remove("description");
        customerOf(body).remove("email");

        var result = postCase("ivy", body);

        problem(result, 400);
        result.andExpect(jsonPath("$.errors[*].field", hasItems("channel", "customer.email", "subject", "description")))
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[*].message").isNotEmpty())
                .andExpect(jsonPath("$.detail", containsString("customer.email")));
        verifyNoInteractions(intake);
    }

    @Test
    void aMissingCustomerIsNamed() throws Exception {
        var body = validBody();
        body.remove("customer");

        var result = postCase("ivy", body);

        problem(result, 400);
        result.andExpect(jsonPath("$.errors[*].field", hasItem("customer")));
        verifyNoInteractions(intake);
    }

    @Test
    void blankTextsCountAsMissing() throws Exception {
        var body = validBody();
        body.put("subject", "   ");
        body.put("description", "");
        customerOf(body).put("email", " ");

        var result = postCase("ivy", body);

        problem(result, 400);
        result.andExpect(jsonPath("$.errors[*].field", hasItems("subject", "description", "customer.email")));
        verifyNoInteractions(intake);
    }

    @Test
    void anUnknownFieldIsNamed() throws Exception {
        var body = validBody();
        body.put("priority", "P1");

        var result = postCase("ivy", body);

        problem(result, 400);
        result.andExpect(jsonPath("$.errors[0].field").value("priority"))
                .andExpect(jsonPath("$.detail", containsString("priority")));
        verifyNoInteractions(intake);
    }

    @Test
    void anUnknownNestedFieldIsNamedWithItsPath() throws Exception {
        var body = validBody();
        customerOf(body).put("phone", "+49 30 1234");

        var result = postCase("ivy", body);

        problem(result, 400);
        result.andExpect(jsonPath("$.errors[0].field").value("customer.phone"));
        verifyNoInteractions(intake);
    }

    @ParameterizedTest
    @CsvSource({
        "channel, fax, channel",
        "severity, urgent, severity",
        "tier, gold, customer.tier",
        "channel, CHAT, channel",
        "email, not-an-email, customer.email",
        "orderId, 4521; DROP TABLE, orderId",
    })
    void aValueOutsideItsVocabularyIsNamed(String field, String value, String named) throws Exception {
        var body = validBody();
        if (field.equals("tier") || field.equals("email")) {
            customerOf(body).put(field, value);
        } else {
            body.put(field, value);
        }

        var result = postCase("ivy", body);

        problem(result, 400);
        result.andExpect(jsonPath("$.errors[0].field").value(named))
                .andExpect(jsonPath("$.errors.length()").value(1));
        verifyNoInteractions(intake);
    }

    @Test
    void aValueOfTheWrongJsonTypeIsNamed() throws Exception {
        var body = validBody();
        body.put("tags", Map.of("a", 1));

        var result = postCase("ivy", body);

        problem(result, 400);
        result.andExpect(jsonPath("$.errors[0].field").value("tags"));
        verifyNoInteractions(intake);
    }

    @Test
    void badTagsAreNamed() throws Exception {
        var body = validBody();
        body.put("tags", List.of("delivery-delay", "Not A Tag"));

        var result = postCase("ivy", body);

        problem(result, 400);
        result.andExpect(jsonPath("$.errors[0].field", startsWith("tags[1]")));
        verifyNoInteractions(intake);
    }

    @Test
    void aDescriptionOverTenThousandCharactersIs400() throws Exception {
        var body = validBody();
        body.put("description", "x".repeat(NewCaseRequest.MAX_DESCRIPTION + 1));

        var result = postCase("ivy", body);

        problem(result, 400);
        result.andExpect(jsonPath("$.errors[0].field").value("description"));
        verifyNoInteractions(intake);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has spaces in it", "key/with/slash", "ü-key", ""})
    void aBadIdempotencyKeyIs400(String key) throws Exception {
        var result = mvc.perform(post("/api/cases")
                .with(as("ivy"))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(write(validBody())));

        problem(result, 400);
        result.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        verifyNoInteractions(intake);
    }

    @Test
    void anIdempotencyKeyOver128CharactersIs400() throws Exception {
        var result = mvc.perform(post("/api/cases")
                .with(as("ivy"))
                .header("Idempotency-Key", "k".repeat(200))
                .contentType(MediaType.APPLICATION_JSON)
                .content(write(validBody())));

        problem(result, 400);
        result.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        verifyNoInteractions(intake);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() throws Exception {
        when(intake.open(any(), eq("ivy"), eq("k-1"))).thenThrow(new IdempotencyConflictException());

        var result = mvc.perform(post("/api/cases")
                .with(as("ivy"))
                .header("Idempotency-Key", "k-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content(write(validBody())));

        problem(result, 422);
        verify(intake).open(any(), eq("ivy"), eq("k-1"));
    }

    @Test
    void anUnexpectedFailureIs500ProblemJsonWithoutInternals() throws Exception {
        when(intake.open(any(), anyString(), isNull()))
                .thenThrow(new IllegalStateException("secret internals: jdbc:h2:file:./data/casedesk"));

        var result = postCase("ivy", validBody());

        problem(result, 500);
        result.andExpect(content().string(not(containsString("secret internals"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    // ---------------------------------------------------------------------------------------------- size and type

    @Test
    void aDeclaredBodyOver64KiBIs413() throws Exception {
        byte[] body = oversizedBody();

        var result = mvc.perform(post("/api/cases")
                .with(as("ivy"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));

        problem(result, 413);
        result.andExpect(jsonPath("$.title").value("Request body too large"))
                .andExpect(jsonPath("$.detail", containsString(String.valueOf(maxBodyBytes))));
        verifyNoInteractions(intake);
    }

    @Test
    void aStreamedBodyOver64KiBWithoutContentLengthIs413() throws Exception {
        var result = mvc.perform(new ChunkedPost("/api/cases")
                .with(as("ivy"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(oversizedBody()));

        problem(result, 413);
        result.andExpect(jsonPath("$.title").value("Request body too large"));
        verifyNoInteractions(intake);
    }

    @Test
    void aStreamedBodyUnderTheLimitPasses() throws Exception {
        when(intake.open(any(), eq("ivy"), isNull())).thenReturn(opened());

        mvc.perform(new ChunkedPost("/api/cases")
                        .with(as("ivy"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(write(validBody())))
                .andExpect(status().isCreated());
    }

    /** Valid JSON, so only its size can be refused: a 70,000-character description. */
    private byte[] oversizedBody() throws Exception {
        var body = validBody();
        body.put("description", "x".repeat(maxBodyBytes + 5_000));
        byte[] bytes = write(body).getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(maxBodyBytes);
        return bytes;
    }

    @Test
    void textPlainIs415ProblemJson() throws Exception {
        var result = mvc.perform(post("/api/cases")
                .with(as("ivy"))
                .contentType(MediaType.TEXT_PLAIN)
                .content(write(validBody())));

        problem(result, 415);
        verifyNoInteractions(intake);
    }

    @Test
    void aBodyWithoutContentTypeIs415ProblemJson() throws Exception {
        var result = mvc.perform(post("/api/cases").with(as("ivy")).content(write(validBody())));

        problem(result, 415);
        verifyNoInteractions(intake);
    }

    @Test
    void aFormPostIs415ProblemJson() throws Exception {
        var result = mvc.perform(post("/api/cases")
                .with(as("ivy"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("channel=chat"));

        problem(result, 415);
        verifyNoInteractions(intake);
    }

    // ---------------------------------------------------------------------------------------------- security

    @Test
    void noCredentialsIs401ProblemJsonWithAChallenge() throws Exception {
        var result = mvc.perform(
                post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(write(validBody())));

        problem(result, 401);
        result.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Basic")));
        verifyNoInteractions(intake);
    }

    @Test
    void aWrongPasswordIs401ProblemJson() throws Exception {
        var result = mvc.perform(post("/api/cases")
                .with(httpBasic("ivy", "guess"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(write(validBody())));

        problem(result, 401);
        result.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Basic")));
        verifyNoInteractions(intake);
    }

    @Test
    void anUnknownUserIs401() throws Exception {
        var result = mvc.perform(post("/api/cases")
                .with(httpBasic("mallory", "mallory"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(write(validBody())));

        problem(result, 401);
        verifyNoInteractions(intake);
    }

    @Test
    void anUnauthenticatedOversizedOrMalformedBodyIsStill401() throws Exception {
        var result = mvc.perform(
                post("/api/cases").contentType(MediaType.APPLICATION_JSON).content("{oops"));

        problem(result, 401);
        verifyNoInteractions(intake);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kim", "maria", "otto", "paul", "nobody"})
    void usersWithoutAnOpeningGroupAre403ProblemJson(String user) throws Exception {
        var result = postCase(user, validBody());

        problem(result, 403);
        verifyNoInteractions(intake);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** A POST without Content-Length, as a chunked request arrives: the body limit must count what it reads. */
    static class ChunkedPost extends AbstractMockHttpServletRequestBuilder<ChunkedPost> {

        ChunkedPost(String uri) {
            super(HttpMethod.POST);
            uri(uri);
            header(HttpHeaders.TRANSFER_ENCODING, "chunked");
        }

        @Override
        protected MockHttpServletRequest createServletRequest(ServletContext servletContext) {
            return new MockHttpServletRequest(servletContext) {
                @Override
                public int getContentLength() {
                    return -1;
                }

                @Override
                public long getContentLengthLong() {
                    return -1;
                }
            };
        }
    }
}
