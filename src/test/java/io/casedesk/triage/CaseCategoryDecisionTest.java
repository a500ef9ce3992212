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

class CaseCategoryDecisionTest {

    private static final DecisionTables TABLE = DecisionTables.load("case-category.dmn", "case-category");

    static List<Example> examples() {
        return List.of(
                example(
                        "Rule_Category_ServiceOutage",
                        "outage",
                        text("outage? the dashboard shows nothing since 9am"),
                        category("service-outage", "technical", "critical")),
                example(
                        "Rule_Category_ServiceOutage",
                        "down for everyone",
                        text("site down the app is down for everyone in our office"),
                        category("service-outage", "technical", "critical")),
                example(
                        "Rule_Category_ServiceOutage",
                        "data loss outranks the bug words",
                        text("sync error after the update, we have data loss"),
                        category("service-outage", "technical", "critical")),
                example(
                        "Rule_Category_ServiceOutage",
                        "the service is down",
                        text("urgent the service is down since 8 this morning"),
                        category("service-outage", "technical", "critical")),
                example(
                        "Rule_Category_ServiceOutage",
                        "site down",
                        text("your site down again?"),
                        category("service-outage", "technical", "critical")),
                example(
                        "Rule_Category_ServiceOutage",
                        "error 500",
                        text("every page shows error 500"),
                        category("service-outage", "technical", "critical")),
                example(
                        "Rule_Category_DoubleCharge",
                        "charged twice",
                        text("invoice 4411 i was charged twice for my subscription"),
                        category("double-charge", "billing", "high")),
                example(
                        "Rule_Category_DoubleCharge",
                        "duplicate charge outranks the refund",
                        text("duplicate charge please refund one of them"),
                        category("double-charge", "billing", "high")),
                example(
                        "Rule_Category_PaymentRenewalFailure",
                        "renewal failed",
                        text("subscription my renewal failed this morning"),
                        category("payment-renewal-failure", "billing", "high")),
                example(
                        "Rule_Category_PaymentRenewalFailure",
                        "card declined",
                        text("card declined although the card is valid"),
                        category("payment-renewal-failure", "billing", "high")),
                example(
                        "Rule_Category_CheckoutBroken",
                        "checkout",
                        text("checkout spins forever"),
                        category("checkout-broken", "technical", "high")),
                example(
                        "Rule_Category_CheckoutBroken",
                        "cannot place an order",
                        text("help i cannot place an order since yesterday"),
                        category("checkout-broken", "technical", "high")),
                example(
                        "Rule_Category_ServiceDisruption",
                        "not working",
                        text("the app is not working at all"),
                        category("service-outage", "technical", "high")),
                example(
                        "Rule_Category_ServiceDisruption",
                        "can't log in outranks the login words",
                        text("login i can't log in since the update"),
                        category("service-outage", "technical", "high")),
                example(
                        "Rule_Category_ServiceDisruption",
                        "cannot login",
                        text("i cannot login with my password"),
                        category("service-outage", "technical", "high")),
                example(
                        "Rule_Category_ServiceDisruption",
                        "a typographic apostrophe",
                        text("i can’t sign in"),
                        category("service-outage", "technical", "high")),
                example(
                        "Rule_Category_LoginProblem",
                        "locked out",
                        text("account i am locked out after three attempts"),
                        category("login-problem", "account", "medium")),
                example(
                        "Rule_Category_LoginProblem",
                        "password",
                        text("reset link the password reset mail never comes"),
                        category("login-problem", "account", "medium")),
                example(
                        "Rule_Category_RefundRequest",
                        "refund",
                        text("refund please i changed my mind"),
                        category("refund-request", "billing", "medium")),
                example(
                        "Rule_Category_RefundRequest",
                        "money back",
                        text("i want my money back"),
                        category("refund-request", "billing", "medium")),
                example(
                        "Rule_Category_DeliveryDelay",
                        "not arrived",
                        text("order 1234 has not arrived yet"),
                        category("delivery-delay", "delivery", "medium")),
                example(
                        "Rule_Category_DeliveryDelay",
                        "late, as a word",
                        text("parcel late again"),
                        category("delivery-delay", "delivery", "medium")),
                example(
                        "Rule_Category_WhereIsMyOrder",
                        "where is my order",
                        text("where is my order 8800? it was due monday"),
                        category("where-is-my-order", "delivery", "medium")),
                example(
                        "Rule_Category_WhereIsMyOrder",
                        "order status outranks the tracking word",
                        text("order status 8800 the tracking page is empty"),
                        category("where-is-my-order", "delivery", "medium")),
                example(
                        "Rule_Category_DeliveryDelay",
                        "not arrived is a delay, not a status question",
                        text("order 8800 has not arrived"),
                        category("delivery-delay", "delivery", "medium")),
                example(
                        "Rule_Category_DamagedItem",
                        "damaged",
                        text("the lamp came damaged"),
                        category("damaged-item", "product", "medium")),
                example(
                        "Rule_Category_DamagedItem",
                        "wrong item",
                        text("you sent the wrong item"),
                        category("damaged-item", "product", "medium")),
                example(
                        "Rule_Category_BugReport",
                        "crash",
                        text("app crashes when i open settings"),
                        category("bug-report", "technical", "medium")),
                example(
                        "Rule_Category_BugReport",
                        "doesn't work",
                        text("the export doesn't work for pdf"),
                        category("bug-report", "technical", "medium")),
                example(
                        "Rule_Category_HowToQuestion",
                        "how do i",
                        text("how do i change my delivery address"),
                        category("how-to-question", "general", "low")),
                example(
                        "Rule_Category_HowToQuestion",
                        "late inside another word is not a delay",
                        text("question can you translate the manual"),
                        category("how-to-question", "general", "low")),
                example(
                        "Rule_Category_GeneralInquiry",
                        "nothing recognisable",
                        text("hello i would like to talk to someone"),
                        category("general-inquiry", "general", "medium")),
                example(
                        "Rule_Category_GeneralInquiry",
                        "no text",
                        text(null),
                        category("general-inquiry", "general", "medium")));
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
        assertThat(TABLE.outputNames()).containsExactly("intent", "category", "suggestedSeverity");
        assertThat(TABLE.historyTimeToLive()).isEqualTo("180");
        assertThat(TABLE.versionTag()).isEqualTo("1.2.0");
    }

    /** The case text as triage builds it: lower-cased subject + " " + description. */
    private static Map<String, Object> text(String caseText) {
        return variables("caseText", caseText);
    }

    private static Map<String, Object> category(String intent, String category, String suggestedSeverity) {
        return variables("intent", intent, "category", category, "suggestedSeverity", suggestedSeverity);
    }
}
