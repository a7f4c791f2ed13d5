package vn.childprotection.platform.referral;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** conventions.md "Layout of a service": domain and application are plain Java. */
@AnalyzeClasses(packages = "vn.childprotection.platform.referral", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FRAMEWORKS = {
            "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
            "tools.jackson..", "com.fasterxml.jackson..", "org.yaml..", "jakarta.persistence..", "io.micrometer.."};

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses()
            .that().resideInAPackage("..referral.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);

    @ArchTest
    static final ArchRule applicationIsFreeOfFrameworks = noClasses()
            .that().resideInAPackage("..referral.application..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);

    @ArchTest
    static final ArchRule domainDependsOnNoOuterLayer = noClasses()
            .that().resideInAPackage("..referral.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..referral.application..", "..referral.adapter..", "..referral.config..");

    @ArchTest
    static final ArchRule applicationDependsOnNoAdapterOrConfig = noClasses()
            .that().resideInAPackage("..referral.application..")
            .should().dependOnClassesThat().resideInAnyPackage("..referral.adapter..", "..referral.config..");

    @ArchTest
    static final ArchRule incomingAdaptersDoNotUseOutgoingOnes = noClasses()
            .that().resideInAPackage("..referral.adapter.in..")
            .should().dependOnClassesThat().resideInAnyPackage("..referral.adapter.out..");
}
