package io.octopuses.access.desired;

/**
 * Adds to the desired-state document what is granted elsewhere, e.g. access requests approved and not yet expired.
 * The reconciler applies the document as every contributor bean has extended it ({@link DesiredStates#effective()}).
 */
public interface DesiredStateContributor {

    /** {@code state} with this contributor's teams, members or grants added; never removes anything. */
    DesiredState contribute(DesiredState state);
}
