package io.octopuses.access.reconcile;

import java.util.List;

/** What a comparison found, stored with the server's status as JSON. */
record Findings(List<Difference> differences, List<String> notes) {

    static final Findings NONE = new Findings(List.of(), List.of());

    Findings {
        differences = differences == null ? List.of() : List.copyOf(differences);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
