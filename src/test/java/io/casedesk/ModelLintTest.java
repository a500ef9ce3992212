package io.casedesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.cases.CaseEventType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The house rules of DESIGN.md ("Models are code") for every model in the top-level {@code bpmn/},
 * {@code dmn/} and {@code forms/} folders, where process owners and the Modeler edit them.
 */
class ModelLintTest {

    private static final Path BPMN_FOLDER = Path.of("bpmn");
    private static final Path DMN_FOLDER = Path.of("dmn");
    private static final Path FORMS_FOLDER = Path.of("forms");

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> bpmnFiles() {
        return filesIn(BPMN_FOLDER, ".bpmn");
    }

    static List<Path> dmnFiles() {
        return filesIn(DMN_FOLDER, ".dmn");
    }

    static List<Path> formFiles() {
        return filesIn(FORMS_FOLDER, ".form");
    }

    static Stream<Arguments> bpmnFilesAndRules() {
        return bpmnFiles().stream().flatMap(file -> BpmnLint.RULES.stream().map(rule -> Arguments.of(file, rule)));
    }

    static Stream<Arguments> dmnFilesAndRules() {
        return dmnFiles().stream().flatMap(file -> DmnLint.RULES.stream().map(rule -> Arguments.of(file, rule)));
    }

    /** Knows the form and decision ids in the folders, so a reference to a missing one is reported. */
    private static BpmnLint lint() {
        return new BpmnLint(formIds(), decisionIds());
    }

    @Nested
    class Processes {

        @ParameterizedTest(name = "{0}: {1}")
        @MethodSource("io.casedesk.ModelLintTest#bpmnFilesAndRules")
        void followTheHouseRules(Path file, BpmnRule rule) {
            assertThat(rule.check(lint(), readBpmn(file)))
                    .as("%s breaks '%s'", file, rule)
                    .isEmpty();
        }

        @Test
        void theFoldersHoldModels() {
            assertThat(bpmnFiles()).isNotEmpty();
            assertThat(dmnFiles()).isNotEmpty();
            assertThat(formFiles()).isNotEmpty();
        }

        @Test
        void processKeysOfTheApiExist() {
            assertThat(processes().keySet()).contains("support-case", "prevention-ticket");
        }

        @Test
        void processKeysAreUnique() {
            List<String> keys = bpmnFiles().stream()
                    .flatMap(file -> readBpmn(file).getModelElementsByType(Process.class).stream()
                            .map(Process::getId))
                    .toList();

            assertThat(keys).doesNotHaveDuplicates();
        }

        @ParameterizedTest(name = "{1} in {0}")
        @MethodSource("io.casedesk.ModelLintTest#apiUserTasks")
        void userTasksOfTheApiExist(String processKey, String taskId) {
            BpmnModelInstance model = processes().get(processKey);
            assertThat(model).as("process %s", processKey).isNotNull();

            ModelElementInstance task = model.getModelElementById(taskId);

            assertThat(task).as("%s in %s", taskId, processKey).isInstanceOf(UserTask.class);
            assertThat(processOf((FlowElement) task).getId()).isEqualTo(processKey);
        }

        @Test
        void supportCaseStartsWithThePhoneCaseForm() {
            BpmnModelInstance model = processes().get("support-case");
            Process process = model.getModelElementById("support-case");
            List<StartEvent> starts =
                    process.getChildElementsByType(StartEvent.class).stream().toList();

            assertThat(starts)
                    .singleElement()
                    .satisfies(start -> assertThat(start.getCamundaFormRef()).isEqualTo("phone-case"));
            assertThat(formIds()).contains("phone-case");
        }

        /** The timeline notes a model writes (timelineNote's noteType) are kinds the case timeline knows. */
        @Test
        void timelineNotesAreKnownEventTypes() {
            List<String> noteTypes = bpmnFiles().stream()
                    .flatMap(file -> readBpmn(file).getModelElementsByType(CamundaInputParameter.class).stream()
                            .filter(parameter -> "noteType".equals(parameter.getCamundaName()))
                            .map(parameter -> parameter.getTextContent().strip()))
                    .toList();

            assertThat(noteTypes)
                    .isNotEmpty()
                    .allSatisfy(type ->
                            assertThat(CaseEventType.fromWire(type).wire()).isEqualTo(type));
        }
    }

