package io.octopuses.bundle;

import java.util.Map;

import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;

/**
 * A bundle that is refused: its {@link #type()} (e.g. {@code bundle-replayed}, {@code bundle-tampered}) says which
 * check failed, the message what exactly was wrong and {@link #fix()} what to do. Nothing of it was kept.
 */
public class BundleRejectedException extends DomainException {

    BundleRejectedException(ProblemKind kind, String type, String title, String detail, String fix) {
        super(kind, type, title, detail, fix);
    }

    BundleRejectedException(ProblemKind kind, String type, String title, String detail, String fix,
                            Map<String, Object> properties) {
        super(kind, type, title, detail, fix, properties);
    }
}
