package dev.berth.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The module boundaries: the engine knows no storage, provider, CLI or Docker; only the Docker runtime knows Docker. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.berth");
    }

    @Test
    void everyModuleIsOnTheClasspath() {
        for (String pkg : List.of("dev.berth.engine.plan", "dev.berth.state", "dev.berth.sqlite", "dev.berth.pg",
                "dev.berth.ecs.service", "dev.berth.ecs.runtime.docker", "dev.berth.cli.view")) {
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName().equals(pkg)), "no classes imported from " + pkg);
        }
    }

    @Test
    void dockerRuntimeReallyUsesDockerJavaSoTheRulesBelowAreNotVacuous() {
        assertTrue(classes.stream()
                .filter(c -> c.getPackageName().startsWith("dev.berth.ecs.runtime.docker"))
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("com.github.dockerjava")));
    }

    @Test
    void engineDependsOnNoOtherModuleNorOnStorageOrCliLibraries() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.berth.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.berth.state..", "dev.berth.ecs..",
                        "dev.berth.sqlite..", "dev.berth.pg..", "dev.berth.cli..", "com.github.dockerjava..", "org.sqlite..",
                        "org.postgresql..", "java.sql..", "picocli..");
        rule.check(classes);
    }

    @Test
    void stateModuleDoesNotImportTheProviderOrTheCli() {
        noClasses().that().resideInAPackage("dev.berth.state..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.berth.ecs..", "dev.berth.cli..")
                .check(classes);
    }

    @Test
    void sqliteModuleKnowsNoOtherBerthModule() {
        noClasses().that().resideInAPackage("dev.berth.sqlite..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.berth.engine..", "dev.berth.state..",
                        "dev.berth.ecs..", "dev.berth.cli..")
                .check(classes);
    }

    @Test
    void pgModuleKnowsNoOtherBerthModule() {
        noClasses().that().resideInAPackage("dev.berth.pg..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.berth.engine..", "dev.berth.state..",
                        "dev.berth.sqlite..", "dev.berth.ecs..", "dev.berth.cli..")
                .check(classes);
    }

    @Test
    void onlyTheStoresAndTheSqliteModuleKnowSqlite() {
        noClasses().that().resideInAPackage("dev.berth..")
                .and().resideOutsideOfPackages("dev.berth.ecs.store..", "dev.berth.ecs.secret..", "dev.berth.state..",
                        "dev.berth.sqlite..", "dev.berth.pg..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..", "org.postgresql..", "java.sql..")
                .check(classes);
    }

    @Test
    void onlyTheDockerRuntimeImportsDockerJava() {
        noClasses().that().resideOutsideOfPackage("dev.berth.ecs.runtime.docker..")
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
                .check(classes);
    }

    @Test
    void ecsSchedulerAndModelDoNotImportDockerJava() {
        noClasses().that().resideInAPackage("dev.berth.ecs..")
                .and().resideOutsideOfPackage("dev.berth.ecs.runtime.docker..")
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
                .check(classes);
    }

    @Test
    void engineDoesNotUseTheRenderers() {
        noClasses().that().resideInAPackage("dev.berth.engine..")
                .should().dependOnClassesThat().resideInAPackage("dev.berth.cli.view..")
                .check(classes);
    }

    /**
     * Every package of the ecs provider is its own slice (subpackages included), so a feature
     * package that reaches another feature's rows instead of the store's shows up as a cycle.
     */
    @Test
    void ecsProviderPackagesHaveNoCycles() {
        slices().matching("dev.berth.ecs.(**)").should().beFreeOfCycles().check(classes);
    }
}
