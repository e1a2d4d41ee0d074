package io.octopuses.upgrade.campaign;

/**
 * A server's upgrade step found something a person must decide on (not a technical fault to retry): the server
 * does not answer on the new version in time, its smoke check differs, its executor failed. The message says what
 * happened and what to check.
 */
public class UpgradeStepFailed extends RuntimeException {

    public UpgradeStepFailed(String message) {
        super(message);
    }
}
