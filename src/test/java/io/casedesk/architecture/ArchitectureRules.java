package io.casedesk.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The house style's walls (DESIGN.md), for a base package: the application's, or a test fixture's that breaks
 * them on purpose. Spring Modulith's verify() refuses cycles between modules (the top-level packages) and use of
 * another module's internals; the ArchUnit rules below add what it cannot see.
 */
final class ArchitectureRules {

    private ArchitectureRules() {}

    /**
     * Each table of the service and the module that owns it (DESIGN.md: one owner per table). Only the owner names
     * the table in SQL; every other module reads it through the owner's public service, or through the view
     * {@code case_report} that cases publishes for reporting joins (not listed: anyone may read it).
     */
    static final Map<String, String> TABLE_OWNERS = tableOwners();

    private static Map<String, String> tableOwners() {
        var owners = new LinkedHashMap<String, String>();
        owners.put("support_case", "cases");
        owners.put("case_tag", "cases");
        owners.put("case_event", "cases");
        owners.put("sla_record", "sla");
        owners.put("mail_outbox", "mail");
        owners.put("webhook_outbox", "mail");
        owners.put("customer_token", "survey");
        owners.put("prevention_ticket", "prevention");
        owners.put("prevention_link", "prevention");
        owners.put("prevention_check", "prevention");
        owners.put("outreach_message", "outreach");
        owners.put("outreach_mail", "outreach");
        owners.put("inbound_mail", "intake");
        owners.put("idempotent_request", "intake");
        return owners;
    }

    /** The application's modules (main classes only). */
    static ApplicationModules modules(String basePackage) {
        return ApplicationModules.of(basePackage);
    }

    /** A fixture's modules: its classes live among the tests. */
    static ApplicationModules fixtureModules(String basePackage) {
        return ApplicationModules.of(basePackage, location -> true);
    }

    static JavaClasses classes(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    static JavaClasses fixtureClasses(String basePackage) {
        return new ClassFileImporter().importPackages(basePackage);
    }

    static List<ArchRule> rules(String basePackage) {
        String flow = basePackage + ".supportcase..";
        String system = basePackage + ".system..";
        return List.of(
                noClasses()
                        .that()
                        .resideOutsideOfPackages(flow, basePackage + "..process..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage("org.camunda..")
                        .as("features are plain Spring services: only the flow (supportcase) and the process "
                                + "sub-packages of other processes import org.camunda"),
                noClasses()
                        .that()
                        .resideOutsideOfPackage(flow)
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(flow)
                        .as("nothing calls up into the support-case flow: it drives the features, they publish "
                                + "events or return values"),
                noClasses()
                        .that()
                        .resideInAPackage(system)
                        .should()
                        .dependOnClassesThat(
                                resideInAPackage(basePackage + "..").and(resideOutsideOfPackage(system)))
                        .as("system is infrastructure and depends on no feature"),
                ArchRuleDefinition.classes()
                        .should(nameOnlyTheirModulesTables(basePackage))
                        .as("a table is named in SQL only by the module that owns it (support_case, case_tag, "
                                + "case_event: cases; sla_record: sla; …); the others read it through the owner's "
                                + "service or the view case_report"),
                typedVariableAccess(basePackage));
    }

    /**
     * The flow's delegates and listeners read and write process variables through their typed descriptors: only
     * the descriptor class (supportcase.ProcessVariable, its nested classes included) calls VariableScope's variable
     * methods, so no name string and no cast on a value sits anywhere else.
     */
    static ArchRule typedVariableAccess(String basePackage) {
        String descriptor = Pattern.quote(basePackage + ".supportcase.ProcessVariable") + "(\\$.*)?";
        return noClasses()
                .that()
                .resideInAPackage(basePackage + ".supportcase..")
                .and()
                .haveNameNotMatching(descriptor)
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "a variable method of VariableScope",
                        (JavaMethodCall call) -> call.getTarget().getOwner().isAssignableTo(VariableScope.class)
                                && call.getName().matches("(get|set|remove)Variable.*")))
                .as("the flow reads and writes process variables through their typed descriptors (ProcessVariable), "
                        + "never by name on a VariableScope");
    }

    private static ArchCondition<JavaClass> nameOnlyTheirModulesTables(String basePackage) {
        return new ArchCondition<>("name only the tables of their own module") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String module = moduleOf(javaClass, basePackage);
                String strings = classFileText(javaClass);
                TABLE_OWNERS.forEach((table, owner) -> {
                    if (!owner.equals(module)
                            && Pattern.compile("(?<![a-z0-9_])" + table + "(?![a-z0-9_])", Pattern.CASE_INSENSITIVE)
                                    .matcher(strings)
                                    .find()) {
                        events.add(SimpleConditionEvent.violated(
                                javaClass,
                                "%s (module %s) names table %s, owned by %s"
                                        .formatted(javaClass.getName(), module, table, owner)));
                    }
                });
            }
        };
    }

    private static String moduleOf(JavaClass javaClass, String basePackage) {
        String name = javaClass.getPackageName();
        if (!name.startsWith(basePackage + ".")) {
            return "";
        }
        String rest = name.substring(basePackage.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static String classFileText(JavaClass javaClass) {
        var source =
                javaClass.getSource().orElseThrow(() -> new IllegalStateException("no class file for " + javaClass));
        try (InputStream in = source.getUri().toURL().openStream()) {
            // the constant pool keeps ASCII strings as they are; Latin-1 maps every byte to one character
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