    static Stream<Arguments> apiUserTasks() {
        return Stream.of(
                Arguments.of("support-case", "Task_Troubleshoot"),
                Arguments.of("support-case", "Task_Escalated"),
                Arguments.of("support-case", "Task_CsatRecovery"),
                Arguments.of("prevention-ticket", "Task_Prevention"));
    }

    @Nested
    class Decisions {

        @ParameterizedTest(name = "{0}: {1}")
        @MethodSource("io.casedesk.ModelLintTest#dmnFilesAndRules")
        void followTheHouseRules(Path file, DmnRule rule) {
            assertThat(rule.check(readDmn(file)))
                    .as("%s breaks '%s'", file, rule)
                    .isEmpty();
        }

        @Test
        void decisionIdsAreUnique() {
            List<String> ids = dmnFiles().stream()
                    .flatMap(file -> readDmn(file).getModelElementsByType(Decision.class).stream()
                            .map(Decision::getId))
                    .toList();

            assertThat(ids).doesNotHaveDuplicates();
        }
    }

    @Nested
    class Forms {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.casedesk.ModelLintTest#formFiles")
        void isACamundaForm(Path file) {
            JsonNode form = readForm(file);

            assertThat(form.path("schemaVersion").isIntegralNumber())
                    .as("%s has a numeric schemaVersion", file)
                    .isTrue();
            assertThat(form.path("id").isTextual() && !form.path("id").asText().isBlank())
                    .as("%s has an id", file)
                    .isTrue();
            assertThat(form.path("components").isArray()
                            && !form.path("components").isEmpty())
                    .as("%s has components", file)
                    .isTrue();
        }

        @Test
        void formIdsAreUnique() {
            List<String> ids = formFiles().stream()
                    .map(file -> readForm(file).path("id").asText())
                    .toList();

            assertThat(ids).doesNotHaveDuplicates();
        }
    }

    /** The lint itself: a rule that reports nothing would pass every model. */
    @Nested
    class TheLint {

        private final BpmnLint lint = new BpmnLint(Set.of("case-work", "phone-case"), Set.of("routing"));

        @Test
        void passesACleanModel() {
            BpmnModelInstance clean = cleanSample();

            for (BpmnRule rule : BpmnLint.RULES) {
                assertThat(rule.check(lint, clean)).as(rule.toString()).isEmpty();
            }
        }

        @Test
        void reportsGeneratedIds() {
            BpmnModelInstance model = Bpmn.createExecutableProcess("generated-ids")
                    .startEvent("StartEvent_Opened")
                    .name("Opened")
                    .serviceTask("Activity_0abc123")
                    .name("Do it")
                    .camundaExpression("${true}")
                    .endEvent("Event_1x2y3z4")
                    .name("Done")
                    .done();

            List<String> violations = lint.semanticIds(model);

            assertThat(violations).anySatisfy(v -> assertThat(v).startsWith("Activity_0abc123"));
            assertThat(violations).anySatisfy(v -> assertThat(v).startsWith("Event_1x2y3z4"));
            // the fluent builder names the flows it is not told to name sequenceFlow_<uuid>
            assertThat(violations).anySatisfy(v -> assertThat(v).startsWith("sequenceFlow_"));
            assertThat(violations).noneSatisfy(v -> assertThat(v).startsWith("StartEvent_Opened"));
        }

        @Test
        void reportsAProcessWithoutHistoryTimeToLiveOrVersionTag() {
            BpmnModelInstance model = cleanSample();
            Process process = model.getModelElementById("lint-sample");
            process.setCamundaHistoryTimeToLiveString(null);
            process.setCamundaVersionTag(null);

            assertThat(lint.processAttributes(model))
                    .containsExactlyInAnyOrder(
                            "lint-sample: has no camunda:historyTimeToLive", "lint-sample: has no camunda:versionTag");
        }

