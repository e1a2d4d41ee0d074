package io.octopuses.servertask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A manual intervention or guided-failure prompt the task waits on, as a person in Tasklist needs to see it.
 *
 * @param id            {@code Interruptions-...}
 * @param spaceId       the space it lives in (its API is space-scoped)
 * @param type          {@code ManualIntervention} or {@code GuidedFailure}
 * @param title         Octopus's title, e.g. the manual step's name
 * @param instructions  the step's instructions, or what Octopus asks
 * @param choices       what Octopus offers, read from its form (Proceed/Abort; Retry/Ignore/Fail/...)
 */
record PendingInterruption(String id, String spaceId, String type, String title, String instructions,
                           List<Choice> choices) {

    /** One answer Octopus offers: the button's text and the value submitted. */
    record Choice(String label, String value) {
    }

    /**
     * The choices as [{label, value}], what a Camunda Form's radio group reads from a variable ({@code valuesKey});
     * plain JDK collections, as a JSON-serialized variable records their types.
     */
    ArrayList<LinkedHashMap<String, String>> options() {
        ArrayList<LinkedHashMap<String, String>> options = new ArrayList<>();
        for (Choice choice : choices) {
            LinkedHashMap<String, String> option = new LinkedHashMap<>();
            option.put("label", choice.label());
            option.put("value", choice.value());
            options.add(option);
        }
        return options;
    }
}
