package vn.childprotection.platform.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** conventions.md "Layout of a service": domain and application are plain Java. */
@AnalyzeClasses(packages = "vn.childprotection.platform.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FRAMEWORKS = {
            "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
            "tools.jackson..", "com.fasterxml.jackson..", "jakarta.persistence..", "io.micrometer.."};

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses()
            .that().resideInAPackage("..notification.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);

    @ArchTest
    static final ArchRule applicationIsFreeOfFrameworks = noClasses()
            .that().resideInAPackage("..notification.application..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);

    @ArchTest
    static final ArchRule domainDependsOnNoOuterLayer = noClasses()
            .that().resideInAPackage("..notification.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..notification.application..", "..notification.adapter..", "..notification.config..");

    @ArchTest
    static final ArchRule applicationDependsOnNoAdapterOrConfig = noClasses()
            .that().resideInAPackage("..notification.application..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..notification.adapter..", "..notification.config..");

    @ArchTest
    static final ArchRule adaptersDoNotUseEachOther = noClasses()
            .that().resideInAPackage("..notification.adapter.in..")
            .should().dependOnClassesThat().resideInAnyPackage("..notification.adapter.out..");
}
