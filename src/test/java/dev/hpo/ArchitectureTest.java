package dev.hpo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package rules of STYLE.md: algorithms stay plain Java, the web layer stays at the edge, and no package
 * depends on itself through others.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hpo");

    @Test
    void algorithmsDependOnNeitherSpringNorPersistence() {
        noClasses().that().resideInAnyPackage("dev.hpo.space..", "dev.hpo.objective..", "dev.hpo.strategy..",
                        "dev.hpo.stopping..", "dev.hpo.trial..", "dev.hpo.settings..", "dev.hpo.importance")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.hibernate..", "tools.jackson..", "com.fasterxml..")
                .check(CLASSES);
    }

    @Test
    void algorithmsDoNotReachIntoTheService() {
        noClasses().that().resideInAnyPackage("dev.hpo.space..", "dev.hpo.objective..", "dev.hpo.strategy..",
                        "dev.hpo.stopping..", "dev.hpo.trial..", "dev.hpo.settings..", "dev.hpo.importance")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hpo.study..", "dev.hpo.experiment..",
                        "dev.hpo.queue..", "dev.hpo.loop..", "dev.hpo.backend..", "dev.hpo.shared..")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnTheWebLayer() {
        noClasses().that().resideOutsideOfPackages("..web..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    /**
     * Feature packages (everything under {@code dev.hpo.<feature>} counts as that feature, e.g. {@code backend}
     * with its adapters) form no cycle: each can be understood, tested and changed with only those it uses.
     */
    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("dev.hpo.(*)..").namingSlices("feature $1")
                .should().beFreeOfCycles()
                .check(CLASSES);
    }

    /**
     * Nor do single packages, sub-packages included: {@code strategy} (the contract) does not know its
     * algorithms (the catalog in {@code strategy.catalog} does), {@code loop.webhook} does not reach back into
     * {@code loop}.
     */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.hpo.(**)").namingSlices("package $1")
                .should().beFreeOfCycles()
                .check(CLASSES);
    }
}
