package vn.childprotection.platform.intake;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Domain and application are plain Java: no Spring, Kafka, MongoDB/BSON or Jackson (docs/conventions.md). */
@AnalyzeClasses(packages = "vn.childprotection.platform.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule core_is_free_of_frameworks = noClasses()
            .that().resideInAnyPackage("..intake.domain..", "..intake.application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "org.bson..", "tools.jackson..", "com.fasterxml.jackson..", "io.micrometer..",
                    "jakarta..");

    @ArchTest
    static final ArchRule core_does_not_know_its_adapters = noClasses()
            .that().resideInAnyPackage("..intake.domain..", "..intake.application..")
            .should().dependOnClassesThat().resideInAnyPackage("..intake.adapter..", "..intake.config..");

    @ArchTest
    static final ArchRule domain_does_not_depend_on_application = noClasses()
            .that().resideInAPackage("..intake.domain..")
            .should().dependOnClassesThat().resideInAPackage("..intake.application..");
}