        @Test
        void reportsANonExecutableProcess() {
            BpmnModelInstance model = cleanSample();
            model.<Process>getModelElementById("lint-sample").setExecutable(false);

            assertThat(lint.processAttributes(model)).containsExactly("lint-sample: is not executable");
        }

        @Test
        void reportsAMailTaskWithoutAsyncBefore() {
            BpmnModelInstance model = Bpmn.createExecutableProcess("sync-mail")
                    .startEvent("StartEvent_Opened")
                    .name("Opened")
                    .serviceTask("Task_SendMail")
                    .name("Send mail")
                    .camundaDelegateExpression("${deliverMail}")
                    .serviceTask("Task_Other")
                    .name("Other")
                    .camundaDelegateExpression("${recordTriage}")
                    .endEvent("EndEvent_Done")
                    .name("Done")
                    .done();

            assertThat(lint.mailTasksAreAsync(model)).singleElement().asString().startsWith("Task_SendMail");
        }

        @Test
        void reportsAUserTaskWithoutFormOrGroup() {
            BpmnModelInstance model = cleanSample();
            UserTask task = model.getModelElementById("Task_Work");
            task.setCamundaFormRef(null);
            task.setCamundaCandidateGroups(null);

            assertThat(lint.userTasks(model))
                    .containsExactlyInAnyOrder(
                            "Task_Work: has no camunda:formRef",
                            "Task_Work: has neither camunda:candidateGroups nor camunda:assignee");
        }

        @Test
        void reportsAFormRefThatIsNoForm() {
            BpmnModelInstance model = cleanSample();
            model.<UserTask>getModelElementById("Task_Work").setCamundaFormRef("case-wrok");
            model.<StartEvent>getModelElementById("StartEvent_Opened").setCamundaFormRef("phone");

            assertThat(lint.userTasks(model)).singleElement().asString().contains("Task_Work", "case-wrok");
            assertThat(lint.startForms(model)).singleElement().asString().contains("StartEvent_Opened", "'phone'");
        }

        @Test
        void acceptsAnAssigneeInsteadOfGroups() {
            BpmnModelInstance model = cleanSample();
            UserTask task = model.getModelElementById("Task_Work");
            task.setCamundaCandidateGroups(null);
            task.setCamundaAssignee("${caseOwner}");

            assertThat(lint.userTasks(model)).isEmpty();
        }

        @Test
        void reportsADecisionRefThatIsNoDecision() {
            BpmnModelInstance model = cleanSample();
            model.<BusinessRuleTask>getModelElementById("Task_Decide").setCamundaDecisionRef("routeing");

            assertThat(lint.decisionRefs(model)).singleElement().asString().contains("Task_Decide", "routeing");
        }

        @Test
        void reportsAGatewayWithoutDefaultAndAConditionlessFlow() {
            BpmnModelInstance model = cleanSample();
            model.<ExclusiveGateway>getModelElementById("Gateway_Outcome").removeAttribute("default");

            assertThat(lint.exclusiveGateways(model))
                    .singleElement()
                    .asString()
                    .contains("Gateway_Outcome", "Flow_Other");
        }

        @Test
        void reportsAGatewayWithTwoConditionlessFlows() {
            BpmnModelInstance model = cleanSample();
            SequenceFlow resolved = model.getModelElementById("Flow_Resolved");
            resolved.removeChildElement(resolved.getConditionExpression());

            assertThat(lint.exclusiveGateways(model))
                    .singleElement()
                    .asString()
                    .contains("Gateway_Outcome", "Flow_Resolved", "Flow_Other");
        }

