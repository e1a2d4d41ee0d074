package io.octopuses.upgrade.executor;

/**
 * An executor that can tell at start-up whether a configured entry's settings are usable, so a missing command or a
 * {@code file:} URL stops Octopuses from starting instead of failing the first upgrade hours later.
 */
interface SettingsCheck {

    /** Throws {@link ExecutorException} saying which setting is wrong and what to set. */
    void check(ExecutorSettings settings);
}
