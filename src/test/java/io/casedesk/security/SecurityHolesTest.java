package io.casedesk.security;

import static io.casedesk.TestPages.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import io.casedesk.TestMailServer;
import io.casedesk.cases.CaseEvent;
import io.casedesk.cases.CaseEventType;
import io.casedesk.cases.CaseStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The four holes of the urgent security issue, each shown shut: no code runs from an uploaded or deployed model, an
 * agent acts only on its own task's case, and the smaller ones (link scanners, lock-outs, header injection, SQL in
 * errors, 500s for bad input, customer data in history, managers' rights, the dev fallback).
 */
class SecurityHolesTest extends SecuritySuiteBase {

    private static final Path SIMULATION_TABLES = Path.of("src/test/resources/sla/simulation");

    /** Each test opens its cases through an integration account of its own (intake is rate-limited per user). */
    private String bot;

    @org.junit.jupiter.api.BeforeEach
    void ownIntegration() {
        bot = newIntegration();
    }

    // --- 1. no expression language in uploaded decisions runs code ------------------------------------------

    @Test
    void simulation_refusesAJuelTable_withAProblemNamingTheLanguage_andRunsNothing() throws Exception {
        openCriticalCase();
        String juel = withCriticalOutput(
                "expressionLanguage=\"juel\"",
                "${\"\".getClass().forName(\"java.lang.System\").getProperty(\"user.name\")}");

        MvcResult result = simulate(newProcessOwner(), STRONG_PASSWORD, juel);

        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(400);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(result.getResponse().getContentAsString())
                .contains("juel")
                .contains("FEEL")
                .doesNotContain("\"" + System.getProperty("user.name") + "\"");
    }

    @Test
    void simulation_refusesUnboundedFeel_loopsAndRecursion() throws Exception {
        openCriticalCase();
        String owner = newProcessOwner();
        for (String feel : new String[] {
            "if count(for i in 1..2000 return i) > 0 then \"P1\" else \"P2\"",
            "if some i in 1..2000 satisfies i > 1999 then \"P1\" else \"P2\"",
            "{f: function(n) if n < 1 then \"P1\" else f(n - 1), r: f(3)}.r"
        }) {
            MvcResult result = simulate(owner, STRONG_PASSWORD, withCriticalOutput("", feel));
            assertThat(result.getResponse().getStatus())
                    .as(feel + " → " + result.getResponse().getContentAsString())
                    .isEqualTo(400);
            assertThat(result.getResponse().getContentAsString()).contains("not allowed");
        }
    }

    @Test
    void simulation_isRateLimitedPerUser() throws Exception {
        String owner = newProcessOwner();
        String table = Files.readString(SIMULATION_TABLES.resolve("case-priority-default.dmn"));
        for (int i = 0; i < 4; i++) {
            assertThat(simulate(owner, STRONG_PASSWORD, table).getResponse().getStatus())
                    .isEqualTo(200);
        }
        MvcResult limited = simulate(owner, STRONG_PASSWORD, table);
        assertThat(limited.getResponse().getStatus()).isEqualTo(429);
        assertThat(limited.getResponse().getHeader("Retry-After")).isNotBlank();
        assertThat(simulate("paul", table).getResponse().getStatus())
                .as("another user's bucket")
                .isEqualTo(200);
    }

    // --- 2. a process owner's deployment runs no code with engine rights -----------------------------------