        @Test
        void acceptsAGatewayWithAConditionOnEveryFlow() {
            BpmnModelInstance model = cleanSample();
            model.<ExclusiveGateway>getModelElementById("Gateway_Outcome").removeAttribute("default");
            SequenceFlow other = model.getModelElementById("Flow_Other");
            ConditionExpression condition = model.newInstance(ConditionExpression.class);
            condition.setTextContent("${outcome != 'resolved'}");
            other.setConditionExpression(condition);

            assertThat(lint.exclusiveGateways(model)).isEmpty();
        }

        @Test
        void reportsATimerWithoutTime() {
            BpmnModelInstance model = cleanSample();
            TimerEventDefinition timer = model.getModelElementById("Definition_Wait");
            timer.removeChildElement(timer.getTimeDuration());

            assertThat(lint.timers(model)).singleElement().asString().startsWith("Event_Wait");
        }

        @Test
        void reportsAnUnnamedElement() {
            BpmnModelInstance model = cleanSample();
            model.<UserTask>getModelElementById("Task_Work").setName(" ");
            model.<ExclusiveGateway>getModelElementById("Gateway_Outcome").setName(null);

            assertThat(lint.names(model))
                    .containsExactlyInAnyOrder("Task_Work: has no name", "Gateway_Outcome: has no name");
        }

        @Test
        void acceptsUnnamedMergingGatewaysAndSubProcessStarts() {
            BpmnModelInstance model = Bpmn.createExecutableProcess("unnamed-ok")
                    .name("Unnamed but fine")
                    .startEvent("StartEvent_Opened")
                    .name("Opened")
                    .exclusiveGateway("Gateway_Merge")
                    .subProcess("SubProcess_Work")
                    .name("Work")
                    .embeddedSubProcess()
                    .startEvent("StartEvent_Work")
                    .endEvent("EndEvent_Work")
                    .name("Worked")
                    .subProcessDone()
                    .endEvent("EndEvent_Done")
                    .name("Done")
                    .done();

            assertThat(lint.names(model)).isEmpty();
        }

        @Test
        void reportsAFlowNodeOrFlowThatIsNotInTheDiagram() {
            BpmnModelInstance model = cleanSample();
            BpmnShape shape =
                    (BpmnShape) model.<FlowNode>getModelElementById("Task_Work").getDiagramElement();
            shape.getParentElement().removeChildElement(shape);
            BpmnEdge edge = (BpmnEdge)
                    model.<SequenceFlow>getModelElementById("Flow_Worked").getDiagramElement();
            edge.getParentElement().removeChildElement(edge);

            assertThat(lint.diagram(model))
                    .containsExactlyInAnyOrder(
                            "Task_Work: has no BPMNShape in the diagram",
                            "Flow_Worked: has no BPMNEdge in the diagram");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Activity_0abc123",
                    "Gateway_1x2y3z4",
                    "Flow_0k3j2h1",
                    "DecisionRule_0p9o8i7",
                    "Event_1234567",
                    "StartEvent_0xyzab1",
                    "sid-4B0C5C6E-5A2B-4C8F-9E1D-2F3A4B5C6D7E",
                    "sequenceFlow_7c5c2f8e-8d0b-4a33-bd1e-6e4bb3c0f0a1"
                })
        void recognisesGeneratedIds(String id) {
            assertThat(BpmnLint.isGenerated(id)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Task_Troubleshoot",
                    "Flow_OutcomeResolved",
                    "Flow_H12",
                    "Flow_Triage10",
                    "Flow_C1",
                    "Rule_Sla_P1_Chat",
                    "Gateway_abcdefg",
                    "Gateway_JoinAgentWork",
                    "support-case",
                    "Definition_Wait"
                })
        void acceptsSemanticIds(String id) {
            assertThat(BpmnLint.isGenerated(id)).isFalse();
        }

