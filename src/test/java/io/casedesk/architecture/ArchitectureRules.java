package io.casedesk.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The house style's walls (DESIGN.md), for a base package: the application's, or a test fixture's that breaks
 * them on purpose. Spring Modulith's verify() refuses cycles between modules (the top-level packages) and use of
 * another module's internals; the ArchUnit rules below add what it cannot see.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
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
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    static JavaClasses fixtureClasses(String basePackage) {
        return new ClassFileImporter().importPackages(basePackage);
    }

    static List<ArchRule> rules(String basePackage) {
        String flow = basePackage + ".supportcase..";
        String system = basePackage + ".system..";
        return List.of(
                noClasses().that().resideOutsideOfPackages(flow, basePackage + "..process..")
                        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                        .as("features are plain Spring services: only the flow (supportcase) and the process "
                                + "sub-packages of other processes import org.camunda"),
                noClasses().that().resideOutsideOfPackage(flow)
                        .should().dependOnClassesThat().resideInAPackage(flow)
                        .as("nothing calls up into the support-case flow: it drives the features, they publish "
                                + "events or return values"),
                noClasses().that().resideInAPackage(system)
                        .should().dependOnClassesThat(resideInAPackage(basePackage + "..")
                                .and(resideOutsideOfPackage(system)))
                        .as("system is infrastructure and depends on no feature"),
                typedVariableAccess(basePackage));
    }

    /**
     * The flow's delegates and listeners read and write process variables through their typed descriptors: only
     * the descriptor class (supportcase.ProcessVariable, its nested classes included) calls VariableScope's variable
     * methods, so no name string and no cast on a value sits anywhere else.
     */
    static ArchRule typedVariableAccess(String basePackage) {
        String descriptor = Pattern.quote(basePackage + ".supportcase.ProcessVariable") + "(\\$.*)?";
        return noClasses().that().resideInAPackage(basePackage + ".supportcase..")
                .and().haveNameNotMatching(descriptor)
                .should().callMethodWhere(DescribedPredicate.describe("a variable method of VariableScope",
                        (JavaMethodCall call) -> call.getTarget().getOwner().isAssignableTo(VariableScope.class)
                                && call.getName().matches("(get|set|remove)Variable.*")))
                .as("the flow reads and writes process variables through their typed descriptors (ProcessVariable), "
                        + "never by name on a VariableScope");
    }
}
