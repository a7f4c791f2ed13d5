package vn.childprotection.platform.reporting;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** conventions.md, "Layout of a service": domain and application are plain Java. */
@AnalyzeClasses(packages = "vn.childprotection.platform.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FRAMEWORKS = {
            "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
            "com.fasterxml.jackson..", "tools.jackson..", "io.micrometer..", "jakarta.persistence.."};

    @ArchTest
    static final ArchRule domain_is_plain_java = noClasses()
            .that().resideInAPackage("..reporting.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);

    @ArchTest
    static final ArchRule application_is_plain_java = noClasses()
            .that().resideInAPackage("..reporting.application..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);

    @ArchTest
    static final ArchRule domain_does_not_know_the_application_or_adapters = noClasses()
            .that().resideInAPackage("..reporting.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..reporting.application..",
                    "..reporting.adapter..", "..reporting.config..");

    @ArchTest
    static final ArchRule application_does_not_know_the_adapters = noClasses()
            .that().resideInAPackage("..reporting.application..")
            .should().dependOnClassesThat().resideInAnyPackage("..reporting.adapter..", "..reporting.config..");
}
