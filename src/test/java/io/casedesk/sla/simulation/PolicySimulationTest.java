package io.casedesk.sla.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.casedesk.EndToEndContext;
import io.casedesk.ManualJobs;
import io.casedesk.sla.SlaService;
import io.casedesk.sla.simulation.SimulationReport.Rate;
import io.casedesk.sla.simulation.SimulationReport.Row;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.context.WebApplicationContext;

/**
 * What-if over a set of closed (and a few open) cases from January 2020 whose outcome is known: candidate tables
 * that change priorities and targets in known ways give exact counts and rates per priority and channel, and
 * nothing is deployed or changed. The cases live in 2020 under their own customer addresses, where no other test
 * looks; the job executor is stopped for the class (ManualJobs), so no flow of another class decides anything
 * while the test counts the decision history.
 */
@ManualJobs
@EndToEndContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicySimulationTest {

    private static final String DOMAIN = "@policy-simulation.test";
    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2020-02-01T00:00:00Z");

    @Autowired
    PolicySimulation simulation;

    @Autowired
    PolicyEvaluator evaluator;

    @Autowired
    SimulationCases simulationCases;

    @Autowired
    SlaService sla;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RepositoryService repository;

    @Autowired
    HistoryService history;

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    /*
     * The cases, with the deadlines the default tables (dmn/, pinned in src/test/resources/sla/simulation) gave them.
     * Business hours: Mon-Fri 09:00-17:00 Europe/Berlin (UTC+1 in January).
     *
     *  ref  priority channel  inputs                  response (due)           resolution (due)          baseline
     *  A1   P3  email  low standard              08:30 (12:00, 4 bh)       14th 10:00 (15th 16:00)     ok / ok
     *  A2   P3  email  low standard              10:00                     ok                         ok / ok
     *  A3   P3  email  low standard              13:00                     ok                         BREACH / ok
     *  A4   P3  email  low standard              08:59                     ok                         ok / ok
     *  B1   P1  chat   high vip                  10:00:30 (10:01)          10:50 (11:00)              ok / ok
     *  B2   P1  chat   high vip                  10:02                     11:30                      BREACH / BREACH
     *  C1   P2  email  medium vip                10:10 (11:00)             10:45 (14:00)              ok / ok
     *  C2   P2  email  medium vip                10:30                     12:00                      ok / ok
     *  C3   P2  phone  low vip                   10:05 (11:00)             10:40 (14:00)              ok / ok
     *  D1   P2  web    high standard             11:30 (11:00)             13:00 (14:00)              BREACH / ok
     *  E1   P3  chat   medium standard           none, resolved 10:01 (10:02)  10:01 (next day)    ok / ok
     *  E2   P3  chat   medium standard           none, resolved 10:05 (10:02)  10:05                BREACH / ok
     *  F1   P2  social high standard, still open none (11:00)              none (14:00)               BREACH / BREACH
     *  G1   never triaged (no priority): left out;  H1: February 2020, outside the period
     */
    @BeforeAll
    void insertCases() {
        if (jdbc.sql("SELECT COUNT(*) FROM support_case WHERE customer_email LIKE :d")
                        .param("d", "%" + DOMAIN)
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        String a = "2020-01-13T08:00:00Z";
        closed(
                "A1",
                "email",
                "standard",
                "low",
                "P3",
                a,
                "2020-01-13T12:00:00Z",
                "2020-01-15T16:00:00Z",
                "2020-01-13T08:30:00Z",
                "2020-01-14T10:00:00Z");
        closed(
                "A2",
                "email",
                "standard",
                "low",
                "P3",
                a,
                "2020-01-13T12:00:00Z",
                "2020-01-15T16:00:00Z",
                "2020-01-13T10:00:00Z",
                "2020-01-14T10:00:00Z");
        closed(
                "A3",
                "email",
                "standard",
                "low",
                "P3",
                a,
                "2020-01-13T12:00:00Z",
                "2020-01-15T16:00:00Z",
                "2020-01-13T13:00:00Z",
                "2020-01-14T10:00:00Z");
        closed(
                "A4",
                "email",
                "standard",
                "low",
                "P3",
                a,
                "2020-01-13T12:00:00Z",
                "2020-01-15T16:00:00Z",
                "2020-01-13T08:59:00Z",
                "2020-01-14T10:00:00Z");
        String b = "2020-01-20T10:00:00Z";
        closed(
                "B1",
                "chat",
                "vip",
                "high",
                "P1",
                b,
                "2020-01-20T10:01:00Z",
                "2020-01-20T11:00:00Z",
                "2020-01-20T10:00:30Z",
                "2020-01-20T10:50:00Z");
        closed(
                "B2",
                "chat",
                "vip",
                "high",
                "P1",
                b,
                "2020-01-20T10:01:00Z",
                "2020-01-20T11:00:00Z",
                "2020-01-20T10:02:00Z",
                "2020-01-20T11:30:00Z");
        String c = "2020-01-21T10:00:00Z";
        closed(
                "C1",
                "email",
                "vip",
                "medium",
                "P2",
                c,
                "2020-01-21T11:00:00Z",
                "2020-01-21T14:00:00Z",
                "2020-01-21T10:10:00Z",
                "2020-01-21T10:45:00Z");
        closed(
                "C2",
                "email",
                "vip",
                "medium",
                "P2",
                c,
                "2020-01-21T11:00:00Z",
                "2020-01-21T14:00:00Z",
                "2020-01-21T10:30:00Z",
                "2020-01-21T12:00:00Z");
        closed(
                "C3",
                "phone",
                "vip",
                "low",
                "P2",
                "2020-01-22T10:00:00Z",
                "2020-01-22T11:00:00Z",
                "2020-01-22T14:00:00Z",
                "2020-01-22T10:05:00Z",
                "2020-01-22T10:40:00Z");
        closed(
                "D1",
                "web",
                "standard",
                "high",
                "P2",
                "2020-01-23T10:00:00Z",
                "2020-01-23T11:00:00Z",
                "2020-01-23T14:00:00Z",
                "2020-01-23T11:30:00Z",
                "2020-01-23T13:00:00Z");
        String e = "2020-01-24T10:00:00Z";
        closed(
                "E1",
                "chat",
                "standard",
                "medium",
                "P3",
                e,
                "2020-01-24T10:02:00Z",
                "2020-01-25T10:00:00Z",
                null,
                "2020-01-24T10:01:00Z");
        closed(
                "E2",
                "chat",
                "standard",
                "medium",
                "P3",
                e,
                "2020-01-24T10:02:00Z",
                "2020-01-25T10:00:00Z",
                null,
                "2020-01-24T10:05:00Z");
        insert(
                "F1",
                "in_progress",
                "social",
                "standard",
                "high",
                "P2",
                "2020-01-27T10:00:00Z",
                "2020-01-27T11:00:00Z",
                "2020-01-27T14:00:00Z",
                null,
                null,
                null);
        insert("G1", "open", "email", "standard", "low", null, "2020-01-28T10:00:00Z", null, null, null, null, null);
        closed(
                "H1",
                "email",
                "standard",
                "low",
                "P3",
                "2020-02-05T08:00:00Z",
                "2020-02-05T12:00:00Z",
                "2020-02-07T16:00:00Z",
                "2020-02-05T15:00:00Z",
                "2020-02-06T10:00:00Z");
    }

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean("bodyLimitFilter", Filter.class))
                .apply(springSecurity())
                .build();
    }

    @Test
    void aShorterP3EmailResponseTarget_breachesTheCasesAnsweredAfterOneHour() {
        SimulationReport report = simulate(null, file("sla-targets-p3-email-1h.dmn"));

        assertThat(report.period()).isEqualTo(new SimulationReport.Period(FROM, TO));
        assertThat(report.cases().inPeriod()).isEqualTo(13);
        assertThat(report.cases().simulated()).isEqualTo(13);
        assertThat(report.cases().notTriaged()).isEqualTo(1);
        assertThat(report.cases().capped()).isFalse();
        assertThat(report.cases().byStatus())
                .containsExactlyInAnyOrderEntriesOf(Map.of("closed", 12, "in_progress", 1));
        assertThat(report.compared().slaTargets().source()).isEqualTo(PolicyVersion.CANDIDATE);
        assertThat(report.compared().slaTargets().file()).isEqualTo("sla-targets-p3-email-1h.dmn");
        assertThat(report.compared().slaTargets().versionTag()).isEqualTo("1.1.0-p3-email-1h");
        assertThat(report.compared().casePriority().source()).isEqualTo(PolicyVersion.DEPLOYED);
        assertThat(report.priorityChanges()).isEmpty();

        // P3 email: A3 missed the real 4 h; with 1 h, A2 (2 h) misses too, A1 (30 min) and A4 (59 min) do not
        Row p3Email = row(report.byPriorityAndChannel(), "P3", "email");
        assertThat(p3Email.cases()).isEqualTo(new SimulationReport.Mix(4, 4, 0));
        assertThat(p3Email.response().baseline()).isEqualTo(new Rate(4, 1, 0.25));
        assertThat(p3Email.response().candidate()).isEqualTo(new Rate(4, 2, 0.5));
        assertThat(p3Email.resolution().baseline()).isEqualTo(new Rate(4, 0, 0.0));
        assertThat(p3Email.resolution().candidate()).isEqualTo(new Rate(4, 0, 0.0));
        // nothing else changes
        Row p3Chat = row(report.byPriorityAndChannel(), "P3", "chat");
        assertThat(p3Chat.response().baseline())
                .isEqualTo(new Rate(2, 1, 0.5))
                .isEqualTo(p3Chat.response().candidate());
        Row p3 = row(report.byPriority(), "P3", null);
        assertThat(p3.cases()).isEqualTo(new SimulationReport.Mix(6, 6, 0));
        assertThat(p3.response().baseline()).isEqualTo(new Rate(6, 2, 0.3333));
        assertThat(p3.response().candidate()).isEqualTo(new Rate(6, 3, 0.5));
        assertUnchanged(row(report.byPriority(), "P1", null), 2, new Rate(2, 1, 0.5), new Rate(2, 1, 0.5));
        assertUnchanged(row(report.byPriority(), "P2", null), 5, new Rate(5, 2, 0.4), new Rate(5, 1, 0.2));
        assertThat(report.total().cases()).isEqualTo(new SimulationReport.Mix(13, 13, 0));
        assertThat(report.total().response().baseline()).isEqualTo(new Rate(13, 5, 0.3846));
        assertThat(report.total().response().candidate()).isEqualTo(new Rate(13, 6, 0.4615));
        assertThat(report.total().resolution().baseline())
                .isEqualTo(new Rate(13, 2, 0.1538))
                .isEqualTo(report.total().resolution().candidate());
        assertThat(report.byPriorityAndChannel())
                .extracting(r -> r.priority() + "/" + r.channel())
                .containsExactly("P1/chat", "P2/email", "P2/phone", "P2/social", "P2/web", "P3/chat", "P3/email");
        assertThat(String.join(" ", report.notes()))
                .contains("actual first-response and resolution times are taken as given");
    }

    @Test
    void makingEveryVipP1_movesThreeCasesFromP2AndBreachesTheSlowVipEmail() {
        SimulationReport report = simulate(file("case-priority-vip-p1.dmn"), file("sla-targets-default.dmn"));

        assertThat(report.priorityChanges()).containsExactly(new SimulationReport.PriorityChange("P2", "P1", 3));
        Row p1 = row(report.byPriority(), "P1", null);
        assertThat(p1.cases()).isEqualTo(new SimulationReport.Mix(2, 5, 3));
        assertThat(p1.response().baseline()).isEqualTo(new Rate(2, 1, 0.5));
        // C2: answered after 30 min (P1 email: 15 min) and resolved after 2 h (P1: 1 h); C1 and C3 were fast enough
        assertThat(p1.response().candidate()).isEqualTo(new Rate(5, 2, 0.4));
        assertThat(p1.resolution().candidate()).isEqualTo(new Rate(5, 2, 0.4));
        Row p2 = row(report.byPriority(), "P2", null);
        assertThat(p2.cases()).isEqualTo(new SimulationReport.Mix(5, 2, -3));
        assertThat(p2.response().baseline()).isEqualTo(new Rate(5, 2, 0.4));
        assertThat(p2.response().candidate()).isEqualTo(new Rate(2, 2, 1.0));
        assertThat(p2.resolution().candidate()).isEqualTo(new Rate(2, 1, 0.5));

        Row p1Email = row(report.byPriorityAndChannel(), "P1", "email");
        assertThat(p1Email.cases()).isEqualTo(new SimulationReport.Mix(0, 2, 2));
        assertThat(p1Email.response().baseline()).isEqualTo(new Rate(0, 0, null));
        assertThat(p1Email.response().candidate()).isEqualTo(new Rate(2, 1, 0.5));
        Row p1Phone = row(report.byPriorityAndChannel(), "P1", "phone");
        assertThat(p1Phone.cases()).isEqualTo(new SimulationReport.Mix(0, 1, 1));
        assertThat(p1Phone.response().candidate()).isEqualTo(new Rate(1, 0, 0.0));
        Row p2Email = row(report.byPriorityAndChannel(), "P2", "email");
        assertThat(p2Email.cases()).isEqualTo(new SimulationReport.Mix(2, 0, -2));
        assertThat(p2Email.response().candidate()).isEqualTo(new Rate(0, 0, null));

        assertThat(report.total().response().candidate()).isEqualTo(new Rate(13, 6, 0.4615));
        assertThat(report.total().resolution().candidate()).isEqualTo(new Rate(13, 3, 0.2308));
    }

    @Test
    void theTablesThatDecidedTheCases_changeNothing() {
        SimulationReport report = simulate(file("case-priority-default.dmn"), file("sla-targets-default.dmn"));

        assertThat(report.priorityChanges()).isEmpty();
        for (Row row : concat(report.byPriority(), report.byPriorityAndChannel(), List.of(report.total()))) {
            assertThat(row.cases().change())
                    .as("%s/%s", row.priority(), row.channel())
                    .isZero();
            assertThat(row.response().candidate())
                    .as("%s/%s", row.priority(), row.channel())
                    .isEqualTo(row.response().baseline());
            assertThat(row.resolution().candidate())
                    .as("%s/%s", row.priority(), row.channel())
                    .isEqualTo(row.resolution().baseline());
        }
    }

    @Test
    void timeSpentWaitingOnTheCustomer_doesNotCountForTheCandidateEither() {
        // June 2019: a P2 chat case that waited 6 h on the customer; its resolution deadline moved from 14:00 to 20:00
        if (jdbc.sql("SELECT COUNT(*) FROM support_case WHERE reference = 'SIM-P1'")
                        .query(Long.class)
                        .single()
                == 0) {
            closed(
                    "P1",
                    "chat",
                    "standard",
                    "high",
                    "P2",
                    "2019-06-03T10:00:00Z",
                    "2019-06-03T10:02:00Z",
                    "2019-06-03T20:00:00Z",
                    "2019-06-03T10:01:00Z",
                    "2019-06-03T18:00:00Z");
            long id = jdbc.sql("SELECT id FROM support_case WHERE reference = 'SIM-P1'")
                    .query(Long.class)
                    .single();
            jdbc.sql("UPDATE sla_record SET paused_seconds = :paused WHERE case_id = :id AND target = 'RESOLUTION'")
                    .param("paused", 6 * 3600)
                    .param("id", id)
                    .update();
        }
        SimulationReport report = simulation.simulate(new PolicySimulation.Request(
                file("case-priority-default.dmn"),
                file("sla-targets-default.dmn"),
                Instant.parse("2019-06-01T00:00:00Z"),
                Instant.parse("2019-07-01T00:00:00Z")));

        assertThat(report.total().cases().baseline()).isEqualTo(1);
        assertThat(report.total().resolution().candidate())
                .isEqualTo(report.total().resolution().baseline());
        assertThat(report.total().resolution().baseline().breached()).isZero();
    }

    @Test
    void withoutACandidateFile_theDeployedVersionIsUsed() throws IOException {
        DecisionDefinition deployed = repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("case-priority")
                .latestVersion()
                .singleResult();
        byte[] deployedXml;
        try (InputStream in = repository.getDecisionModel(deployed.getId())) {
            deployedXml = in.readAllBytes();
        }

        SimulationReport withDeployed = simulate(null, file("sla-targets-p3-email-1h.dmn"));
        SimulationReport withItsFile =
                simulate(new CandidateFile("deployed.dmn", deployedXml), file("sla-targets-p3-email-1h.dmn"));

        PolicyVersion used = withDeployed.compared().casePriority();
        assertThat(used.source()).isEqualTo(PolicyVersion.DEPLOYED);
        assertThat(used.version()).isEqualTo(deployed.getVersion());
        assertThat(used.decisionKey()).isEqualTo("case-priority");
        assertThat(withDeployed.byPriorityAndChannel()).isEqualTo(withItsFile.byPriorityAndChannel());
        assertThat(withDeployed.total()).isEqualTo(withItsFile.total());
    }

    @Test
    void aTableThatCannotDecideForRealCases_isRefusedWithTheCases() {
        assertThatThrownBy(() -> simulate(null, file("sla-targets-no-p2.dmn")))
                .isInstanceOfSatisfying(UndecidedCasesException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(422);
                    assertThat(e.getBody().getProperties()).containsEntry("undecidedCases", 5);
                    assertThat(e.getBody().getDetail())
                            .contains("sla-targets (candidate)")
                            .contains("no rule matched");
                    @SuppressWarnings("unchecked")
                    var examples = (List<UndecidedCasesException.Undecided>)
                            e.getBody().getProperties().get("examples");
                    assertThat(examples)
                            .extracting(UndecidedCasesException.Undecided::reference)
                            .containsExactly("SIM-C1", "SIM-C2", "SIM-C3", "SIM-D1", "SIM-F1");
                });
    }

    @Test
    void aCapOnTheNumberOfCases_isReported() {
        var capped = new PolicySimulation(
                evaluator, simulationCases, sla, clock, new SimulationLimits(4, java.time.Duration.ofMinutes(1)));

        SimulationReport report =
                capped.simulate(new PolicySimulation.Request(null, file("sla-targets-default.dmn"), FROM, TO));

        assertThat(report.cases().inPeriod()).isEqualTo(13);
        assertThat(report.cases().simulated()).isEqualTo(4);
        assertThat(report.cases().capped()).isTrue();
        assertThat(report.cases().cap()).isEqualTo(4);
        assertThat(report.cases().lastSimulatedCreatedAt()).isEqualTo(Instant.parse("2020-01-13T08:00:00Z"));
        assertThat(report.total().cases().baseline()).isEqualTo(4);
        assertThat(report.notes()).anySatisfy(note -> assertThat(note).startsWith("Capped"));
    }

    @Test
    void invalidCandidates_areRefusedNamingTheFileAndTheProblem() {
        assertInvalid(
                null,
                new CandidateFile("broken.dmn", "<definitions><decision".getBytes(StandardCharsets.UTF_8)),
                "broken.dmn",
                "is not a valid DMN file");
        assertInvalid(
                null,
                file("case-priority-default.dmn"),
                "case-priority-default.dmn",
                "has no decision with id 'sla-targets' (its decisions: case-priority)");
        assertInvalid(
                file("sla-targets-default.dmn"),
                null,
                "sla-targets-default.dmn",
                "has no decision with id 'case-priority' (its decisions: sla-targets)");
        byte[] noCalendar = text("sla-targets-default.dmn")
                .replace("name=\"calendar\"", "name=\"clock\"")
                .getBytes(StandardCharsets.UTF_8);
        assertInvalid(
                null,
                new CandidateFile("no-calendar.dmn", noCalendar),
                "no-calendar.dmn",
                "has no output named 'calendar'");
        assertInvalid(null, new CandidateFile("empty.dmn", new byte[0]), "empty.dmn", "is empty");
        // an uploaded file cannot make the server read its files or reach other hosts
        byte[] entity = """
                <?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/">&e;</definitions>""".getBytes(StandardCharsets.UTF_8);
        assertInvalid(null, new CandidateFile("entity.dmn", entity), "entity.dmn", "is not a valid DMN file: ");
        assertThatThrownBy(() -> simulate(null, new CandidateFile("entity.dmn", entity)))
                .hasMessageContaining("DOCTYPE is disallowed")
                .hasMessageNotContaining("root:");
    }

    @Test
    void aCandidateWithoutHistoryTimeToLive_isSimulatedWithAWarning() {
        byte[] noTtl = text("sla-targets-p3-email-1h.dmn")
                .replace("camunda:historyTimeToLive=\"180\" ", "")
                .getBytes(StandardCharsets.UTF_8);

        SimulationReport report = simulate(null, new CandidateFile("no-ttl.dmn", noTtl));

        assertThat(report.compared().slaTargets().warnings())
                .singleElement()
                .asString()
                .contains("historyTimeToLive");
        assertThat(report.total().response().candidate()).isEqualTo(new Rate(13, 6, 0.4615));
    }

    @Test
    void theEndpoint_answersProcessOwnersManagersAndAdmins_andChangesNothing() throws Exception {
        long deployments = repository.createDeploymentQuery().count();
        long decisions = repository.createDecisionDefinitionQuery().count();
        long decisionHistory = history.createHistoricDecisionInstanceQuery().count();
        long allCases =
                jdbc.sql("SELECT COUNT(*) FROM support_case").query(Long.class).single();
        long events =
                jdbc.sql("SELECT COUNT(*) FROM case_event").query(Long.class).single();
        var ourCases = ourCases();

        for (String user : List.of("paul", "maria", "demo")) {
            mvc.perform(multipart("/api/policy/simulate")
                            .file(part("slaTargets", "sla-targets-p3-email-1h.dmn"))
                            .file(part("casePriority", "case-priority-vip-p1.dmn"))
                            .param("from", "2020-01-01")
                            .param("to", "2020-01-31")
                            .with(httpBasic(user, user)))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.period.from").value("2020-01-01T00:00:00Z"))
                    .andExpect(jsonPath("$.period.to").value("2020-02-01T00:00:00Z"))
                    .andExpect(jsonPath("$.cases.simulated").value(13))
                    .andExpect(jsonPath("$.cases.cap").value(10000))
                    .andExpect(jsonPath("$.compared.casePriority.versionTag").value("1.1.0-vip-p1"))
                    .andExpect(jsonPath("$.compared.slaTargets.file").value("sla-targets-p3-email-1h.dmn"))
                    .andExpect(jsonPath("$.total.cases.baseline").value(13))
                    // vip-p1 adds C2's breach, the 1 h P3 email target A2's
                    .andExpect(jsonPath("$.total.response.baseline.breached").value(5))
                    .andExpect(jsonPath("$.total.response.candidate.breached").value(7))
                    .andExpect(jsonPath("$.byPriority[0].priority").value("P1"))
                    .andExpect(jsonPath("$.byPriority[0].cases.candidate").value(5))
                    .andExpect(jsonPath("$.priorityChanges[0].cases").value(3));
        }

        assertThat(repository.createDeploymentQuery().count()).as("deployments").isEqualTo(deployments);
        assertThat(repository.createDecisionDefinitionQuery().count())
                .as("decision definitions")
                .isEqualTo(decisions);
        assertThat(history.createHistoricDecisionInstanceQuery().count())
                .as("decision history")
                .isEqualTo(decisionHistory);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM support_case")
                        .query(Long.class)
                        .single())
                .isEqualTo(allCases);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_event").query(Long.class).single())
                .isEqualTo(events);
        assertThat(ourCases()).isEqualTo(ourCases);
    }

    @Test
    void theEndpoint_refusesOtherGroupsAndAnonymousCallers() throws Exception {
        mvc.perform(multipart("/api/policy/simulate").file(part("slaTargets", "sla-targets-default.dmn")))
                .andExpect(status().isUnauthorized());
        for (String user : List.of("alice", "bob", "ivy", "otto", "kim")) {
            problem(
                    mvc.perform(multipart("/api/policy/simulate")
                            .file(part("slaTargets", "sla-targets-default.dmn"))
                            .with(httpBasic(user, user))),
                    403);
        }
        problem(
                mvc.perform(multipart("/api/policy/simulate")
                        .file(part("slaTargets", "sla-targets-default.dmn"))
                        .with(httpBasic("nobody", "nobody"))),
                401);
    }

    @Test
    void theEndpoint_answersBadRequestsWithProblems() throws Exception {
        problem(
                        mvc.perform(multipart("/api/policy/simulate")
                                .param("from", "2020-01-01")
                                .with(httpBasic("paul", "paul"))),
                        400)
                .andExpect(jsonPath("$.detail").value(containsString("casePriority and/or a slaTargets")));
        problem(
                        mvc.perform(multipart("/api/policy/simulate")
                                .file(new MockMultipartFile(
                                        "slaTargets", "broken.dmn", "application/xml", "<dmn".getBytes()))
                                .with(httpBasic("paul", "paul"))),
                        400)
                .andExpect(jsonPath("$.title").value("Invalid candidate policy"))
                .andExpect(jsonPath("$.file").value("broken.dmn"))
                .andExpect(jsonPath("$.detail").value(containsString("'broken.dmn' is not a valid DMN file: ")));
        problem(
                        mvc.perform(multipart("/api/policy/simulate")
                                .file(part("slaTargets", "case-priority-vip-p1.dmn"))
                                .with(httpBasic("paul", "paul"))),
                        400)
                .andExpect(jsonPath("$.detail").value(containsString("has no decision with id 'sla-targets'")));
        problem(
                        mvc.perform(multipart("/api/policy/simulate")
                                .file(part("slaTargets", "sla-targets-no-p2.dmn"))
                                .param("from", "2020-01-01")
                                .param("to", "2020-01-31")
                                .with(httpBasic("paul", "paul"))),
                        422)
                .andExpect(jsonPath("$.undecidedCases").value(5))
                .andExpect(jsonPath("$.examples[0].reference").value("SIM-C1"));
        problem(
                        mvc.perform(multipart("/api/policy/simulate")
                                .file(part("slaTargets", "sla-targets-default.dmn"))
                                .param("from", "last tuesday")
                                .with(httpBasic("paul", "paul"))),
                        400)
                .andExpect(jsonPath("$.detail").value(containsString("from: expected an ISO instant")));
        problem(
                        mvc.perform(multipart("/api/policy/simulate")
                                .file(part("slaTargets", "sla-targets-default.dmn"))
                                .param("from", "2020-02-01")
                                .param("to", "2020-01-01")
                                .with(httpBasic("paul", "paul"))),
                        400)
                .andExpect(jsonPath("$.detail").value(containsString("must be before")));
        problem(
                mvc.perform(post("/api/policy/simulate")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .with(httpBasic("paul", "paul"))),
                415);
        problem(mvc.perform(post("/api/policy/simulate").with(httpBasic("paul", "paul"))), 415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/policy/simulate", "/api/cases"})
    void onlyTheUploadPath_acceptsBodiesOverTheApiLimit(String path) throws Exception {
        // a realistic big table: 100 KiB, over casedesk.api.max-body-bytes (64 KiB), under the 1 MB file limit
        String big =
                text("sla-targets-p3-email-1h.dmn").replace("<description>", "<description>" + "x".repeat(100 * 1024));
        var request = new org.springframework.mock.web.MockHttpServletRequest("POST", path);
        request.setContent(big.getBytes(StandardCharsets.UTF_8));
        var response = new org.springframework.mock.web.MockHttpServletResponse();
        var passed = new java.util.concurrent.atomic.AtomicBoolean();

        context.getBean("bodyLimitFilter", Filter.class).doFilter(request, response, (req, res) -> passed.set(true));

        boolean upload = path.equals("/api/policy/simulate");
        assertThat(passed.get()).as("passed on to the application").isEqualTo(upload);
        assertThat(response.getStatus()).isEqualTo(upload ? 200 : 413);
    }

    @Test
    void periodBounds_takeInstantsOrWholeDays() {
        assertThat(PolicySimulationController.bound("from", "2020-01-01", false))
                .isEqualTo(FROM);
        assertThat(PolicySimulationController.bound("to", "2020-01-31", true)).isEqualTo(TO);
        assertThat(PolicySimulationController.bound("to", "2020-01-31T12:00:00Z", true))
                .isEqualTo(Instant.parse("2020-01-31T12:00:00Z"));
        assertThat(PolicySimulationController.bound("to", " ", true)).isNull();
        assertThatThrownBy(() -> PolicySimulationController.bound("to", "2020-13-01", true))
                .isInstanceOf(ErrorResponseException.class);
    }

    @Test
    void breach_isSettledOnlyWhenTheOutcomeIsKnown() {
        Instant due = Instant.parse("2020-01-01T10:00:00Z");
        Instant now = Instant.parse("2020-01-01T09:00:00Z");
        assertThat(PolicySimulation.breached(due, null, due, now))
                .as("on the second is met")
                .isFalse();
        assertThat(PolicySimulation.breached(due.plusMillis(1), null, due, now)).isTrue();
        assertThat(PolicySimulation.breached(null, null, due, now))
                .as("still running, not due")
                .isNull();
        assertThat(PolicySimulation.breached(null, null, due, due.plusSeconds(1)))
                .as("running, overdue")
                .isTrue();
        assertThat(PolicySimulation.breached(null, due.minusSeconds(1), due, now))
                .as("stopped in time")
                .isFalse();
        assertThat(PolicySimulation.breached(null, due.plusSeconds(1), due, now))
                .as("stopped late")
                .isTrue();
        assertThat(PolicySimulation.breached(now, null, null, now))
                .as("no deadline")
                .isNull();
    }

    // --- helpers

    private SimulationReport simulate(CandidateFile casePriority, CandidateFile slaTargets) {
        return simulation.simulate(new PolicySimulation.Request(casePriority, slaTargets, FROM, TO));
    }

    private void assertInvalid(CandidateFile casePriority, CandidateFile slaTargets, String file, String problem) {
        assertThatThrownBy(() -> simulate(casePriority, slaTargets))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getDetail())
                            .contains("'" + file + "' " + problem)
                            .doesNotContain("Exception")
                            .doesNotContain("\tat ");
                    assertThat(e.getBody().getProperties()).containsEntry("file", file);
                });
    }

    private static void assertUnchanged(Row row, int cases, Rate response, Rate resolution) {
        assertThat(row.cases()).isEqualTo(new SimulationReport.Mix(cases, cases, 0));
        assertThat(row.response().baseline())
                .isEqualTo(response)
                .isEqualTo(row.response().candidate());
        assertThat(row.resolution().baseline())
                .isEqualTo(resolution)
                .isEqualTo(row.resolution().candidate());
    }

    private static Row row(List<Row> rows, String priority, String channel) {
        return rows.stream()
                .filter(r -> priority.equals(r.priority())
                        && (channel == null ? r.channel() == null : channel.equals(r.channel())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + priority + "/" + channel + " in " + rows));
    }

    @SafeVarargs
    private static List<Row> concat(List<Row>... lists) {
        var all = new ArrayList<Row>();
        for (List<Row> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    private static ResultActions problem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("\tat "))));
    }

    private static CandidateFile file(String name) {
        return new CandidateFile(name, text(name).getBytes(StandardCharsets.UTF_8));
    }

    private static MockMultipartFile part(String part, String name) {
        return new MockMultipartFile(part, name, "application/xml", text(name).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String name) {
        try (InputStream in = new ClassPathResource("sla/simulation/" + name).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> ourCases() {
        return jdbc.sql("SELECT * FROM support_case WHERE customer_email LIKE :d ORDER BY id")
                .param("d", "%" + DOMAIN)
                .query()
                .listOfRows();
    }

    private void closed(
            String ref,
            String channel,
            String tier,
            String severity,
            String priority,
            String created,
            String responseDue,
            String resolutionDue,
            String firstResponse,
            String resolved) {
        insert(
                ref,
                "closed",
                channel,
                tier,
                severity,
                priority,
                created,
                responseDue,
                resolutionDue,
                firstResponse,
                resolved,
                resolved == null
                        ? null
                        : Instant.parse(resolved).plusSeconds(3600).toString());
    }

    private void insert(
            String ref,
            String status,
            String channel,
            String tier,
            String severity,
            String priority,
            String created,
            String responseDue,
            String resolutionDue,
            String firstResponse,
            String resolved,
            String closed) {
        jdbc.sql("""
                INSERT INTO support_case (reference, status, channel, customer_email, customer_tier, subject,
                    description, severity, severity_given, sentiment, category, priority, created_at,
                    first_response_at, resolved_at, closed_at)
                VALUES (:reference, :status, :channel, :email, :tier, 'Simulated case',
                    'priority = "P1" and (1/0) -- customer text is never evaluated', :severity, TRUE, 0.0, 'other',
                    :priority, :created, :firstResponse, :resolved, :closed)""")
                .param("reference", "SIM-" + ref)
                .param("status", status)
                .param("channel", channel)
                .param("email", ref.toLowerCase() + DOMAIN)
                .param("tier", tier)
                .param("severity", severity)
                .param("priority", priority)
                .param("created", ts(created))
                .param("firstResponse", ts(firstResponse))
                .param("resolved", ts(resolved))
                .param("closed", ts(closed))
                .update();
        long id = jdbc.sql("SELECT id FROM support_case WHERE reference = :reference")
                .param("reference", "SIM-" + ref)
                .query(Long.class)
                .single();
        String calendar = "P3".equals(priority) && !"chat".equals(channel) ? "business-hours" : "24x7";
        slaRecord(id, "RESPONSE", calendar, created, responseDue, firstResponse);
        slaRecord(id, "RESOLUTION", calendar, created, resolutionDue, resolved);
    }

    /** The SLA record of a target the case had (the deadline is the sla feature's, not the case's). */
    private void slaRecord(long caseId, String target, String calendar, String created, String due, String met) {
        if (due == null) {
            return;
        }
        String outcome = met == null ? "RUNNING" : Instant.parse(met).isAfter(Instant.parse(due)) ? "BREACHED" : "MET";
        jdbc.sql("""
                INSERT INTO sla_record (case_id, target, target_seconds, calendar, started_at, due_at, outcome, met_at)
                VALUES (:id, :target, 0, :calendar, :started, :due, :outcome, :met)""")
                .param("id", caseId)
                .param("target", target)
                .param("calendar", calendar)
                .param("started", ts(created))
                .param("due", ts(due))
                .param("outcome", outcome)
                .param("met", ts(met))
                .update();
    }

    private static Timestamp ts(String instant) {
        return instant == null ? null : Timestamp.from(Instant.parse(instant));
    }
}
