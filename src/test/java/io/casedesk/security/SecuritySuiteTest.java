package io.casedesk.security;

import static io.casedesk.TestPages.csrf;
import static io.casedesk.TestPages.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import com.fasterxml.jackson.databind.JsonNode;
import io.casedesk.CasedeskApplication;
import io.casedesk.TestMailServer;
import io.casedesk.cases.CaseStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Tries each way in and shows it shut: every attempt gets the right status and leaves the data as it was.
 */
class SecuritySuiteTest extends SecuritySuiteBase {

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    // --- authentication --------------------------------------------------------------------------------------

    @Test
    void anonymousCallers_get401_onEngineRestAndApi_andChangeNothing() throws Exception {
        long instances = history.createHistoricProcessInstanceQuery().count();
        long total = cases.search(new io.casedesk.cases.CaseQuery(null, null, null, null, null, 0, 1))
                .total();

        assertThat(send(null, get("/engine-rest/task")).statusCode()).isEqualTo(401);
        assertThat(send(null, get("/engine-rest/process-definition")).statusCode())
                .isEqualTo(401);
        assertThat(send(null, post("/engine-rest/process-definition/key/support-case/start", "{}"))
                        .statusCode())
                .isEqualTo(401);
        var api = send(null, get("/api/cases"));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(send(null, post("/api/cases", newCase("anon@example.com", "Hello", "Hello")))
                        .statusCode())
                .isEqualTo(401);
        assertThat(send("nobody-" + UUID.randomUUID(), "wrong-password", get("/api/cases"))
                        .statusCode())
                .isEqualTo(401);

        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
        assertThat(cases.search(new io.casedesk.cases.CaseQuery(null, null, null, null, null, 0, 1))
                        .total())
                .isEqualTo(total);
    }

