package io.octopuses.access.reconcile;

/** What reconciliation does with drift: differences made on the server after the farm's slice was applied there. */
public enum DriftMode {
    /** Undo it: the server is brought back to the desired state, and the audit says what was undone. */
    CORRECT,
    /** Only report it: the server shows DRIFTED with the differences until a farm admin reconciles it. */
    REPORT
}
