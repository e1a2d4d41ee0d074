package io.octopuses.servertask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.octopuses.octopus.resources.Form;
import io.octopuses.octopus.resources.FormElement;
import io.octopuses.octopus.resources.InterruptionResource;

/** An interruption's form read as Octopus's UI reads it: the choices it offers, the key to answer, the instructions. */
class InterruptionFormTest {

    @Test
    void theButtonsOctopusSendsAreTheChoices() {
        InterruptionResource guidance = interruption("GuidedFailure", "Deploy requires failure guidance", List.of(
                new FormElement("Guidance", Map.of("Type", "SubmitButtonGroup", "Buttons", List.of(
                        Map.of("Text", "Fail", "Value", "Fail"),
                        Map.of("Text", "Exclude machine from deployment", "Value", "Exclude"),
                        Map.of("Text", "Retry"))), true),
                new FormElement("Notes", Map.of("Type", "TextArea"), false)), Map.of());

        PendingInterruption pending = new InterruptionForm(guidance).describe("Spaces-1");

        assertThat(pending.choices()).containsExactly(new PendingInterruption.Choice("Fail", "Fail"),
                new PendingInterruption.Choice("Exclude machine from deployment", "Exclude"),
                new PendingInterruption.Choice("Retry", "Retry"));
        assertThat(new InterruptionForm(guidance).answer("Exclude", "flaky host"))
                .containsExactly(Map.entry("Guidance", "Exclude"), Map.entry("Notes", "flaky host"));
        assertThat(new InterruptionForm(guidance).offers("Ignore")).isFalse();
    }

    @Test
    void withoutButtonsTheDocumentedChoicesOfTheTypeAreOffered() {
        InterruptionResource manual = interruption(null, "Approve", List.of(
                new FormElement("Instructions", Map.of("Type", "Paragraph", "Text", "Check the dashboards"), false),
                new FormElement("Result", Map.of("Type", "SubmitButtonGroup"), true)), Map.of());

        PendingInterruption pending = new InterruptionForm(manual).describe("Spaces-1");

        assertThat(pending.type()).isEqualTo("ManualIntervention");
        assertThat(pending.instructions()).isEqualTo("Check the dashboards");
        assertThat(pending.choices()).extracting(PendingInterruption.Choice::value).containsExactly("Proceed", "Abort");
        assertThat(pending.options()).first().isEqualTo(Map.of("label", "Proceed", "value", "Proceed"));
        assertThat(new InterruptionForm(manual).answer("Proceed", "ok")).containsEntry("Result", "Proceed")
                .containsEntry("Notes", "ok");
    }

    @Test
    void anOlderServerWithoutATypeIsRecognisedByItsTitle() {
        InterruptionResource old = interruption(null, "Run smoke tests requires failure guidance", List.of(),
                Map.of());

        PendingInterruption pending = new InterruptionForm(old).describe("Spaces-1");

        assertThat(pending.type()).isEqualTo("GuidedFailure");
        assertThat(pending.choices()).extracting(PendingInterruption.Choice::value).containsExactly("Retry", "Ignore", "Fail");
        assertThat(pending.instructions()).contains("A step failed");
        assertThat(new InterruptionForm(old).answer("Retry", "")).containsKey("Guidance");
    }

    private static InterruptionResource interruption(String type, String title, List<FormElement> elements,
                                                     Map<String, Object> values) {
        return new InterruptionResource("Interruptions-1", title, type, true, null, "ServerTasks-1", null, List.of(),
                List.of(), null, true, false, false, new Form(elements, values), "Spaces-1", Map.of());
    }
}
