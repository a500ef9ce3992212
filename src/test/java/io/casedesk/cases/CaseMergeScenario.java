package io.casedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.TestMailServer;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TestCases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Duplicates flagged at intake and POST /api/cases/{reference}/merge on the whole application: the rules (each 409),
 * idempotence, two merges of one pair at once, the merged case's flow ended and its customer told once (GreenMail).
 * Run on H2 ({@link CaseMergeTest}) and on MySQL/MariaDB ({@link CaseMergeMySqlTest}), where row locks and deadlocks
 * are the server's own.
 */
abstract class CaseMergeScenario {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    IntakeService intake;

    @Autowired
    CaseService cases;

    @Autowired
    CustomerMessages messages;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The cases a test opened: their flows are ended after it, so no task of theirs crowds Tasklist's lists. */
    private final List<String> opened = java.util.Collections.synchronizedList(new ArrayList<>());

    @org.junit.jupiter.api.AfterEach
    void endTheFlowsOfTheTest() {
        for (String reference : opened) {
            runtime.createProcessInstanceQuery()
                    .processDefinitionKey("support-case")
                    .processInstanceBusinessKey(reference)
                    .list()
                    .forEach(pi ->
                            runtime.deleteProcessInstanceIfExists(pi.getId(), "test over", false, true, false, false));
        }
        opened.clear();
    }

    // ------------------------------------------------------------------------------------------- duplicates

    @Test
    void aSecondCaseAboutTheSameOrder_isFlaggedOnBoth_withATimelineEntryOnEach() {
        String customer = customer();
        String first = openAboutOrder(customer, "Where is my order?", "Order 8800, ordered Monday.", "8800");
        String second = openAboutOrder(customer, "Package", "Nothing came yet for 8800", "8800");

        assertThat(cases.get(second).possibleDuplicateOf()).isEqualTo(first);
        assertThat(cases.get(first).possibleDuplicateOf()).isEqualTo(second);
        assertThat(details(second, CaseEventType.POSSIBLE_DUPLICATE))
                .singleElement()
                .asString()
                .contains(first, "same order 8800");
        assertThat(details(first, CaseEventType.POSSIBLE_DUPLICATE))
                .singleElement()
                .asString()
                .contains(second);
        var task = tasks.createTaskQuery().processInstanceBusinessKey(second).singleResult();
        assertThat((String) tasks.getVariableLocal(task.getId(), "possibleDuplicateText"))
                .as("the agent's form suggests the merge")
                .contains("Possibly the same problem as " + first, "POST /api/cases/" + second + "/merge");
    }

    @Test
    void similarWords_flagADuplicate_otherWordsOrAnotherCustomerDoNot() {
        String customer = customer();
        String first =
                open(customer, "My parcel has not arrived", "The parcel I ordered last week has not arrived yet.");
        String similar =
                open(customer, "Parcel not arrived", "I am still waiting: the parcel I ordered has not arrived.");
        String other = open(customer, "Invoice address", "Please change the address on my invoices to Main Street 1.");
        String otherCustomer =
                open(customer(), "My parcel has not arrived", "The parcel I ordered last week has not arrived yet.");

        assertThat(cases.get(similar).possibleDuplicateOf()).isEqualTo(first);
        assertThat(details(similar, CaseEventType.POSSIBLE_DUPLICATE))
                .singleElement()
                .asString()
                .contains("similar text, cosine");
        assertThat(cases.get(other).possibleDuplicateOf()).isNull();
        assertThat(cases.get(otherCustomer).possibleDuplicateOf()).isNull();
    }

    @Test
    void textSimilarity_isTheCosineOfAnalysedTerms() {
        assertThat(TextSimilarity.cosine("Parcels arrived late", "the parcel arriving LATE"))
                .isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(TextSimilarity.cosine("refund the order", "change the password"))
                .isZero();
        assertThat(TextSimilarity.cosine("", "anything")).isZero();
    }

    // ------------------------------------------------------------------------------------------------ merge

