package io.casedesk.triage;

import static io.casedesk.triage.DecisionTables.example;
import static io.casedesk.triage.DecisionTables.variables;
import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.triage.DecisionTables.Example;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ComplianceCheckDecisionTest {

    private static final DecisionTables TABLE = DecisionTables.load("compliance-check.dmn", "compliance-check");

    static List<Example> examples() {
        return List.of(
                example(
                        "Rule_Compliance_Gdpr",
                        "gdpr",
                        text("gdpr request send me everything you store about me"),
                        topic("gdpr")),
                example(
                        "Rule_Compliance_Gdpr",
                        "delete my data",
                        text("close my account and delete my data"),
                        topic("gdpr")),
                example(
                        "Rule_Compliance_Gdpr",
                        "personal data outranks a lawyer",
                        text("you leaked my personal data, my lawyer will hear of it"),
                        topic("gdpr")),
                example(
                        "Rule_Compliance_Legal",
                        "lawyer",
                        text("final notice my lawyer is reading this"),
                        topic("legal")),
                example("Rule_Compliance_Legal", "sue, as a word", text("fix this or i will sue you"), topic("legal")),
                example("Rule_Compliance_Legal", "court", text("see you in court"), topic("legal")),
                example(
                        "Rule_Compliance_Legal",
                        "legal action",
                        text("we will take legal action if this is not fixed"),
                        topic("legal")),
                example("Rule_Compliance_Legal", "solicitor", text("my solicitor has the invoices"), topic("legal")),
                example(
                        "Rule_Compliance_Gdpr",
                        "the data protection authority",
                        text("i will report you to the data protection authority"),
                        topic("gdpr")),
                example(
                        "Rule_Compliance_Chargeback",
                        "chargeback",
                        text("double charge i have started a chargeback"),
                        topic("chargeback")),
                example(
                        "Rule_Compliance_Chargeback",
                        "dispute the charge",
                        text("i will dispute the charge with my bank"),
                        topic("chargeback")),
                example(
                        "Rule_Compliance_Regulator",
                        "ombudsman",
                        text("complaint i am writing to the ombudsman"),
                        topic("regulator")),
                example(
                        "Rule_Compliance_Regulator",
                        "complaint to the authorities",
                        text("i filed a complaint to the authorities"),
                        topic("regulator")),
                example(
                        "Rule_Compliance_None",
                        "an ordinary case",
                        text("login my password reset does not work"),
                        noTopic()),
                example(
                        "Rule_Compliance_None",
                        "sue and court inside other words",
                        text("pursue the issue with the courtesy it deserves"),
                        noTopic()),
                example("Rule_Compliance_None", "no text", text(null), noTopic()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void matchesTheExpectedRule(Example example) {
        TABLE.assertMatches(example);
    }

    @Test
    void everyRuleHasAnExample() {
        TABLE.assertEveryRuleHasAnExample(examples());
    }

    @Test
    void followsTheContract() {
        assertThat(TABLE.hitPolicy()).isEqualTo(HitPolicy.FIRST);
        assertThat(TABLE.inputExpressions()).containsExactly("caseText");
        assertThat(TABLE.outputNames()).containsExactly("compliance", "complianceTopic");
        assertThat(TABLE.historyTimeToLive()).isEqualTo("180");
        assertThat(TABLE.versionTag()).isEqualTo("1.1.0");
    }

    private static Map<String, Object> text(String caseText) {
        return variables("caseText", caseText);
    }

    private static Map<String, Object> topic(String complianceTopic) {
        return variables("compliance", true, "complianceTopic", complianceTopic);
    }

    private static Map<String, Object> noTopic() {
        return variables("compliance", false, "complianceTopic", null);
    }
}