    @Test
    void repeatedWrongPasswords_lockTheUserOut_onApiAndEngineRest_evenForTheRightPassword() throws Exception {
        var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // no permanent lock (SecurityHolesTest): the delay grows, up to five minutes
        assertThat(config.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
        assertThat(config.getLoginDelayBase()).isEqualTo(3);
        assertThat(config.getLoginDelayFactor()).isEqualTo(2);
        assertThat(config.getLoginDelayMaxTime()).isEqualTo(300);

        for (String[] way : new String[][] {{"locked-api", "/api/cases"}, {"locked-rest", "/engine-rest/task/count"}}) {
            String user = way[0] + "-" + UUID.randomUUID().toString().substring(0, 8);
            createUser(user, STRONG_PASSWORD, "integrations");
            assertThat(send(user, STRONG_PASSWORD, get(way[1])).statusCode())
                    .as(way[1] + " works")
                    .isEqualTo(200);

            long lockedAt = System.nanoTime();
            assertThat(send(user, "guess-1", get(way[1])).statusCode()).isEqualTo(401);
            assertThat(send(user, "guess-2", get(way[1])).statusCode()).isEqualTo(401);
            // the first wrong password locks for loginDelayBase (3 s); a locked user is refused even with the
            // right password, and attempts while locked do not count
            assertThat(send(user, STRONG_PASSWORD, get(way[1])).statusCode())
                    .as(way[1] + " while locked")
                    .isEqualTo(401);
            assertThat(Duration.ofNanos(System.nanoTime() - lockedAt)).isLessThan(Duration.ofSeconds(3));
            assertThat(identity.createUserQuery().userId(user).count()).isEqualTo(1);

            // once the delay has passed the right password works again (and resets the count)
            await().atMost(Duration.ofSeconds(10))
                    .pollDelay(Duration.ofSeconds(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> send(user, STRONG_PASSWORD, get(way[1])).statusCode() == 200);
        }
    }

    @Test
    void passwordPolicyIsOn_weakPasswordsAreRefused() throws Exception {
        String weak = "weakling-" + UUID.randomUUID().toString().substring(0, 8);
        var refused = send("demo", post("/engine-rest/user/create", """
                {"profile":{"id":"%s","firstName":"W","lastName":"L","email":"w@example.com"},
                 "credentials":{"password":"%s"}}""".formatted(weak, weak)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("does not match the password policy")
                .doesNotContain("\tat ");
        assertThat(identity.createUserQuery().userId(weak).count()).isZero();

        var accepted = send("demo", post("/engine-rest/user/create", """
                {"profile":{"id":"%s","firstName":"W","lastName":"L","email":"w@example.com"},
                 "credentials":{"password":"%s"}}""".formatted(weak, STRONG_PASSWORD)));
        assertThat(accepted.statusCode()).isEqualTo(204);
        identity.deleteUser(weak);
    }

    // --- authorization ---------------------------------------------------------------------------------------

    @Test
    void unknownApiPaths_are404ProblemJson_forAnySignedInUser_and401ForAnyoneElse() throws Exception {
        String nobody = userInNoGroup();

        for (String[] login :
                new String[][] {{"demo", "demo"}, {"alice", "alice"}, {"ivy", "ivy"}, {nobody, STRONG_PASSWORD}}) {
            for (var request : java.util.List.of(
                    get("/api/no-such-thing"),
                    get("/api/cases/CASE-900001/no-such-thing"),
                    post("/api/no-such-thing", "{}"))) {
                var answer = send(login[0], login[1], request);
                assertThat(answer.statusCode())
                        .as(login[0] + " " + answer.request().uri())
                        .isEqualTo(404);
                assertProblem(answer, 404);
            }
        }
        var anonymous = send(null, get("/api/no-such-thing"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertProblem(anonymous, 401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"casedesk\"");

        // a known path with another method is 405 for the admin, and a known endpoint without the right still 403
        var delete = send("demo", HttpRequest.newBuilder(uri("/api/cases")).DELETE());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertProblem(delete, 405);
        assertThat(delete.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        var forbidden = send("alice", get("/api/metrics"));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertProblem(forbidden, 403);
    }

    /**
     * The API chain lets unknown paths through to Spring MVC (404); so every endpoint a controller serves must have
     * a rule of its own, or any signed-in user could call it. A user in no group is refused on every one of them.
     */
    @Test
    void everyApiEndpoint_hasItsOwnRule_soAUserInNoGroupIsRefusedEverywhere() throws Exception {
        String nobody = userInNoGroup();

        int endpoints = 0;
        for (var mapping : mappings.getHandlerMethods().keySet()) {
            for (String pattern : mapping.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "x");
                for (var method : mapping.getMethodsCondition().getMethods()) {
                    var answer = send(
                            nobody,
                            STRONG_PASSWORD,
                            HttpRequest.newBuilder(uri(path))
                                    .header("Content-Type", "application/json")
                                    .method(method.name(), HttpRequest.BodyPublishers.ofString("{}")));
                    assertThat(answer.statusCode()).as(method + " " + pattern).isEqualTo(403);
                    endpoints++;
                }
            }
        }
        assertThat(endpoints).as("the API's endpoints were found").isGreaterThanOrEqualTo(6);
    }

    private String userInNoGroup() {
        String id = "nogroups-" + UUID.randomUUID().toString().substring(0, 8);
        var user = identity.newUser(id);
        user.setFirstName("No");
        user.setLastName("Groups");
        user.setEmail(id + "@casedesk.local");
        user.setPassword(STRONG_PASSWORD);
        identity.saveUser(user);
        return id;
    }

    private void assertProblem(HttpResponse<String> answer, int status) throws IOException {
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void tier1Agent_cannotSeeClaimOrCompleteATier2Task() throws Exception {
        String ref = openCase(
                "ivy",
                "vip",
                "Order #4521 has not arrived",
                "This is the third time, I am furious. Terrible, awful service!");
        Task task = await().atMost(PATIENCE)
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(ref)
                                .taskCandidateGroup("tier2")
                                .singleResult(),
                        t -> t != null);
        String id = task.getId();

        assertThat(json.readTree(send("alice", get("/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + ref))
                        .body()))
                .as("tier1 lists no tier2 task")
                .isEmpty();
        assertThat(json.readTree(send("alice", get("/engine-rest/task/count?processInstanceBusinessKey=" + ref))
                                .body())
                        .get("count")
                        .asInt())
                .isZero();
        assertThat(send("alice", get("/engine-rest/task/" + id)).statusCode()).isIn(403, 404);
        assertThat(send("alice", get("/engine-rest/task/" + id + "/form-variables"))
                        .statusCode())
                .isIn(403, 404);
        assertThat(send("alice", post("/engine-rest/task/" + id + "/claim", "{\"userId\":\"alice\"}"))
                        .statusCode())
                .isIn(403, 404);
        assertThat(send("alice", post("/engine-rest/task/" + id + "/complete", completion("resolved")))
                        .statusCode())
                .isIn(403, 404);
        assertThat(send("alice", post("/engine-rest/task/" + id + "/assignee", "{\"userId\":\"alice\"}"))
                        .statusCode())
                .isIn(403, 404);

        Task after = tasks.createTaskQuery().taskId(id).singleResult();
        assertThat(after).as("the task still exists").isNotNull();
        assertThat(after.getAssignee()).isNull();
        assertThat(cases.get(ref).status()).isEqualTo(CaseStatus.ESCALATED);
        assertThat(json.readTree(send("bob", get("/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + ref))
                        .body()))
                .as("but tier2 sees it")
                .hasSize(1);
    }

    @Test
    void managersAndAgents_cannotDeploy_processOwnersMay() throws Exception {
        long deployments = repository.createDeploymentQuery().count();
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
                  <process id="evil" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="t"/>
                    <scriptTask id="t" scriptFormat="javascript"><script>java.lang.System.exit(1)</script></scriptTask>
                  </process>
                </definitions>""";
        for (String user : new String[] {"maria", "alice", "bob", "ivy", "otto"}) {
            assertThat(deploy(user, "evil.bpmn", model).statusCode())
                    .as(user + " deploys")
                    .isEqualTo(403);
        }
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("evil")
                        .count())
                .isZero();
    }

    @Test
    void integrationUser_readsNoTasks_butOpensCases() throws Exception {
        String ref = openCase("ivy", "standard", "Where is my parcel", "It is late.");
        String id = await().atMost(PATIENCE)
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(ref)
                                .singleResult(),
                        t -> t != null)
                .getId();
        assertThat(tasks.createTaskQuery().count()).isPositive();

        var list = send("ivy", get("/engine-rest/task?maxResults=50"));
        assertThat(list.statusCode()).isIn(200, 403);
        if (list.statusCode() == 200) {
            assertThat(json.readTree(list.body())).isEmpty();
        }
        assertThat(send("ivy", get("/engine-rest/task/" + id)).statusCode()).isIn(403, 404);
        assertThat(send("ivy", get("/engine-rest/task/" + id + "/variables")).statusCode())
                .isIn(403, 404);
        assertThat(send("ivy", get("/engine-rest/history/task?maxResults=50&processInstanceBusinessKey=" + ref))
                        .body())
                .isEqualTo("[]");
        assertThat(send("ivy", get("/engine-rest/process-instance?maxResults=50&businessKey=" + ref))
                        .body())
                .isEqualTo("[]");
        assertThat(send("ivy", post("/engine-rest/task/" + id + "/complete", completion("resolved")))
                        .statusCode())
                .isIn(403, 404);
        assertThat(tasks.createTaskQuery().taskId(id).count()).isEqualTo(1);
    }

    // --- engine hardening ------------------------------------------------------------------------------------

    @Test
    void javaSerializedVariables_areRefused_evenOnTheUsersOwnTask() throws Exception {
        String ref = openCase("ivy", "standard", "Broken zipper", "The zipper broke.");
        String id = await().atMost(PATIENCE)
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(ref)
                                .taskCandidateGroup("tier1")
                                .singleResult(),
                        t -> t != null)
                .getId();
        // a serialized java.util.ArrayList: harmless, but the format itself must be refused
        String serialized = Base64.getEncoder().encodeToString(serialize(new java.util.ArrayList<>()));
        String variable = """
                {"value":"%s","type":"Object","valueInfo":{"objectTypeName":"java.util.ArrayList",
                 "serializationDataFormat":"application/x-java-serialized-object"}}""".formatted(serialized);

        var set = send("alice", put("/engine-rest/task/" + id + "/variables/payload", variable));
        assertThat(set.statusCode()).isBetween(400, 599);
        assertThat(set.body()).doesNotContain("\tat ");
        var complete = send(
                "alice",
                post("/engine-rest/task/" + id + "/complete", "{\"variables\":{\"payload\":" + variable + "}}"));
        assertThat(complete.statusCode()).isBetween(400, 599);
        var start = send(
                "alice",
                post(
                        "/engine-rest/process-definition/key/support-case/start",
                        "{\"variables\":{\"payload\":" + variable + "}}"));
        assertThat(start.statusCode()).isBetween(400, 599);

        assertThat(tasks.createTaskQuery().taskId(id).count())
                .as("task not completed")
                .isEqualTo(1);
        assertThat(tasks.getVariable(id, "payload")).isNull();
        assertThat(history.createHistoricVariableInstanceQuery()
                        .variableName("payload")
                        .count())
                .isZero();
    }

    @Test
    void expressionsInQueries_areRefused_andQueriesAreCapped() throws Exception {
        var adhoc = send(
                "alice",
                get("/engine-rest/task?maxResults=10&assigneeExpression=" + enc("${execution.setVariable('x', 1)}")));
        assertThat(adhoc.statusCode()).isEqualTo(400);
        assertThat(adhoc.body()).containsIgnoringCase("expression");
        var candidate = send(
                "alice",
                get("/engine-rest/task?maxResults=10&candidateGroupExpression=" + enc("${currentUserGroups()}")));
        assertThat(candidate.statusCode()).isEqualTo(400);

        long filters = engine.getFilterService().createFilterQuery().count();
        var stored = send("demo", post("/engine-rest/filter/create", """
                {"resourceType":"Task","name":"evil","query":{"assigneeExpression":"${currentUser()}"}}"""));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(400);
        assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters);

        var tooMany = send("alice", get("/engine-rest/task?firstResult=0&maxResults=5000"));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("2000");
        assertThat(send("alice", get("/engine-rest/task?firstResult=0&maxResults=50"))
                        .statusCode())
                .isEqualTo(200);
        var unbounded = send("alice", get("/engine-rest/task"));
        assertThat(unbounded.statusCode()).isEqualTo(400);
        assertThat(unbounded.body()).contains("unbound");
        // Tasklist loads the filters in pages of 2000, exactly the limit
        var filterPage = send("alice", get("/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=2000"));
        assertThat(filterPage.statusCode()).isEqualTo(200);
        assertThat(filterPage.body()).contains("Cases (tier1)").doesNotContain("Cases (tier2)");
    }

    // --- customer pages --------------------------------------------------------------------------------------

    @Test
    void guessedTokens_getTheFriendlyPage_withNoData_andPostsNeedCsrf() throws Exception {
        for (String page : new String[] {"/survey/", "/resolution/"}) {
            var guessed = send(null, get(page + randomToken()));
            assertThat(guessed.statusCode()).isEqualTo(404);
            assertThat(guessed.body())
                    .contains("no longer valid")
                    .doesNotContain("CASE-")
                    .doesNotContain("Exception");
            assertThat(guessed.headers().firstValue("Content-Security-Policy"))
                    .contains(SecurityConfiguration.PAGES_CSP);
            // CSRF protection stays on for the customer pages
            assertThat(send(null, form(page + randomToken(), "score=1", null)).statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void xssInACase_isStoredVerbatim_neverEvaluated_andEscapedOnTheCustomerPage_whichCannotBeReused() throws Exception {
        String ref = openCase("ivy", "standard", "Parcel " + XSS, "Still nothing. " + XSS);
        assertThat(cases.get(ref).description()).isEqualTo("Still nothing. " + XSS);
        Task task = await().atMost(PATIENCE)
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(ref)
                                .singleResult(),
                        t -> t != null);

        // the Tasklist form (form-js) shows the task-local variables as field values, which form-js escapes;
        // what matters on our side: they arrive verbatim, not evaluated by any expression language
        String group = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> l.getGroupId() != null)
                .findFirst()
                .orElseThrow()
                .getGroupId();
        String agent =
                Map.of("tier1", "alice", "tier2", "bob", "specialists", "sam").get(group);
        JsonNode local = json.readTree(send(agent, get("/engine-rest/task/" + task.getId() + "/localVariables"))
                .body());
        assertThat(local.get("description").get("value").asText()).isEqualTo("Still nothing. " + XSS);
        assertThat(local.get("subject").get("value").asText())
                .isEqualTo("Parcel " + XSS)
                .doesNotContain("49");
        JsonNode form = json.readTree(send(agent, get("/engine-rest/task/" + task.getId() + "/form-variables"))
                .body());
        assertThat(form.toString()).doesNotContain("\"49\"");

        assertThat(send(agent, post("/engine-rest/task/" + task.getId() + "/complete", completion("resolved")))
                        .statusCode())
                .isEqualTo(204);
        await().atMost(PATIENCE).until(() -> cases.get(ref).status() == CaseStatus.RESOLVED);

        // the token of the resolution mail (sent asynchronously; a link minted here would be retired by it)
        String customer = cases.get(ref).customerEmail();
        String token = await().atMost(PATIENCE)
                .until(
                        () -> TestMailServer.mailsFor(ref).stream()
                                .filter(m -> TestMailServer.recipient(m).equals(customer))
                                .filter(m -> TestMailServer.body(m).contains("/resolution/"))
                                .findFirst()
                                .map(m -> TestMailServer.linkToken(m, "resolution"))
                                .orElse(null),
                        t -> t != null);
        var page = send(null, get("/resolution/" + token));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .doesNotContain("<script>alert")
                .doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain(">49<");
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(SecurityConfiguration.PAGES_CSP);

        assertThat(send(null, form("/resolution/" + token, "fixed=true", csrf(page.body())))
                        .statusCode())
                .isEqualTo(200);
        await().atMost(PATIENCE)
                .until(() -> cases.get(ref).status() == CaseStatus.CLOSED
                        || history.createHistoricActivityInstanceQuery()
                                        .processInstanceId(cases.get(ref).processInstanceId())
                                        .activityType("userTask")
                                        .count()
                                >= 1);
        CaseStatus answered = cases.get(ref).status();

        var reused = send(null, get("/resolution/" + token));
        assertThat(reused.statusCode()).isEqualTo(404);
        assertThat(reused.body())
                .contains("no longer valid")
                .doesNotContain("Parcel")
                .doesNotContain(ref);
        var again = send(null, form("/resolution/" + token, "fixed=false", csrf(page.body())));
        assertThat(again.statusCode()).isIn(403, 404);
        assertThat(again.body()).doesNotContain("Parcel");
        assertThat(cases.get(ref).reopenCount()).isZero();
        assertThat(cases.get(ref).status()).isEqualTo(answered);
    }

    // --- production profile, headers, actuator, errors -------------------------------------------------------

    @Test
    void prodProfile_withTheDefaultAdminPassword_refusesToStart() {
        for (String[] settings : new String[][] {
            {"--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=admin"},
            {"--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=demo"},
            {"--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password="},
            {"--camunda.bpm.admin-user.id=admin"},
            {
                "--camunda.bpm.admin-user.id=admin",
                "--camunda.bpm.admin-user.password=" + STRONG_PASSWORD,
                "--casedesk.security.demo-users=true"
            }
        }) {
            var app = new SpringApplicationBuilder(CasedeskApplication.class)
                    .profiles("prod")
                    .properties("spring.datasource.url=jdbc:h2:mem:prod-refused;DB_CLOSE_DELAY=-1", "server.port=0");
            long started = System.nanoTime();
            assertThatThrownBy(() -> app.run(settings))
                    .as(String.join(" ", settings))
                    .isInstanceOf(ProductionGuard.InsecureProductionSettingsException.class)
                    .hasMessageStartingWith("Refusing to start with profile prod");
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("refused before the engine starts")
                    .isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void ownPages_carryAStrictCsp_andHstsOverHttps() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/survey/" + randomToken()).secure(true))
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.PAGES_CSP))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void actuator_exposesHealthPublicly_prometheusOnlyToOpsManagersAdmins_nothingElse() throws Exception {
        assertThat(send(null, get("/actuator/health")).statusCode()).isEqualTo(200);
        assertThat(send(null, get("/actuator/prometheus")).statusCode()).isEqualTo(401);
        assertThat(send("alice", get("/actuator/prometheus")).statusCode()).isEqualTo(403);
        var metrics = send("maria", get("/actuator/prometheus"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump", "/h2-console"}) {
            assertThat(send("demo", get(path)).statusCode()).as(path).isIn(401, 403, 404);
        }
    }

    @Test
    void errors_showNoStackTraces() throws Exception {
        for (String path : new String[] {
            "/no-such-page",
            "/engine-rest/task/no-such-task",
            "/api/cases/CASE-999999",
            "/api/cases?status=nonsense",
            "/survey/%ff%fe"
        }) {
            var answer = send("demo", get(path));
            assertThat(answer.statusCode()).as(path).isBetween(400, 499);
            assertThat(answer.body())
                    .as(path)
                    .doesNotContain("\tat ")
                    .doesNotContain("Exception:")
                    .doesNotContain("at org.")
                    .doesNotContain("at io.casedesk");
        }
        // a browser gets our plain error page: no trace, no server version, the strict CSP
        var page = send(null, get("/no-such-page").header("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body())
                .contains("Not available")
                .doesNotContain("Exception")
                .doesNotContain("Tomcat");
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(SecurityConfiguration.PAGES_CSP);
        // a URL Tomcat cannot even decode gets Tomcat's page, which Spring Boot strips of report and version
        var broken = send(null, get("/survey/%ff%fe").header("Accept", "text/html"));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).doesNotContain("Exception").doesNotContain("Apache Tomcat/");
    }

    // --- limits ----------------------------------------------------------------------------------------------

    @Test
    void intake_isRateLimitedPerUser_with429RetryAfter_asProblemJson() throws Exception {
        String bot = "ratebot-" + UUID.randomUUID().toString().substring(0, 8);
        createUser(bot, STRONG_PASSWORD, "integrations");
        long total = cases.search(new io.casedesk.cases.CaseQuery(null, null, null, null, null, 0, 1))
                .total();
        // invalid bodies: each costs a request from the bucket, none opens a case
        for (int i = 0; i < 12; i++) {
            assertThat(send(bot, STRONG_PASSWORD, post("/api/cases", "{}")).statusCode())
                    .isEqualTo(400);
        }
        var limited = send(bot, STRONG_PASSWORD, post("/api/cases", newCase("bot@example.com", "Spam", "Spam")));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(s -> assertThat(s).isBetween(1L, 60L));
        assertThat(limited.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json.readTree(limited.body()).get("status").asInt()).isEqualTo(429);
        assertThat(cases.search(new io.casedesk.cases.CaseQuery(null, null, null, null, null, 0, 1))
                        .total())
                .isEqualTo(total);
        // another integration user keeps its own bucket
        assertThat(send("ivy", post("/api/cases", "{}")).statusCode()).isEqualTo(400);
    }

    @Test
    void customerPages_areRateLimitedPerClientIp_with429RetryAfter_andAFriendlyPage() throws Exception {
        // a second loopback address is a second client; the other tests (127.0.0.1) keep their bucket
        InetAddress client = InetAddress.getByName("127.0.0.7");
        for (int i = 0; i < 15; i++) {
            assertThat(rawGet(client, "/survey/" + randomToken())).startsWith("HTTP/1.1 404");
        }
        String limited = rawGet(client, "/resolution/" + randomToken());
        assertThat(limited)
                .startsWith("HTTP/1.1 429")
                .containsIgnoringCase("Retry-After: ")
                .contains("Please wait a moment")
                .containsIgnoringCase("Content-Type: text/html");
        assertThat(send(null, get("/survey/" + randomToken())).statusCode())
                .as("other clients")
                .isEqualTo(404);
    }
}
