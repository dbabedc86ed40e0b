package com.freshloop.membership;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.freshloop.membership");

    @Test
    void featuresDoNotReachIntoEachOthersInternals() {
        ApplicationModules.of(MembershipApplication.class).verify();
    }

    @Test
    void featureLogicDoesNotDependOnWebTypes() {
        noClasses()
                .that()
                .resideOutsideOfPackage("com.freshloop.membership.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void onlyListenersTalkToKafka() {
        noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Listener")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework.kafka..")
                .check(classes);
    }
}
