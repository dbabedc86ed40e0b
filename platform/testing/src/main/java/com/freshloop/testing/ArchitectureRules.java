package com.freshloop.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The architecture rules every service keeps (STYLE §7), in one place:
 *
 * <ul>
 *   <li>features (top-level packages under the application's package) do not reach into each other's
 *       internals and have no cycles (Spring Modulith);
 *   <li>only the {@code web} package depends on web types;
 *   <li>only {@code *Listener} classes depend on Spring Kafka.
 * </ul>
 */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    public static void verify(Class<?> application) {
        String base = application.getPackageName();
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
        ApplicationModules.of(application).verify();
        noClasses()
                .that()
                .resideOutsideOfPackage(base + ".web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .because("web types belong in the web package")
                .check(classes);
        noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Listener")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework.kafka..")
                .because("only listeners talk to Kafka")
                .check(classes);
    }
}
