package io.casedesk.orders;

import static io.casedesk.security.ApiTestSecurity.as;
import static io.casedesk.security.ApiTestSecurity.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.casedesk.ApiSliceTest;
import io.casedesk.security.ApiTestSecurity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** PUT and GET /api/orders/{orderId} as API.md describes them, with the real security chain and problem+json. */
@ApiSliceTest
class OrderControllerTest {

    private static final String FACTS = """
            { "status": "shipped", "carrier": "DHL", "trackingUrl": "https://track.example/8800",
              "eta": "2026-12-05" }""";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrderService orders;

    @Autowired
    IdentityService identity;

    @BeforeEach
    void accounts() {
        ApiTestSecurity.accounts(identity);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ivy", "demo"})
    void anIntegrationKeepsTheFacts(String user) throws Exception {
        mvc.perform(put("/api/orders/8800")
                        .with(as(user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(FACTS))
                .andExpect(status().isNoContent());

        verify(orders).record("8800", "shipped", "DHL", "https://track.example/8800", LocalDate.parse("2026-12-05"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "maria", "otto", "nobody"})
    void othersMayNotWriteFacts(String user) throws Exception {
        problem(
                mvc.perform(put("/api/orders/8800")
                        .with(as(user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(FACTS)),
                403);
        verify(orders, never()).record(anyString(), anyString(), any(), any(), any());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{ \"carrier\": \"DHL\" }|status",
                "{ \"status\": \"shipped\", \"trackingUrl\": \"javascript:alert(1)\" }|trackingUrl",
                "{ \"status\": \"shipped\", \"trackingUrl\": \"ftp://track.example/1\" }|trackingUrl",
                "{ \"status\": \"shipped\", \"eta\": \"next tuesday\" }|eta",
                "{ \"status\": \"shipped\", \"eta\": \"2026-13-40\" }|eta",
                "{ \"status\": \"shipped\", \"colour\": \"red\" }|colour"
            })
    void badFacts_areRefusedNamingTheField(String body, String field) throws Exception {
        var result = mvc.perform(put("/api/orders/8800")
                .with(as("ivy"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
        problem(result, 400);
        result.andExpect(jsonPath("$.errors[0].field").value(field));
        verify(orders, never()).record(anyString(), anyString(), any(), any(), any());
    }

    @Test
    void aBadOrderId_isRefusedNamingIt() throws Exception {
        var result = mvc.perform(put("/api/orders/88 00")
                .with(as("ivy"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(FACTS));
        problem(result, 400);
        result.andExpect(jsonPath("$.errors[0].field").value("orderId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "bob", "sam", "maria"})
    void agentsAndManagersReadTheFacts(String user) throws Exception {
        when(orders.find("8800"))
                .thenReturn(Optional.of(new OrderFacts(
                        "8800",
                        "shipped",
                        "DHL",
                        "https://track.example/8800",
                        LocalDate.parse("2026-12-05"),
                        Instant.parse("2026-12-03T10:00:00Z"))));

        mvc.perform(get("/api/orders/8800").with(as(user)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value("8800"))
                .andExpect(jsonPath("$.status").value("shipped"))
                .andExpect(jsonPath("$.carrier").value("DHL"))
                .andExpect(jsonPath("$.trackingUrl").value("https://track.example/8800"))
                .andExpect(jsonPath("$.eta").value("2026-12-05"))
                .andExpect(jsonPath("$.updatedAt").value("2026-12-03T10:00:00Z"));
    }

    @Test
    void anUnknownOrder_is404() throws Exception {
        when(orders.find("4711")).thenReturn(Optional.empty());
        problem(mvc.perform(get("/api/orders/4711").with(as("alice"))), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"otto", "kim", "nobody"})
    void othersMayNotReadFacts(String user) throws Exception {
        problem(mvc.perform(get("/api/orders/8800").with(as(user))), 403);
    }
}
