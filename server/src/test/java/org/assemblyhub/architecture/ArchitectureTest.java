package org.assemblyhub.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.assemblyhub");

    @Test
    void domain_code_imports_no_framework() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.vertx..", "com.fasterxml..", "com.hazelcast..", "io.netty..", "org.apache.commons..",
                        "org.assemblyhub.store..", "org.assemblyhub.web..", "org.assemblyhub.support..")
                .because("the domain is plain Java: decisions and folds, no I/O, no serialisation")
                .check(CLASSES);
    }

    @Test
    void domain_code_does_not_depend_on_the_engine_or_views() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..engine..", "..view..", "..roster..", "..access..")
                .check(CLASSES);
    }

    @Test
    void capabilities_build_on_the_assembly_core_never_the_other_way() {
        noClasses().that().resideInAPackage("org.assemblyhub.assembly.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.assemblyhub.live..", "org.assemblyhub.breakout..")
                .check(CLASSES);
    }

    @Test
    void the_journal_knows_nothing_of_the_web_or_the_domain() {
        noClasses().that().resideInAPackage("org.assemblyhub.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.assemblyhub.web..", "org.assemblyhub.assembly..")
                .check(CLASSES);
    }
}