        @Test
        void reportsDecisionsAndRulesBreakingTheHouseRules() {
            DmnModelInstance model =
                    Dmn.readModelFromStream(new ByteArrayInputStream("""
          <?xml version="1.0" encoding="UTF-8"?>
          <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Sample"
              name="Sample" namespace="https://casedesk.io/dmn">
            <decision id="sample" name="Sample">
              <decisionTable id="DecisionTable_Sample">
                <input id="Input_Priority" label="Priority">
                  <inputExpression id="InputExpression_Priority" typeRef="string"><text>priority</text></inputExpression>
                </input>
                <output id="Output_Group" name="group" typeRef="string" />
                <rule id="DecisionRule_0p9o8i7">
                  <inputEntry id="UnaryTests_1"><text>"P1"</text></inputEntry>
                  <outputEntry id="LiteralExpression_1"><text>"tier2"</text></outputEntry>
                </rule>
                <rule id="Rule_Sample_Default">
                  <inputEntry id="UnaryTests_2"><text>-</text></inputEntry>
                  <outputEntry id="LiteralExpression_2"><text>"tier1"</text></outputEntry>
                </rule>
              </decisionTable>
            </decision>
          </definitions>
          """.strip().getBytes(StandardCharsets.UTF_8)));

            assertThat(DmnLint.decisionAttributes(model))
                    .containsExactlyInAnyOrder(
                            "sample: has no camunda:historyTimeToLive", "sample: has no camunda:versionTag");
            assertThat(DmnLint.semanticRuleIds(model))
                    .singleElement()
                    .asString()
                    .startsWith("DecisionRule_0p9o8i7");
        }

