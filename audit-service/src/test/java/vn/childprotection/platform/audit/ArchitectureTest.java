package vn.childprotection.platform.audit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** conventions.md, "Layout of a service": domain and application are plain Java, beans come from config. */
@AnalyzeClasses(packages = "vn.childprotection.platform.audit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FRAMEWORKS = {
            "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
            "com.fasterxml.jackson..", "tools.jackson..", "io.micrometer..", "jakarta.."};

    @ArchTest
    static final ArchRule domain_is_plain_java = noClasses()
            .that().resideInAPackage("..audit.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);

    @ArchTest
    static final ArchRule application_is_plain_java = noClasses()
            .that().resideInAPackage("..audit.application..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);

    @ArchTest
    static final ArchRule domain_and_application_do_not_know_the_edge_of_other_modules = noClasses()
            .that().resideInAnyPackage("..audit.domain..", "..audit.application..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.childprotection.platform.support..");

    @ArchTest
    static final ArchRule domain_does_not_know_the_application_or_adapters = noClasses()
            .that().resideInAPackage("..audit.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..audit.application..",
                    "..audit.adapter..", "..audit.config..");

    @ArchTest
    static final ArchRule application_does_not_know_the_adapters = noClasses()
            .that().resideInAPackage("..audit.application..")
            .should().dependOnClassesThat().resideInAnyPackage("..audit.adapter..", "..audit.config..");

    @ArchTest
    static final ArchRule adapters_are_in_adapter_in_or_out = noClasses()
            .that().resideInAPackage("..audit.adapter..")
            .should().resideOutsideOfPackages("..audit.adapter.in..", "..audit.adapter.out..");

    @ArchTest
    static final ArchRule beans_are_declared_in_configuration_classes = methods()
            .that().areAnnotatedWith(Bean.class)
            .should().beDeclaredInClassesThat().areAnnotatedWith(Configuration.class)
            .andShould().beDeclaredInClassesThat().resideInAPackage("..audit.config..");

    @ArchTest
    static final ArchRule configuration_classes_are_in_config = classes()
            .that().areAnnotatedWith(Configuration.class)
            .should().resideInAPackage("..audit.config..");
}