    @Test
    void merge_endsTheMergedCaseAndItsFlow_movesItsMessagesAndTags_andTellsTheCustomerOnce() throws Exception {
        String customer = customer();
        String target = openAboutOrder(customer, "Where is my order?", "Order 8801 is late", "8801");
        String duplicate = openAboutOrder(customer, "Order 8801", "Where is order 8801??", "8801");
        messages.receive(duplicate, "Any news on 8801?");
        String flow = cases.get(duplicate).processInstanceId();
        assertThat(tasks.createTaskQuery().processInstanceId(flow).count()).isEqualTo(1);

        var merged = merge("alice", duplicate, "{\"into\":\"" + target + "\"}");
        assertThat(merged.statusCode()).isEqualTo(200);
        JsonNode answer = json.readTree(merged.body());
        assertThat(answer.get("reference").asText()).isEqualTo(target);
        assertThat(answer.get("automated").asBoolean()).isFalse();
        assertThat(answer.get("possibleDuplicateOf").isNull())
                .as("the flag goes with the merge")
                .isTrue();
        assertThat(answer.get("timeline").toString()).contains(duplicate + " merged into this case by alice");

        SupportCase gone = cases.get(duplicate);
        assertThat(gone.status()).isEqualTo(CaseStatus.MERGED);
        assertThat(gone.mergedInto()).isEqualTo(target);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(flow).count())
                .as("the merged case's flow has ended")
                .isZero();
        assertThat(tasks.createTaskQuery().processInstanceId(flow).count()).isZero();
        assertThat(management.createJobQuery().processInstanceId(flow).count())
                .as("no SLA timer is left")
                .isZero();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(flow)
                        .singleResult()
                        .getDeleteReason())
                .isEqualTo("merged into " + target);
        assertThat(details(target, CaseEventType.CUSTOMER_MESSAGE)).contains("Any news on 8801?");
        assertThat(details(duplicate, CaseEventType.MERGED)).containsExactly("Merged into " + target + " by alice");
        assertThat(cases.get(target).possibleDuplicateOf()).isNull();
        assertThat(cases.get(target).status()).isNotEqualTo(CaseStatus.MERGED);

        await().atMost(PATIENCE).until(() -> !noticesOf(duplicate).isEmpty());
        assertThat(TestMailServer.recipient(noticesOf(duplicate).get(0))).isEqualTo(customer);
        assertThat(TestMailServer.body(noticesOf(duplicate).get(0))).contains("we continue in " + target);

        int timeline = cases.timeline(target).size();
        var again = merge("maria", duplicate, "{\"into\":\"" + target + "\"}");
        assertThat(again.statusCode()).as("the same merge again").isEqualTo(200);
        assertThat(cases.timeline(target)).hasSize(timeline);
        Thread.sleep(1500);
        assertThat(noticesOf(duplicate)).as("the customer is told once").hasSize(1);

        messages.receive(duplicate, "Still waiting for 8801.");
        assertThat(details(target, CaseEventType.CUSTOMER_MESSAGE))
                .as("a later message to the merged case goes to the case it continues in")
                .contains("Still waiting for 8801.");
        assertThat(details(duplicate, CaseEventType.CUSTOMER_MESSAGE)).doesNotContain("Still waiting for 8801.");
    }

    @Test
    void theRules_refuseEachWrongMergeWith409() throws Exception {
        String customer = customer();
        String a = open(customer, "Login", "I cannot log in to my account since this morning.");
        String b = open(customer, "Password", "The password reset mail never comes.");
        String closed = open(customer, "Old question", "How do I export my data?");
        cases.close(closed);
        String foreign = open(customer(), "Login", "I cannot log in either.");

        assertConflict(merge("maria", a, "{\"into\":\"" + a + "\"}"), "itself");
        assertConflict(merge("maria", a, "{\"into\":\"" + closed + "\"}"), "closed");
        assertConflict(merge("maria", a, "{\"into\":\"" + foreign + "\"}"), "different customers");
        assertConflict(merge("maria", closed, "{\"into\":\"" + a + "\"}"), "closed");

        assertThat(merge("maria", b, "{\"into\":\"" + a + "\"}").statusCode()).isEqualTo(200);
        assertConflict(merge("maria", a, "{\"into\":\"" + b + "\"}"), "merged");
        String c = open(customer, "Login again", "Still locked out.");
        assertConflict(merge("maria", c, "{\"into\":\"" + b + "\"}"), "merged");

        assertThat(merge("maria", foreign, "{\"into\":\"" + a + "\",\"force\":true}")
                        .statusCode())
                .as("across customers with force")
                .isEqualTo(200);
        assertThat(cases.get(foreign).status()).isEqualTo(CaseStatus.MERGED);
    }

    @Test
    void onlyTheCasesGroupAndManagersMerge_andBadInputNamesTheField() throws Exception {
        String customer = customer();
        String a = open(customer, "Where is my order", "Order 1234");
        String b = open(customer, "Order 1234", "Where is it?");
        assertThat(cases.get(a).assignedGroup()).isEqualTo("tier1");

        var tier2 = merge("bob", b, "{\"into\":\"" + a + "\"}");
        assertThat(tier2.statusCode()).isEqualTo(403);
        assertThat(tier2.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(merge("otto", b, "{\"into\":\"" + a + "\"}").statusCode()).isEqualTo(403);
        var bad = merge("alice", b, "{\"into\":\"nonsense\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("into");
        assertThat(merge("alice", b, "{\"into\":\"CASE-999999999\"}").statusCode())
                .isEqualTo(404);
        assertThat(cases.get(b).status()).isNotEqualTo(CaseStatus.MERGED);
    }

    @Test
    void twoMergesOfOnePairAtOnce_neverBothSucceed_andNeitherFailsOtherwise() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String customer = customer();
                String a = open(customer, "Refund", "Please refund order 77" + round);
                String b = open(customer, "Refund", "I want my money back for order 77" + round);
                var start = new CyclicBarrier(2);
                List<Future<String>> outcomes = new ArrayList<>();
                for (String[] pair : new String[][] {{a, b}, {b, a}}) {
                    outcomes.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        try {
                            cases.merge(pair[0], pair[1], false, "alice");
                            return "merged";
                        } catch (MergeConflictException refused) {
                            return "refused";
                        }
                    }));
                }
                List<String> results = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    results.add(outcome.get(60, TimeUnit.SECONDS));
                }
                assertThat(results).as("round " + round).containsExactlyInAnyOrder("merged", "refused");
                assertThat(List.of(cases.get(a).status(), cases.get(b).status()))
                        .as("round " + round)
                        .containsOnlyOnce(CaseStatus.MERGED);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void mergingAnUnknownCase_isNotFound() {
        assertThatThrownBy(() -> cases.merge("CASE-999999998", "CASE-999999999", false, "alice"))
                .isInstanceOf(CaseNotFoundException.class);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private String open(String customer, String subject, String description) {
        return opened(TestCases.open(intake, "email", customer, "standard", subject, description, null));
    }

    private String openAboutOrder(String customer, String subject, String description, String orderId) {
        return opened(TestCases.openAboutOrder(intake, customer, subject, description, orderId));
    }

    private String opened(String reference) {
        opened.add(reference);
        return reference;
    }

    private static String customer() {
        return "merge-" + System.nanoTime() + "@example.com";
    }

    private List<String> details(String reference, CaseEventType type) {
        return cases.timeline(reference).stream()
                .filter(e -> e.type() == type)
                .map(CaseEvent::detail)
                .toList();
    }

    private static List<jakarta.mail.internet.MimeMessage> noticesOf(String reference) {
        return TestMailServer.mailsFor(reference).stream()
                .filter(m -> TestMailServer.subject(m).contains("Continued in"))
                .toList();
    }

    private HttpResponse<String> merge(String user, String reference, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cases/" + reference + "/merge"))
                        .header("Content-Type", "application/json")
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertConflict(HttpResponse<String> answer, String why) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(answer.body()).contains(why);
    }
}
