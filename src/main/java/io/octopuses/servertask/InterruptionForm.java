package io.octopuses.servertask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.octopuses.octopus.resources.Form;
import io.octopuses.octopus.resources.FormElement;
import io.octopuses.octopus.resources.InterruptionResource;

/**
 * Reads an interruption's form the way Octopus's own UI does: the {@code SubmitButtonGroup} element is the decision
 * (its name is the key to submit, {@code Result} or {@code Guidance}; its {@code Buttons} the choices), a
 * {@code TextArea} takes the notes, a {@code Paragraph} or the {@code Instructions} value says what to do. Servers
 * that send no buttons (Octopus's Swagger does not describe them) get the documented choices for the type.
 */
final class InterruptionForm {

    static final String MANUAL_INTERVENTION = "ManualIntervention";
    static final String GUIDED_FAILURE = "GuidedFailure";
    private static final List<String> MANUAL_CHOICES = List.of("Proceed", "Abort");
    private static final List<String> GUIDANCE_CHOICES = List.of("Retry", "Ignore", "Fail");
    private static final int MAX_TEXT = 2000;

    private final InterruptionResource interruption;

    InterruptionForm(InterruptionResource interruption) {
        this.interruption = Objects.requireNonNull(interruption, "interruption");
    }

    PendingInterruption describe(String spaceId) {
        return new PendingInterruption(interruption.id(), spaceId, type(), bounded(interruption.title()),
                bounded(instructions()), choices());
    }

    /** The body of {@code POST …/interruptions/{id}/submit}: the decision under the form's key, and the notes. */
    Map<String, Object> answer(String decision, String notes) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(decisionKey(), decision);
        values.put(notesKey(), notes);
        return values;
    }

    boolean offers(String decision) {
        return choices().stream().anyMatch(choice -> choice.value().equals(decision));
    }

    String type() {
        if (interruption.type() != null) {
            return interruption.type();
        }
        String title = String.valueOf(interruption.title());
        return title.endsWith(" requires failure guidance") ? GUIDED_FAILURE : MANUAL_INTERVENTION;
    }

    private String decisionKey() {
        return element("SubmitButtonGroup").map(FormElement::name)
                .orElse(MANUAL_INTERVENTION.equals(type()) ? "Result" : "Guidance");
    }

    private String notesKey() {
        return element("TextArea").map(FormElement::name).orElse("Notes");
    }

    private List<PendingInterruption.Choice> choices() {
        List<PendingInterruption.Choice> choices = new ArrayList<>();
        Object buttons = element("SubmitButtonGroup").map(e -> e.control().get("Buttons")).orElse(null);
        if (buttons instanceof List<?> list) {
            for (Object button : list) {
                if (button instanceof Map<?, ?> map && map.get("Text") != null) {
                    String label = map.get("Text").toString();
                    Object value = map.get("Value");
                    choices.add(new PendingInterruption.Choice(bounded(label), value == null ? label : value.toString()));
                }
            }
        }
        if (choices.isEmpty()) {
            (MANUAL_INTERVENTION.equals(type()) ? MANUAL_CHOICES : GUIDANCE_CHOICES)
                    .forEach(choice -> choices.add(new PendingInterruption.Choice(choice, choice)));
        }
        return choices;
    }

    private String instructions() {
        Form form = interruption.form();
        Object value = form == null || form.values() == null ? null : form.values().get("Instructions");
        if (value != null && !value.toString().isBlank()) {
            return value.toString();
        }
        Object paragraph = element("Paragraph").map(e -> e.control().get("Text")).orElse(null);
        if (paragraph != null && !paragraph.toString().isBlank()) {
            return paragraph.toString();
        }
        return GUIDED_FAILURE.equals(type())
                ? "A step failed, and Octopus asks what to do: retry it, ignore the failure, or fail the deployment. "
                        + "The task log in Octopus says why it failed."
                : "Octopus waits for a person to proceed or abort.";
    }

    private java.util.Optional<FormElement> element(String controlType) {
        Form form = interruption.form();
        if (form == null || form.elements() == null) {
            return java.util.Optional.empty();
        }
        return form.elements().stream()
                .filter(e -> e.control() != null && controlType.equals(e.control().get("Type")))
                .findFirst();
    }

    private static String bounded(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, MAX_TEXT - 1) + "…";
    }
}