        /**
         * Passes every rule: start form, business rule task, async mail task, exclusive gateway with a condition and a
         * default, user task with form and group, timer, all named, all with semantic ids.
         */
        private static BpmnModelInstance cleanSample() {
            BpmnModelInstance model = Bpmn.createExecutableProcess("lint-sample")
                    .name("Lint sample")
                    .camundaHistoryTimeToLive(30)
                    .camundaVersionTag("1.0.0")
                    .startEvent("StartEvent_Opened")
                    .name("Opened")
                    .camundaFormRef("phone-case")
                    .sequenceFlowId("Flow_Opened")
                    .businessRuleTask("Task_Decide")
                    .name("Decide routing")
                    .camundaDecisionRef("routing")
                    .sequenceFlowId("Flow_Decided")
                    .serviceTask("Task_SendMail")
                    .name("Send mail")
                    .camundaDelegateExpression("${deliverMail}")
                    .camundaAsyncBefore()
                    .sequenceFlowId("Flow_Sent")
                    .exclusiveGateway("Gateway_Outcome")
                    .name("Outcome?")
                    .sequenceFlowId("Flow_Resolved")
                    .condition("resolved", "${outcome == 'resolved'}")
                    .endEvent("EndEvent_Resolved")
                    .name("Resolved")
                    .moveToNode("Gateway_Outcome")
                    .sequenceFlowId("Flow_Other")
                    .userTask("Task_Work")
                    .name("Work")
                    .camundaFormRef("case-work")
                    .camundaCandidateGroups("tier1")
                    .sequenceFlowId("Flow_Worked")
                    .intermediateCatchEvent("Event_Wait")
                    .name("Wait an hour")
                    .timerWithDuration("PT1H")
                    .sequenceFlowId("Flow_Waited")
                    .endEvent("EndEvent_Done")
                    .name("Done")
                    .done();
            ExclusiveGateway gateway = model.getModelElementById("Gateway_Outcome");
            gateway.setDefault(model.getModelElementById("Flow_Other"));
            IntermediateCatchEvent wait = model.getModelElementById("Event_Wait");
            wait.getEventDefinitions().iterator().next().setId("Definition_Wait");
            return model;
        }
    }

    /** A named house rule over a BPMN model, so a failing parameterized test says which rule broke. */
    record BpmnRule(String name, Function<BpmnLint, Function<BpmnModelInstance, List<String>>> rule) {

        List<String> check(BpmnLint lint, BpmnModelInstance model) {
            return rule.apply(lint).apply(model);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record DmnRule(String name, Function<DmnModelInstance, List<String>> rule) {

        List<String> check(DmnModelInstance model) {
            return rule.apply(model);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The BPMN house rules; each returns one line per violation, starting with the element's id. */
    static final class BpmnLint {

        static final List<BpmnRule> RULES = List.of(
                new BpmnRule("executable, with historyTimeToLive and versionTag", lint -> lint::processAttributes),
                new BpmnRule("semantic ids", lint -> lint::semanticIds),
                new BpmnRule("mail tasks are asyncBefore", lint -> lint::mailTasksAreAsync),
                new BpmnRule("user tasks have an existing form and groups or an assignee", lint -> lint::userTasks),
                new BpmnRule("start forms exist", lint -> lint::startForms),
                new BpmnRule("decision refs exist", lint -> lint::decisionRefs),
                new BpmnRule("exclusive gateways always have a way out", lint -> lint::exclusiveGateways),
                new BpmnRule("timers have a time", lint -> lint::timers),
                new BpmnRule("elements are named", lint -> lint::names),
                new BpmnRule("every flow node and flow is in the diagram", lint -> lint::diagram));

        /** Modeler's ids: a type, "_" and 7 lowercase letters and digits, at least one a digit; Signavio's sid-...; the fluent API's type_uuid. */
        private static final Pattern MODELER_ID = Pattern.compile("[A-Za-z]+_(?=[a-z0-9]*[0-9])[a-z0-9]{7}");

        private static final Pattern SIGNAVIO_ID = Pattern.compile("sid-.*");
        private static final Pattern FLUENT_API_ID =
                Pattern.compile("[A-Za-z]+_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        /** The task that talks to the SMTP server; the ${caseMail} tasks only queue into the outbox. */
        private static final String MAIL_DELEGATE = "${deliverMail}";

        private final Set<String> formIds;
        private final Set<String> decisionIds;

        BpmnLint(Set<String> formIds, Set<String> decisionIds) {
            this.formIds = formIds;
            this.decisionIds = decisionIds;
        }

        static boolean isGenerated(String id) {
            return MODELER_ID.matcher(id).matches()
                    || SIGNAVIO_ID.matcher(id).matches()
                    || FLUENT_API_ID.matcher(id).matches();
        }

        List<String> processAttributes(BpmnModelInstance model) {
            List<String> violations = new ArrayList<>();
            for (Process process : model.getModelElementsByType(Process.class)) {
                if (!process.isExecutable()) {
                    violations.add(process.getId() + ": is not executable");
                }
                if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
                    violations.add(process.getId() + ": has no camunda:historyTimeToLive");
                }
                if (isBlank(process.getCamundaVersionTag())) {
                    violations.add(process.getId() + ": has no camunda:versionTag");
                }
            }
            return violations;
        }

        List<String> semanticIds(BpmnModelInstance model) {
            List<String> violations = new ArrayList<>();
            for (BaseElement element : elements(model, Process.class, FlowElement.class)) {
                String id = element.getId();
                if (isBlank(id)) {
                    violations.add("(" + describe(element) + "): has no id");
                } else if (isGenerated(id)) {
                    violations.add(id + ": generated id; give " + describe(element)
                            + " a semantic id such as Task_Troubleshoot");
                }
            }
            return violations;
        }

        List<String> mailTasksAreAsync(BpmnModelInstance model) {
            List<String> violations = new ArrayList<>();
            for (FlowNode task : elements(model, ServiceTask.class, SendTask.class)) {
                String delegate = task instanceof ServiceTask service
                        ? service.getCamundaDelegateExpression()
                        : ((SendTask) task).getCamundaDelegateExpression();
                if (delegate != null
                        && delegate.replace(" ", "").equals(MAIL_DELEGATE)
                        && !task.isCamundaAsyncBefore()) {
                    violations.add(
                            task.getId() + ": sends mail (" + MAIL_DELEGATE + ") but is not camunda:asyncBefore");
                }
            }
            return violations;
        }

        List<String> userTasks(BpmnModelInstance model) {
            List<String> violations = new ArrayList<>();
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String formRef = task.getCamundaFormRef();
                if (isBlank(formRef)) {
                    violations.add(task.getId() + ": has no camunda:formRef");
                } else if (!formIds.contains(formRef)) {
                    violations.add(
                            task.getId() + ": camunda:formRef '" + formRef + "' is no form id in forms/ " + formIds);
                }
                if (isBlank(task.getCamundaCandidateGroups()) && isBlank(task.getCamundaAssignee())) {
                    violations.add(task.getId() + ": has neither camunda:candidateGroups nor camunda:assignee");
                }
            }
            return violations;
        }

        List<String> startForms(BpmnModelInstance model) {
            return model.getModelElementsByType(StartEvent.class).stream()
                    .filter(start ->
                            !isBlank(start.getCamundaFormRef()) && !formIds.contains(start.getCamundaFormRef()))
                    .map(start -> start.getId() + ": camunda:formRef '" + start.getCamundaFormRef()
                            + "' is no form id in forms/ " + formIds)
                    .toList();
        }

        List<String> decisionRefs(BpmnModelInstance model) {
            return model.getModelElementsByType(BusinessRuleTask.class).stream()
                    .filter(task -> !decisionIds.contains(task.getCamundaDecisionRef()))
                    .map(task -> task.getId() + ": camunda:decisionRef '" + task.getCamundaDecisionRef()
                            + "' is no decision id in dmn/ " + decisionIds)
                    .toList();
        }

        /** More than one way out: a default flow or a condition on every flow, and never two flows without condition. */
        List<String> exclusiveGateways(BpmnModelInstance model) {
            List<String> violations = new ArrayList<>();
            for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
                Collection<SequenceFlow> outgoing = gateway.getOutgoing();
                if (outgoing.size() < 2) {
                    continue;
                }
                List<String> conditionless = outgoing.stream()
                        .filter(flow -> flow.getConditionExpression() == null)
                        .map(SequenceFlow::getId)
                        .toList();
                SequenceFlow defaultFlow = gateway.getDefault();
                if (conditionless.size() > 1) {
                    violations.add(gateway.getId() + ": several outgoing flows without condition " + conditionless);
                } else if (defaultFlow == null && !conditionless.isEmpty()) {
                    violations.add(gateway.getId() + ": no default flow, and " + conditionless + " has no condition");
                } else if (defaultFlow != null
                        && !conditionless.isEmpty()
                        && !conditionless.contains(defaultFlow.getId())) {
                    violations.add(
                            gateway.getId() + ": " + conditionless + " has no condition and is not the default flow");
                }
            }
            return violations;
        }

        List<String> timers(BpmnModelInstance model) {
            return model.getModelElementsByType(TimerEventDefinition.class).stream()
                    .filter(timer -> Stream.of(timer.getTimeDate(), timer.getTimeDuration(), timer.getTimeCycle())
                            .noneMatch(time -> time != null && !isBlank(time.getTextContent())))
                    .map(timer -> ((BaseElement) timer.getParentElement()).getId() + ": timer " + timer.getId()
                            + " has no timeDate, timeDuration or timeCycle")
                    .toList();
        }

        /** Everything a person sees in Modeler, Cockpit or Tasklist is named; a flow, an inner start or a merge needs no name. */
        List<String> names(BpmnModelInstance model) {
            List<String> violations = new ArrayList<>();
            for (Process process : model.getModelElementsByType(Process.class)) {
                if (isBlank(process.getName())) {
                    violations.add(process.getId() + ": has no name");
                }
            }
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                boolean startInsideSubProcess =
                        node instanceof StartEvent && node.getParentElement() instanceof SubProcess;
                boolean merge = node instanceof Gateway && node.getOutgoing().size() <= 1;
                if (!startInsideSubProcess && !merge && isBlank(node.getName())) {
                    violations.add(node.getId() + ": has no name");
                }
            }
            return violations;
        }

        List<String> diagram(BpmnModelInstance model) {
            List<String> violations = new ArrayList<>();
            // not node.getDiagramElement(): for a collapsed sub-process that may be its drill-down plane
            Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
                    .map(shape -> shape.getBpmnElement().getId())
                    .collect(Collectors.toSet());
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                if (!drawn.contains(node.getId())) {
                    violations.add(node.getId() + ": has no BPMNShape in the diagram");
                }
            }
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                if (!(flow.getDiagramElement() instanceof BpmnEdge)) {
                    violations.add(flow.getId() + ": has no BPMNEdge in the diagram");
                }
            }
            return violations;
        }

        @SafeVarargs
        @SuppressWarnings("unchecked")
        private static <T extends BaseElement> List<T> elements(BpmnModelInstance model, Class<? extends T>... types) {
            return Stream.of(types)
                    .flatMap(type -> model.getModelElementsByType(type).stream())
                    .map(e -> (T) e)
                    .distinct()
                    .toList();
        }

        private static String describe(BaseElement element) {
            String type = element.getElementType().getTypeName();
            return element instanceof FlowElement flowElement && !isBlank(flowElement.getName())
                    ? type + " '" + flowElement.getName() + "'"
                    : type;
        }
    }

    /** The DMN house rules. */
    static final class DmnLint {

        static final List<DmnRule> RULES = List.of(
                new DmnRule("decisions have historyTimeToLive and versionTag", DmnLint::decisionAttributes),
                new DmnRule("rules have semantic ids", DmnLint::semanticRuleIds));

        static List<String> decisionAttributes(DmnModelInstance model) {
            List<String> violations = new ArrayList<>();
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
                    violations.add(decision.getId() + ": has no camunda:historyTimeToLive");
                }
                if (isBlank(decision.getVersionTag())) {
                    violations.add(decision.getId() + ": has no camunda:versionTag");
                }
            }
            return violations;
        }

        static List<String> semanticRuleIds(DmnModelInstance model) {
            List<String> violations = new ArrayList<>();
            for (Rule rule : model.getModelElementsByType(Rule.class)) {
                String id = rule.getId();
                if (isBlank(id)) {
                    violations.add("(rule of " + decisionOf(rule) + "): has no id");
                } else if (BpmnLint.isGenerated(id)) {
                    violations.add(id + ": generated id; give this rule of " + decisionOf(rule)
                            + " a semantic id such as Rule_Sla_P1_Chat");
                }
            }
            return violations;
        }

        private static String decisionOf(Rule rule) {
            ModelElementInstance parent = rule.getParentElement();
            while (parent != null && !(parent instanceof Decision)) {
                parent = parent.getParentElement();
            }
            return parent == null ? "?" : ((Decision) parent).getId();
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static Process processOf(FlowElement element) {
        ModelElementInstance parent = element.getParentElement();
        while (!(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }

    /** Each process key with the model that holds it. */
    private static Map<String, BpmnModelInstance> processes() {
        Map<String, BpmnModelInstance> processes = new LinkedHashMap<>();
        for (Path file : bpmnFiles()) {
            BpmnModelInstance model = readBpmn(file);
            model.getModelElementsByType(Process.class).forEach(process -> processes.put(process.getId(), model));
        }
        return processes;
    }

    private static Set<String> formIds() {
        return formFiles().stream()
                .map(file -> readForm(file).path("id").asText())
                .filter(id -> !id.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> decisionIds() {
        return dmnFiles().stream()
                .flatMap(file -> readDmn(file).getModelElementsByType(Decision.class).stream())
                .map(Decision::getId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static BpmnModelInstance readBpmn(Path file) {
        return Bpmn.readModelFromFile(file.toFile());
    }

    private static DmnModelInstance readDmn(Path file) {
        return Dmn.readModelFromFile(file.toFile());
    }

    private static JsonNode readForm(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not valid JSON", e);
        }
    }

    private static List<Path> filesIn(Path folder, String extension) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(extension))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder.toAbsolutePath(), e);
        }
    }
}
