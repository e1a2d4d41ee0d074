package io.octopuses;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The house rules of STYLE.md and ARCHITECTURE.md that a compiler does not check. */
@AnalyzeClasses(packages = "io.octopuses", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> DELEGATE_OR_ENGINE_ADAPTER = new DescribedPredicate<>(
            "BPMN delegates or listeners, or classes annotated @EngineAdapter") {
        @Override
        public boolean test(JavaClass type) {
            return type.isAssignableTo("org.camunda.bpm.engine.delegate.JavaDelegate")
                    || type.isAssignableTo("org.camunda.bpm.engine.delegate.ExecutionListener")
                    || type.isAssignableTo("org.camunda.bpm.engine.delegate.TaskListener")
                    || type.isAnnotatedWith(EngineAdapter.class)
                    || type.getEnclosingClass().map(outer -> outer.isAnnotatedWith(EngineAdapter.class)).orElse(false);
        }
    };

    /** So the engine can be swapped for its successor fork (Operaton) mechanically. */
    @ArchTest
    static final ArchRule camundaStaysInDelegatesAndAdapters = noClasses()
            .that(DescribedPredicate.not(DELEGATE_OR_ENGINE_ADAPTER))
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("only delegates and engine adapters may import org.camunda.* (STYLE.md)");

    @ArchTest
    static final ArchRule octopusClientKnowsNoCapability = noClasses()
            .that().resideInAPackage("io.octopuses.octopus..")
            .should().dependOnClassesThat().resideInAnyPackage("io.octopuses.farm..", "io.octopuses.bundle..",
                    "io.octopuses.promotion..", "io.octopuses.upgrade..", "io.octopuses.access..", "io.octopuses.library..",
                    "io.octopuses.web..", "io.octopuses.security..", "io.octopuses.problem..")
            .orShould().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("octopus/ is the Octopus API client and knows nothing of processes or capabilities (ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule octopusTransportStaysInside = noClasses()
            .that().resideOutsideOfPackage("io.octopuses.octopus..")
            .should().dependOnClassesThat().resideInAPackage("io.octopuses.octopus.transport..")
            .because("capabilities use the client through OctopusClient, its areas, errors and resources; how it talks"
                    + " (Feign, OkHttp, retries) may change under them");

    @ArchTest
    static final ArchRule delegatesKnowNoHttp = noClasses()
            .that().implement("org.camunda.bpm.engine.delegate.JavaDelegate")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                    "feign..", "java.net.http..", "jakarta.persistence..", "org.springframework.data..")
            .because("a delegate reads variables, calls one service method and writes variables (STYLE.md)");

    /**
     * Decrypted keys stay in farm/ and security/ (ARCHITECTURE.md, "Server access through farm only"), and the
     * instance's own signing key in the one bundle class that signs with it.
     */
    @ArchTest
    static final ArchRule onlyFarmAndSecurityDecryptSecrets = noClasses()
            .that().resideOutsideOfPackages("io.octopuses.farm..", "io.octopuses.security..")
            .and().doNotHaveFullyQualifiedName("io.octopuses.bundle.InstanceKeys")
            .should().dependOnClassesThat().haveFullyQualifiedName("io.octopuses.security.SecretCipher")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.octopuses.farm.inventory.ServerConnections")
            .because("capabilities ask farm for a client by slug (FarmClients) and never see a decrypted key");

    /** Services speak the domain: HTTP statuses live in web/ (controllers) and the problem rendering only. */
    @ArchTest
    static final ArchRule onlyTheWebLayerSpeaksHttp = noClasses()
            .that().resideInAPackage("io.octopuses.farm..").and().resideOutsideOfPackage("io.octopuses.farm.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..", "org.springframework.web..")
            .because("services throw DomainException; the web layer maps it to problem JSON (issue 6, part 2)");

    @ArchTest
    static final ArchRule capabilitiesAreFreeOfCycles = slices().matching("io.octopuses.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule engineAdaptersAreMarked = classes()
            .that().areAnnotatedWith(EngineAdapter.class)
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("@EngineAdapter is an exemption for engine code; a class without engine imports needs none")
            .allowEmptyShould(true);
}
