package io.casedesk.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The house style's walls (DESIGN.md), for a base package: the application's, or a test fixture's that breaks
 * them on purpose. Spring Modulith's verify() refuses cycles between modules (the top-level packages) and use of
 * another module's internals; the ArchUnit rules below add what it cannot see.
 */
final class ArchitectureRules {

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

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

    /** Imported once per package for the JVM: an import reads the classes and everything they use. */
    static JavaClasses classes(String basePackage) {
        return IMPORTED.computeIfAbsent(basePackage, p -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(p));
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
                        .as("system is infrastructure and depends on no feature"));
    }
}
