package com.freshloop.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private final com.tngtech.archunit.core.domain.JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.freshloop.events");

    @Test
    void contractsDoNotDependOnSpringOrFlink() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.flink..", "org.apache.kafka..")
                .check(classes);
    }

    @Test
    void eventRecordsDoNotDependOnJackson() {
        noClasses()
                .that()
                .resideInAPackage("com.freshloop.events.*.v1..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("tools.jackson..")
                .check(classes);
    }
}
