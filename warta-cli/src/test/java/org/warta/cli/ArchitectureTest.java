package org.warta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Layering: the core never reaches into the CLI, and the model depends on nothing else of Warta's. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.warta");

    @Test
    void coreDoesNotDependOnTheCli() {
        noClasses().that().resideInAPackage("org.warta..").and().resideOutsideOfPackage("org.warta.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.warta.cli..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCliDependsOnTheStore() {
        // warta-cli → warta-store → warta-core: the core never reaches into the store
        noClasses().that().resideInAPackage("org.warta..").and().resideOutsideOfPackage("org.warta.store..")
                .and().resideOutsideOfPackage("org.warta.cli..")
                .and().resideOutsideOfPackage("org.warta.server..")
                .should().dependOnClassesThat().resideInAPackage("org.warta.store..")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnTheServer() {
        // warta-server (the explorer) sits on top: only the CLI's serve command starts it
        noClasses().that().resideInAPackage("org.warta..").and().resideOutsideOfPackage("org.warta.server..")
                .and().doNotHaveFullyQualifiedName("org.warta.cli.ServeCommand")
                .should().dependOnClassesThat().resideInAPackage("org.warta.server..")
                .check(CLASSES);
    }

    @Test
    void theModelDependsOnNothingElseInWarta() {
        noClasses().that().resideInAPackage("org.warta.model..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.warta..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage("org.warta.model..")))
                .check(CLASSES);
    }

    @Test
    void bothModulesAreImported() {
        // the rules above are only worth something if they see the core's classes and the CLI's
        assertThat(CLASSES.contain("org.warta.Warta")).isTrue();
        assertThat(CLASSES.contain("org.warta.model.Event")).isTrue();
        assertThat(CLASSES.contain("org.warta.cli.Main")).isTrue();
        assertThat(CLASSES.contain("org.warta.store.Store")).isTrue();
        assertThat(CLASSES.contain("org.warta.server.WartaServer")).isTrue();
    }
}
