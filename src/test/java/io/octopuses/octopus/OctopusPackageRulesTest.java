package io.octopuses.octopus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The Octopus client is one capability: it knows nothing of processes, the farm, or our HTTP layer. */
@AnalyzeClasses(packages = "io.octopuses.octopus", importOptions = ImportOption.DoNotIncludeTests.class)
class OctopusPackageRulesTest {

    @ArchTest
    static final ArchRule knowsNoEngineFarmOrWebLayer = noClasses()
            .that().resideInAPackage("io.octopuses.octopus..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.camunda..", "org.operaton..", "jakarta.servlet..", "org.springframework.web..",
                    "org.springframework.data..", "io.octopuses.farm..", "io.octopuses.promotion..",
                    "io.octopuses.upgrade..", "io.octopuses.access..", "io.octopuses.library..",
                    "io.octopuses.bundle..", "io.octopuses.web..", "io.octopuses.security..");

    @ArchTest
    static final ArchRule publishedRoomsKnowNoTransport = noClasses()
            .that().resideInAnyPackage("io.octopuses.octopus.areas..", "io.octopuses.octopus.errors..",
                    "io.octopuses.octopus.resources..")
            .should().dependOnClassesThat().resideInAPackage("io.octopuses.octopus.transport..")
            .because("what other modules see must not drag the Feign and OkHttp internals along");

    @ArchTest
    static final ArchRule errorsAndResourcesStandAlone = noClasses()
            .that().resideInAnyPackage("io.octopuses.octopus.errors..", "io.octopuses.octopus.resources..")
            .should().dependOnClassesThat().resideInAnyPackage("io.octopuses.octopus", "io.octopuses.octopus.areas..");

    @ArchTest
    static final ArchRule resourcesAreOnlyData = noClasses()
            .that().resideInAPackage("io.octopuses.octopus.resources..")
            .should().dependOnClassesThat().resideInAPackage("feign..");
}
