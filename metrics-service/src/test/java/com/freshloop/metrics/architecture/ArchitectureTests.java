package com.freshloop.metrics.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layout is the architecture: these rules keep it so. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.freshloop.metrics");

    @Test
    void webTypesLiveOnlyInWebPackages() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "jakarta.servlet..",
                        "com.freshloop.starter.web..")
                .check(CLASSES);
    }

    @Test
    void controllersLiveInWebPackages() {
        classes()
                .that()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should()
                .resideInAPackage("..web..")
                .check(CLASSES);
    }

    @Test
    void kafkaTypesLiveOnlyInMessagingAndConfiguration() {
        noClasses()
                .that()
                .resideOutsideOfPackages("..messaging..", "com.freshloop.metrics.config..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..")
                .check(CLASSES);
    }

    @Test
    void onlyTheClickHousePackageTalksToClickHouse() {
        noClasses()
                .that()
                .resideOutsideOfPackage("com.freshloop.metrics.clickhouse..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.clickhouse..")
                .check(CLASSES);
    }

    @Test
    void featureRootsKnowNothingOfTheirAdapters() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "com.freshloop.metrics.eventstore",
                        "com.freshloop.metrics.kpi",
                        "com.freshloop.metrics.attribution",
                        "com.freshloop.metrics.alerts",
                        "com.freshloop.metrics.feedback",
                        "com.freshloop.metrics.audit")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..web..", "..messaging..")
                .check(CLASSES);
    }

    @Test
    void metricsAreComputedWithoutKnowingWhoAsksForThem() {
        // the metrics are the bottom layer: alerts and attribution use them, never the other way round
        noClasses()
                .that()
                .resideInAPackage("com.freshloop.metrics.kpi")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.freshloop.metrics.alerts..",
                        "com.freshloop.metrics.attribution..",
                        "com.freshloop.metrics.feedback..",
                        "com.freshloop.metrics.audit..")
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotTalkToEachOther() {
        noClasses()
                .that()
                .resideInAPackage("..web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..messaging..")
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("com.freshloop.metrics.clickhouse..")
                .check(CLASSES);
    }

    @Test
    void noJdbcAnywhere() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..")
                .check(CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("com.freshloop.metrics.(**)")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }
}