    @Test
    void processOwner_cannotDeployAScriptTask() throws Exception {
        var refused = deploy("paul", "script.bpmn", process("owner-script", "<bpmn:startEvent id=\"s\"/>", """
                <bpmn:scriptTask id="t" scriptFormat="javascript"><bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>"""));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("script");
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("owner-script")
                        .count())
                .isZero();
    }

    @Test
    void processOwner_cannotDeployATimerStartThatCallsABeanMethod() throws Exception {
        var refused = deploy("paul", "timer.bpmn", process("owner-timer", """
                <bpmn:startEvent id="s"><bpmn:timerEventDefinition id="td"><bpmn:timeCycle>R/PT1S</bpmn:timeCycle>\
                </bpmn:timerEventDefinition></bpmn:startEvent>""", """
                <bpmn:serviceTask id="t" camunda:expression="${environment.getProperty('spring.datasource.url')}"/>"""));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("timer").contains("environment");
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("owner-timer")
                        .count())
                .isZero();

        for (String expression : new String[] {
            "${execution.getProcessEngineServices()}", "${caseMail.class.classLoader}", "${identityService}", "${x.y()}"
        }) {
            var sneaky = deploy(
                    "paul",
                    "sneaky.bpmn",
                    process(
                            "owner-sneaky",
                            "<bpmn:startEvent id=\"s\"/>",
                            "<bpmn:serviceTask id=\"t\" camunda:expression=\"" + expression + "\"/>"));
            assertThat(sneaky.statusCode())
                    .as(expression + ": " + sneaky.body())
                    .isEqualTo(400);
        }
        var javaClass = deploy(
                "paul",
                "class.bpmn",
                process(
                        "owner-class",
                        "<bpmn:startEvent id=\"s\"/>",
                        "<bpmn:serviceTask id=\"t\" camunda:class=\"org.camunda.bpm.engine.impl.bpmn.behavior.NoneTaskActivityBehavior\"/>"));
        assertThat(javaClass.statusCode()).as(javaClass.body()).isEqualTo(400);
        assertThat(javaClass.body()).contains("camunda:class");
    }

    @Test
    void processOwner_stillDeploysThePolicyTables_butNoJuelDecision() throws Exception {
        String table = Files.readString(Path.of("dmn/sla-targets.dmn"));
        assertThat(deploy("paul", "sla-targets.dmn", table).statusCode()).isEqualTo(200);
        String juel = table.replaceFirst(
                "<outputEntry id=\"([^\"]+)\">", "<outputEntry id=\"$1\" expressionLanguage=\"juel\">");
        var refused = deploy("paul", "sla-targets.dmn", juel);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("juel");
    }

    // --- 3. an agent acts only on its own task's case --------------------------------------------------------

    @Test
    void tier1Agent_cannotPointHerCompletionAtAnotherCase_norSetFlowVariables() throws Exception {
        String vip = openCase(
                bot,
                STRONG_PASSWORD,
                "vip",
                "Order #4521 has not arrived",
                "This is the third time, I am furious. Terrible, awful service!");
        await().atMost(PATIENCE)
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(vip)
                                .taskCandidateGroup("tier2")
                                .singleResult(),
                        t -> t != null);
        String own = openCase(bot, STRONG_PASSWORD, "standard", "Where is my parcel", "It is late.");
        Task task = await().atMost(PATIENCE)
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(own)
                                .taskCandidateGroup("tier1")
                                .singleResult(),
                        t -> t != null);
        List<CaseEvent> vipTimeline = cases.timeline(vip);

        var variables = json.createObjectNode();
        variables.putObject("outcome").put("value", "need_info").put("type", "String");
        variables
                .putObject("reply")
                .put("value", "Please send us your bank details.")
                .put("type", "String");
        variables.putObject("caseReference").put("value", vip).put("type", "String");
        var hijack = send(
                "alice",
                post(
                        "/engine-rest/task/" + task.getId() + "/complete",
                        json.writeValueAsString(json.createObjectNode().set("variables", variables))));
        assertThat(hijack.statusCode()).as(hijack.body()).isEqualTo(400);
        assertThat(hijack.body()).contains("caseReference");

        for (String name : new String[] {"escalationLevel", "currentGroup", "caseReference"}) {
            var set = send(
                    "alice",
                    put(
                            "/engine-rest/task/" + task.getId() + "/variables/" + name,
                            "{\"value\":\"tier1\",\"type\":\"String\"}"));
            assertThat(set.statusCode()).as(name + ": " + set.body()).isIn(400, 403);
        }
        var modify = send(
                "alice",
                post(
                        "/engine-rest/task/" + task.getId() + "/variables",
                        "{\"modifications\":{\"currentGroup\":{\"value\":\"tier1\",\"type\":\"String\"}}}"));
        assertThat(modify.statusCode()).as(modify.body()).isIn(400, 403);
        var resolve = send(
                "alice",
                post(
                        "/engine-rest/task/" + task.getId() + "/resolve",
                        "{\"variables\":{\"caseReference\":{\"value\":\"" + vip + "\",\"type\":\"String\"}}}"));
        assertThat(resolve.statusCode()).as(resolve.body()).isIn(400, 403);
        var message = send(
                "alice",
                post(
                        "/engine-rest/message",
                        "{\"messageName\":\"CustomerReplied\","
                                + "\"businessKey\":\"" + vip
                                + "\",\"processVariables\":{\"escalationLevel\":{\"value\":0,"
                                + "\"type\":\"Integer\"}}}"));
        assertThat(message.statusCode()).as(message.body()).isIn(400, 403);

        assertThat(tasks.createTaskQuery().taskId(task.getId()).count())
                .as("her task is still open")
                .isEqualTo(1);
        assertThat(cases.timeline(vip)).isEqualTo(vipTimeline);
        assertThat(cases.get(vip).status()).isEqualTo(CaseStatus.ESCALATED);
        assertThat(engine.getRuntimeService().getVariable(task.getProcessInstanceId(), "currentGroup"))
                .isEqualTo("tier1");

        // her own answer, with the answer fields only, goes through and lands on her own case
        variables.remove("caseReference");
        var answer = send(
                "alice",
                post(
                        "/engine-rest/task/" + task.getId() + "/complete",
                        json.writeValueAsString(json.createObjectNode().set("variables", variables))));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
        assertThat(cases.get(own).status()).isEqualTo(CaseStatus.WAITING_ON_CUSTOMER);
        assertThat(cases.timeline(vip)).isEqualTo(vipTimeline);
    }

    @Test
    void agent_cannotStartACaseFlowForAnExistingCase() throws Exception {
        String existing = openCase(bot, STRONG_PASSWORD, "standard", "Broken zipper", "The zipper broke.");
        var started = send("alice", post("/engine-rest/process-definition/key/support-case/start", """
                {"businessKey":"%s","variables":{"caseReference":{"value":"%s","type":"String"}}}""".formatted(
                        existing, existing)));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(400);
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey("support-case")
                        .processInstanceBusinessKey(existing)
                        .count())
                .isEqualTo(1);
    }

    // --- 4. smaller holes -------------------------------------------------------------------------------------

    @Test
    void surveyLink_openedByAScannerWithGetOrHead_recordsNothing_thePageSubmitsTheScore() throws Exception {
        String ref = openCase(bot, STRONG_PASSWORD, "standard", "Lost parcel", "Where is it?");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            Task task = tasks.createTaskQuery()
                    .processInstanceBusinessKey(ref)
                    .taskDefinitionKey("Task_Troubleshoot")
                    .singleResult();
            tasks.complete(
                    task.getId(),
                    Map.of(
                            "outcome",
                            "resolved",
                            "reply",
                            "We re-sent it.",
                            "resolution",
                            "Re-sent",
                            "tags",
                            "delivery-delay",
                            "knowledgeGap",
                            false));
            return true;
        });
        String resolution = await().atMost(PATIENCE).until(() -> lastToken(ref, "resolution"), t -> t != null);
        var page = send(null, get("/resolution/" + resolution));
        assertThat(send(null, form("/resolution/" + resolution, "fixed=true", csrf(page.body())))
                        .statusCode())
                .isEqualTo(200);
        String survey = await().atMost(PATIENCE).until(() -> lastToken(ref, "survey"), t -> t != null);

        assertThat(send(
                                null,
                                HttpRequest.newBuilder(uri("/survey/" + survey + "?score=1"))
                                        .method("HEAD", HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(200);
        var opened = send(null, get("/survey/" + survey + "?score=1"));
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body())
                .contains("<form")
                .contains("name=\"score\" value=\"1\"")
                .contains("<button")
                .contains("/survey-autosubmit.js");
        Thread.sleep(500);
        assertThat(cases.get(ref).csat()).as("a GET records no score").isNull();
        assertThat(cases.timeline(ref)).noneMatch(e -> e.type() == CaseEventType.CSAT);

        var submitted = send(null, form("/survey/" + survey, "score=1&oneClick=true", csrf(opened.body())));
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(cases.get(ref).csat()).isEqualTo(1);
    }

    @Test
    void wrongPasswordsFromOneAddress_areLimited_andNoAccountIsLockedForGood() throws Exception {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String user = "crowd-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
            createUser(user, STRONG_PASSWORD, "integrations");
            users.add(user);
        }
        InetAddress attacker = InetAddress.getByName("127.0.0.9");
        int refused = 0;
        int limited = 0;
        for (String user : users) {
            String status = rawStatus(attacker, "/engine-rest/task/count", user, "wrong-" + user);
            if (status.equals("401")) {
                refused++;
            } else if (status.equals("429")) {
                limited++;
            }
        }
        assertThat(refused)
                .as("wrong passwords checked before the address is limited")
                .isBetween(1, 50);
        assertThat(limited).isEqualTo(200 - refused);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ LIKE 'crowd-%' AND ATTEMPTS_ > 0", Integer.class))
                .as("accounts that ever saw a wrong password")
                .isEqualTo(refused);

        // an admin with many wrong passwords behind it is locked for a while, never for good
        String admin = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        createUser(admin, STRONG_PASSWORD, "camunda-admin");
        jdbc.update("UPDATE ACT_ID_USER SET ATTEMPTS_ = 11, LOCK_EXP_TIME_ = NULL WHERE ID_ = ?", admin);
        assertThat(send(admin, "twelfth-guess", get("/engine-rest/task/count")).statusCode())
                .isEqualTo(401);
        Instant lockedUntil = jdbc.queryForObject(
                        "SELECT LOCK_EXP_TIME_ FROM ACT_ID_USER WHERE ID_ = ?", java.sql.Timestamp.class, admin)
                .toInstant();
        assertThat(lockedUntil).isBefore(Instant.now().plus(Duration.ofMinutes(6)));
        jdbc.update(
                "UPDATE ACT_ID_USER SET LOCK_EXP_TIME_ = ? WHERE ID_ = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)),
                admin);
        assertThat(send(admin, STRONG_PASSWORD, get("/engine-rest/task/count")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void lineBreaksInSubjectsAndNames_neverReachAMailHeaderOrBody() throws Exception {
        String email = "inject-" + UUID.randomUUID() + "@example.com";
        var opened = send(bot, STRONG_PASSWORD, post("/api/cases", """
                {"channel":"email","customer":{"email":"%s","name":"Ana\\r\\nBcc: evil@example.com","tier":"standard"},
                 "subject":"Where is my parcel\\r\\nBcc: evil@example.com\\r\\n\\r\\nINJECTED BODY","description":"x"}""".formatted(email)));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String ref = json.readTree(opened.body()).get("reference").asText();
        assertThat(cases.get(ref).subject())
                .doesNotContain("\n")
                .doesNotContain("\r")
                .startsWith("Where is my parcel")
                .contains("INJECTED BODY");
        assertThat(cases.get(ref).customerName()).doesNotContain("\n").doesNotContain("\r");

        var ack = await().atMost(PATIENCE)
                .until(
                        () -> TestMailServer.mailsFor(ref).stream()
                                .filter(m -> TestMailServer.recipient(m).equals(email))
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
        assertThat(TestMailServer.subject(ack)).doesNotContain("\n").contains("INJECTED BODY");
        assertThat(ack.getHeader("Bcc")).isNull();
        assertThat(TestMailServer.body(ack))
                .contains("Hello Ana Bcc: evil@example.com,")
                .doesNotContainPattern("(?m)^Bcc:")
                .doesNotContainPattern("(?m)^INJECTED BODY");
    }

    @Test
    void databaseErrors_showNoSql_andBadPhoneFormsGetAClearAnswer() throws Exception {
        var tooLong = send(
                "alice",
                post("/engine-rest/process-definition/key/support-case/submit-form", phoneForm("x".repeat(400))));
        assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.body()).contains("subject is longer than 300 characters");

        // a case reference used twice (here: the id sequence set back) fails in the database, inside the engine
        String existing = openCase(bot, STRONG_PASSWORD, "standard", "Broken zipper", "The zipper broke.");
        long next = jdbc.queryForObject("SELECT MAX(id) + 1 FROM support_case", Long.class);
        jdbc.execute("ALTER TABLE support_case ALTER COLUMN id RESTART WITH "
                + cases.get(existing).id());
        try {
            var reused = send(
                    "alice",
                    post(
                            "/engine-rest/process-definition/key/support-case/submit-form",
                            phoneForm("Call about my order")));
            assertThat(reused.statusCode()).isEqualTo(500);
            assertThat(reused.body())
                    .contains("database error")
                    .doesNotContainIgnoringCase("insert into")
                    .doesNotContainIgnoringCase("support_case")
                    .doesNotContainIgnoringCase("SQL")
                    .doesNotContain("PRIMARY KEY")
                    .doesNotContain("\tat ");
        } finally {
            jdbc.execute("ALTER TABLE support_case ALTER COLUMN id RESTART WITH " + next);
        }
    }

    private String phoneForm(String subject) throws IOException {
        var variables = json.createObjectNode();
        variables
                .putObject("customerEmail")
                .put("value", "caller-" + UUID.randomUUID() + "@example.com")
                .put("type", "String");
        variables.putObject("subject").put("value", subject).put("type", "String");
        variables.putObject("description").put("value", "The caller explains.").put("type", "String");
        return json.writeValueAsString(json.createObjectNode().set("variables", variables));
    }

    @Test
    void javaSerializedVariables_andPolicyBreakingPasswords_answer400() throws Exception {
        String ref = openCase(bot, STRONG_PASSWORD, "standard", "Broken zipper", "The zipper broke.");
        String id = await().atMost(PATIENCE)
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(ref)
                                .taskCandidateGroup("tier1")
                                .singleResult(),
                        t -> t != null)
                .getId();
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>());
        }
        String variable = """
                {"value":"%s","type":"Object","valueInfo":{"objectTypeName":"java.util.ArrayList",
                 "serializationDataFormat":"application/x-java-serialized-object"}}""".formatted(Base64.getEncoder().encodeToString(bytes.toByteArray()));
        for (var attempt : List.of(
                send(
                        "alice",
                        post("/engine-rest/task/" + id + "/complete", "{\"variables\":{\"reply\":" + variable + "}}")),
                send(
                        "demo",
                        post(
                                "/engine-rest/process-definition/key/support-case/start",
                                "{\"variables\":{\"payload\":" + variable + "}}")),
                send("demo", put("/engine-rest/task/" + id + "/variables/payload", variable)))) {
            assertThat(attempt.statusCode())
                    .as(attempt.request().uri() + " " + attempt.body())
                    .isEqualTo(400);
        }

        String weak = "weak-" + UUID.randomUUID().toString().substring(0, 8);
        var refused = send("demo", post("/engine-rest/user/create", """
                {"profile":{"id":"%s","firstName":"W","lastName":"L","email":"w@example.com"},
                 "credentials":{"password":"%s"}}""".formatted(weak, weak)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("policy");
    }

    @Test
    void processOwners_readNoCustomerDetails_inHistory() throws Exception {
        String marker = "Zq" + UUID.randomUUID().toString().substring(0, 8);
        String ref =
                openCase(bot, STRONG_PASSWORD, "standard", "Parcel " + marker, "My parcel " + marker + " is late.");
        Task task = await().atMost(PATIENCE)
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(ref)
                                .singleResult(),
                        t -> t != null);
        String instance = task.getProcessInstanceId();
        String agent = Map.of("tier1", "alice", "tier2", "bob", "specialists", "sam")
                .get(tasks.getIdentityLinksForTask(task.getId()).stream()
                        .filter(l -> l.getGroupId() != null)
                        .findFirst()
                        .orElseThrow()
                        .getGroupId());
        var variables = json.createObjectNode();
        variables.putObject("outcome").put("value", "need_info").put("type", "String");
        variables.putObject("reply").put("value", "Dear Ana, about " + marker).put("type", "String");
        assertThat(send(
                                agent,
                                post(
                                        "/engine-rest/task/" + task.getId() + "/complete",
                                        json.writeValueAsString(
                                                json.createObjectNode().set("variables", variables))))
                        .statusCode())
                .isEqualTo(204);

        for (String path : new String[] {
            "/engine-rest/history/variable-instance?maxResults=500&processInstanceId=",
            "/engine-rest/history/detail?maxResults=500&processInstanceId=",
            // the task is named by reference, priority and subject: history keeps "CASE-… · P…" only
            "/engine-rest/history/task?maxResults=50&processInstanceId=",
            "/engine-rest/history/decision-instance?maxResults=50&includeInputs=true&includeOutputs=true&processInstanceId="
        }) {
            var answer = send("paul", get(path + instance));
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.body()).as(path).doesNotContain(marker).doesNotContain("sec-");
        }
        List<HistoricVariableInstance> stored = history.createHistoricVariableInstanceQuery()
                .processInstanceId(instance)
                .list();
        assertThat(stored)
                .isNotEmpty()
                .allSatisfy(v -> assertThat(String.valueOf(v.getValue()))
                        .as(v.getName())
                        .doesNotContain(marker)
                        .doesNotContain("@example.com"));
    }

    @Test
    void managers_readTheHistoryTheirGrantsPromise() throws Exception {
        String ref = openCase(bot, STRONG_PASSWORD, "standard", "Where is my order", "Still waiting.");
        JsonNode instances = json.readTree(send(
                        "maria",
                        get("/engine-rest/history/process-instance?maxResults=10&processDefinitionKey=support-case"
                                + "&processInstanceBusinessKey=" + ref))
                .body());
        assertThat(instances).hasSize(1);
        JsonNode activities = json.readTree(send(
                        "maria",
                        get("/engine-rest/history/activity-instance?maxResults=100" + "&processInstanceId="
                                + instances.get(0).get("id").asText()))
                .body());
        assertThat(activities).isNotEmpty();
    }

    @Test
    void noProfile_doesNotFallBackToDev_norItsDemoAdmin() throws IOException {
        var documents = new YamlPropertySourceLoader()
                .load("application", new FileSystemResource("src/main/resources/application.yaml"));
        assertThat(documents.get(0).getProperty("spring.profiles.default"))
                .as("default profile")
                .isNull();
        assertThat(documents.get(0).getProperty("casedesk.security.demo-users")).isNull();
        assertThat(Files.readString(Path.of("pom.xml")))
                .as("./mvnw spring-boot:run keeps dev")
                .containsPattern("<profiles>\\s*<profile>dev</profile>\\s*</profiles>");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private String newProcessOwner() {
        String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        createUser(owner, STRONG_PASSWORD, "process-owners");
        return owner;
    }

    private void openCriticalCase() throws Exception {
        var opened = send(bot, STRONG_PASSWORD, post("/api/cases", """
                {"channel":"phone","customer":{"email":"crit-%s@example.com","name":"C"},"subject":"Site down",
                 "description":"Nothing works.","severity":"critical"}""".formatted(UUID.randomUUID())));
        assertThat(opened.statusCode()).isEqualTo(201);
    }

    private static String withCriticalOutput(String attribute, String text) throws IOException {
        String table = Files.readString(SIMULATION_TABLES.resolve("case-priority-default.dmn"));
        String entry = "<outputEntry id=\"Rule_Priority_Critical_Output_Priority\">";
        int at = table.indexOf(entry);
        assertThat(at).isNotNegative();
        String rest = table.substring(at + entry.length())
                .replaceFirst(
                        "<text>\"P1\"</text>",
                        java.util.regex.Matcher.quoteReplacement("<text>"
                                + text.replace("&", "&amp;")
                                        .replace("<", "&lt;")
                                        .replace(">", "&gt;") + "</text>"));
        return table.substring(0, at) + "<outputEntry id=\"Rule_Priority_Critical_Output_Priority\" " + attribute + ">"
                + rest;
    }

    private MvcResult simulate(String user, String table) throws Exception {
        return simulate(user, user, table);
    }

    private MvcResult simulate(String user, String password, String table) throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        return mvc.perform(multipart("/api/policy/simulate")
                        .file(new MockMultipartFile(
                                "casePriority",
                                "case-priority.dmn",
                                "application/xml",
                                table.getBytes(StandardCharsets.UTF_8)))
                        .param("from", today)
                        .param("to", today)
                        .with(httpBasic(user, password)))
                .andReturn();
    }

    private static String process(String key, String start, String task) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    %s
                    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
                    %s
                    <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
                    <bpmn:endEvent id="e"/>
                  </bpmn:process>
                </bpmn:definitions>""".formatted(key, start, task);
    }

    /** The token of the latest link to /{page}/ in the case's customer mails. */
    private static String lastToken(String ref, String page) {
        return TestMailServer.mailsFor(ref).stream()
                .filter(m -> TestMailServer.body(m).contains("/" + page + "/"))
                .reduce((a, b) -> b)
                .map(m -> TestMailServer.linkToken(m, page))
                .orElse(null);
    }

    /** The status code of a GET with HTTP basic from the given local address. */
    private String rawStatus(InetAddress from, String path, String user, String password) throws IOException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return rawGet(from, path, "Authorization: Basic " + basic + "\r\n").substring(9, 12);
    }
}
