package io.octopuses.promotion;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.octopuses.bundle.BundleInbox;
import io.octopuses.bundle.BundleOutbox;
import io.octopuses.bundle.Bundles;
import io.octopuses.bundle.OpenedBundle;
import io.octopuses.bundle.SealedBundle;
import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;

/**
 * Carries a sealed bundle on: into this instance's own inbox (in-process, when this instance serves the other side
 * too) or into the outbox (to be carried across a boundary). Both are once only: a retry after the bundle arrived
 * does nothing.
 */
@Component
public class BundleDelivery {

    private final Bundles bundles;
    private final BundleInbox inbox;
    private final BundleOutbox outbox;

    BundleDelivery(Bundles bundles, BundleInbox inbox, BundleOutbox outbox) {
        this.bundles = bundles;
        this.inbox = inbox;
        this.outbox = outbox;
    }

    /**
     * Receives the bundle this instance has just sealed here, unless it was received already: checked like any other,
     * except that its entries are not hashed a second time (they are checked as the import reads them).
     */
    public void inProcess(UUID bundleId, Path file) {
        if (!exists(() -> inbox.item(bundleId))) {
            inbox.receiveSealedHere(file);
        }
    }

    /** Puts the bundle in the outbox, unless it is there already. */
    public void toOutbox(UUID bundleId, Path file) {
        if (!exists(() -> outbox.item(bundleId))) {
            try (OpenedBundle opened = bundles.open(file)) {
                outbox.put(new SealedBundle(opened.manifest(), file));
            }
        }
    }

    /** True when this instance signed bundles with that instance id (the other side is this instance). */
    public boolean isThisInstance(String instanceId) {
        return bundles.instance().instanceId().toString().equals(instanceId);
    }

    private static boolean exists(Runnable lookup) {
        try {
            lookup.run();
            return true;
        } catch (DomainException absent) {
            if (absent.kind() == ProblemKind.NOT_FOUND) {
                return false;
            }
            throw absent;
        }
    }
}
