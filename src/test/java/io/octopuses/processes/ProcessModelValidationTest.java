package io.octopuses.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every file in processes/ keeps the house rules; each rule is shown to catch a model that breaks it. */
class ProcessModelValidationTest {

    private static final Path PROCESSES = Path.of("processes");
    private final ProcessModelRules rules = new ProcessModelRules(ProcessModelValidationTest::isDelegateBean);

    @Test
    void everyProcessKeepsTheHouseRules() throws IOException {
        List<Path> models;
        try (Stream<Path> files = Files.walk(PROCESSES)) {
            models = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(models).as("BPMN files in processes/").isNotEmpty();
        for (Path model : models) {
            try (InputStream in = Files.newInputStream(model)) {
                assertThat(rules.check(model.toString(), in)).as(model.toString()).isEmpty();
            }
        }
    }

    @Test
    void aModelThatKeepsEveryRulePasses() throws IOException {
        assertThat(check("valid.bpmn")).isEmpty();
    }

    @ParameterizedTest(name = "{0} is caught")
    @CsvSource(delimiter = '|', value = {
            "no-ttl.bpmn            | has no camunda:historyTimeToLive",
            "not-async.bpmn         | is not camunda:asyncBefore",
            "no-retry-cycle.bpmn    | has no camunda:failedJobRetryTimeCycle",
            "class-delegate.bpmn    | uses camunda:class; only delegateExpression is allowed",
            "unknown-delegate.bpmn  | names delegate bean 'sendCarrierPigeon', but no JavaDelegate class SendCarrierPigeon exists",
            "no-modeler-attrs.bpmn  | lack modeler:executionPlatform",
            "user-task-sync.bpmn    | is not camunda:asyncAfter",
            "no-diagram.bpmn        | the diagram does not show",
            "cryptic-ids.bpmn       | is not readable"})
    void aBrokenModelIsCaught(String file, String expectedViolation) throws IOException {
        assertThat(check(file)).anySatisfy(violation -> assertThat(violation).contains(expectedViolation));
    }

    private List<String> check(String fixture) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/model-validation/" + fixture)) {
            assertThat(in).as("fixture " + fixture).isNotNull();
            return rules.check(fixture, in);
        }
    }

    /** Bean name {@code checkServerStillOffline} ⇔ a JavaDelegate class {@code CheckServerStillOffline} in io.octopuses. */
    private static boolean isDelegateBean(String bean) {
        String simpleName = Character.toUpperCase(bean.charAt(0)) + bean.substring(1);
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/io/octopuses"))) {
            return sources.filter(file -> file.getFileName().toString().equals(simpleName + ".java"))
                    .map(ProcessModelValidationTest::toClassName)
                    .anyMatch(ProcessModelValidationTest::isJavaDelegate);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String toClassName(Path source) {
        String relative = Path.of("src/main/java").relativize(source).toString();
        return relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
    }

    private static boolean isJavaDelegate(String className) {
        try {
            return JavaDelegate.class.isAssignableFrom(Class.forName(className));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
