package io.casedesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.modulith.docs.Documenter;

/**
 * The walls of DESIGN.md's house style hold: no cycle between modules, no module reaching into another's internals,
 * no feature importing org.camunda, nothing calling up into the flow, system depending on no feature, process
 * variables read and written through their typed descriptors only. The same rules are shown to catch each kind of
 * breach in a fixture that commits it on purpose (archfixture).
 */
class ArchitectureTest {

    private static final String APPLICATION = "io.casedesk";
    private static final String FIXTURE = "io.casedesk.archfixture";

    @Test
    void modulesHaveNoCycles_andUseEachOthersPublicTypesOnly() {
        var modules = ArchitectureRules.modules(APPLICATION);
        // the module list the closing notes quote
        modules.forEach(module -> System.out.println(module.getDisplayName() + " -> "
                + module.getDirectDependencies(modules)
                        .uniqueModules()
                        .map(m -> m.getDisplayName())
                        .sorted()
                        .toList()));
        modules.verify();
    }

    static Stream<ArchRule> rules() {
        return ArchitectureRules.rules(APPLICATION).stream();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void theApplicationKeepsTheRule(ArchRule rule) {
        rule.check(ArchitectureRules.classes(APPLICATION));
    }

    @Test
    void aCycleBetweenModules_failsTheBuild() {
        assertThatThrownBy(() -> ArchitectureRules.fixtureModules(FIXTURE).verify())
                .hasMessageContaining("Cycle");
    }

    @Test
    void eachRule_catchesItsBreach() {
        var fixture = ArchitectureRules.fixtureClasses(FIXTURE);
        for (ArchRule rule : ArchitectureRules.rules(FIXTURE)) {
            assertThatThrownBy(() -> rule.check(fixture))
                    .as(rule.getDescription())
                    .isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void typedVariableAccess_allowsTheDescriptorOnly() {
        var result = ArchitectureRules.typedVariableAccess(FIXTURE).evaluate(ArchitectureRules.fixtureClasses(FIXTURE));
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("RawVariableDelegate.execute") && line.contains("getVariable"))
                .anyMatch(line -> line.contains("RawVariableDelegate.execute") && line.contains("setVariable"))
                .noneMatch(line -> line.contains("ProcessVariable"));
    }

    /** The module picture the README links: regenerated here, and the committed copy must match it. */
    @Test
    void theCommittedModulePicture_isCurrent() throws IOException {
        Path generated = Path.of("target", "spring-modulith-docs");
        new Documenter(
                        ArchitectureRules.modules(APPLICATION),
                        Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml(
                        Documenter.DiagramOptions.defaults().withStyle(Documenter.DiagramOptions.DiagramStyle.UML));
        String current = Files.readString(generated.resolve("components.puml"));
        Path committed = Path.of("docs", "architecture", "modules.puml");
        if (!Files.exists(committed) || Boolean.getBoolean("casedesk.update-docs")) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, current);
        }
        // the documenter lists modules and dependencies in no fixed order: compare the lines, not their order
        assertThat(Files.readAllLines(committed))
                .as("docs/architecture/modules.puml is out of date: run "
                        + "./mvnw test -Dtest=ArchitectureTest -Dcasedesk.update-docs=true")
                .containsExactlyInAnyOrderElementsOf(current.lines().toList());
    }
}
