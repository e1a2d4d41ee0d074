package io.octopuses.access.reconcile;

import java.util.List;

/**
 * Told of every reconciliation run that was not a plan, after it, with what it found (e.g. to report servers whose
 * slice came in a bundle back to the sender). A listener that fails is logged; the run's results stand.
 */
public interface ReconcileListener {

    void reconciled(List<ServerReport> reports);
}
