package org.assemblyhub.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;

class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.assemblyhub");

    /** The capabilities the server's entry point lists ({@code org.assemblyhub.Capabilities}). */
    private static final List<String> FEATURES = List.of(
            "assembly", "session", "breakout", "poll", "recommendation", "video", "helpdesk", "sortition", "outreach");

    private static String[] features() {
        return FEATURES.stream().map(f -> "org.assemblyhub." + f + "..").toArray(String[]::new);
    }

    @Test
    void domain_code_imports_no_framework() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.vertx..",
                        "com.fasterxml..",
                        "com.hazelcast..",
                        "io.netty..",
                        "org.apache.commons..",
                        "org.assemblyhub.store..",
                        "org.assemblyhub.web..",
                        "org.assemblyhub.support..")
                .because("the domain is plain Java: decisions and folds, no I/O, no serialisation")
                .check(CLASSES);
    }

    @Test
    void domain_code_does_not_depend_on_the_engine_or_views() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..engine..", "..view..", "..roster..", "..access..", "..kernel.plug..")
                .check(CLASSES);
    }

    @Test
    void the_engine_imports_no_capability() {
        noClasses()
                .that()
                .resideInAPackage("org.assemblyhub.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(features())
                .because("the engine is generic over the list of capabilities: adding one never edits it")
                .check(CLASSES);
    }

    @Test
    void capabilities_never_import_each_other_only_the_kernel() {
        for (String feature : FEATURES) {
            String[] others = FEATURES.stream()
                    .filter(f -> !f.equals(feature))
                    .map(f -> "org.assemblyhub." + f + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage("org.assemblyhub." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .orShould()
                    .dependOnClassesThat()
                    .resideInAPackage("org.assemblyhub.engine..")
                    .because("what one capability needs of another is a port of the kernel (Roster, Agenda, Seating)")
                    .check(CLASSES);
        }
    }

    @Test
    void the_kernel_depends_on_no_capability_nor_the_engine_and_its_core_on_no_framework() {
        noClasses()
                .that()
                .resideInAPackage("org.assemblyhub.kernel..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(features())
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("org.assemblyhub.engine..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAnyPackage("org.assemblyhub.kernel", "org.assemblyhub.kernel.agreement")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.vertx..", "com.fasterxml..", "io.netty..")
                .because("the shared vocabulary of every decider is plain Java")
                .check(CLASSES);
    }

    @Test
    void the_journal_knows_nothing_of_the_web_the_engine_or_the_capabilities() {
        noClasses()
                .that()
                .resideInAPackage("org.assemblyhub.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.assemblyhub.web..", "org.assemblyhub.engine..", "org.assemblyhub.kernel..")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage(features())
                .check(CLASSES);
    }
}
