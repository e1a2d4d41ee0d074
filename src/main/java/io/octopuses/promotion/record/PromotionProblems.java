package io.octopuses.promotion.record;

import java.util.Map;

import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;

/** The promotion's domain errors, each saying what was wrong and what to do. */
public final class PromotionProblems {

    private PromotionProblems() {
    }

    public static DomainException notFound(String id) {
        return new DomainException(ProblemKind.NOT_FOUND, "promotion-not-found", "No such promotion",
                "No promotion has the id '" + id + "' on this instance.",
                "Use the id returned by POST /api/v1/promotions, or list promotions with GET /api/v1/promotions.");
    }

    public static DomainException idempotencyKeyReused(String key, String existingId) {
        return new DomainException(ProblemKind.CONFLICT, "idempotency-key-reused", "Idempotency key already used",
                "The Idempotency-Key '" + key + "' was already used by you for promotion " + existingId
                        + ", which asked for a different release, server or environment.",
                "Send a new Idempotency-Key for a new promotion, or repeat the original request unchanged.",
                Map.of("promotionId", existingId));
    }

    public static DomainException invalidIdempotencyKey() {
        return new DomainException(ProblemKind.INVALID, "invalid-idempotency-key", "Unusable Idempotency-Key",
                "The Idempotency-Key header must be 1 to 200 letters, digits or the characters . _ : / + = -.",
                "Send a key such as your CI build's id (e.g. build-4711), or leave the header out.");
    }

    public static DomainException sameServer(String slug) {
        return new DomainException(ProblemKind.INVALID, "promotion-same-server", "Source and target are the same server",
                "The release would be promoted from '" + slug + "' to '" + slug + "'.",
                "Deploy it with Octopus itself, or name another server as targetServer.");
    }

    public static DomainException sourceNotConnected(String slug) {
        return new DomainException(ProblemKind.REFUSED, "promotion-source-disconnected", "The source server is not reachable from here",
                "The source server '" + slug + "' is DISCONNECTED on this instance, so its release cannot be exported here.",
                "Start the promotion on the Octopuses instance of the source server's zone.");
    }

    public static DomainException noLogYet(String id, String state) {
        return new DomainException(ProblemKind.NOT_FOUND, "promotion-log-not-yet", "No remote log yet",
                "Promotion " + id + " is " + state + ": the remote task log comes back with the results.",
                "Follow GET /api/v1/promotions/" + id + " until the promotion ends, then ask again.");
    }

    public static DomainException malformedBundle(String promotionId, String why) {
        return new DomainException(ProblemKind.INVALID, "promotion-bundle-malformed", "Not a usable promotion bundle",
                "The bundle of promotion " + promotionId + " cannot be used: " + why + ".",
                "Ask the sending instance for a new bundle; check both run the same Octopuses version.");
    }

    public static DomainException notDisconnected(String slug) {
        return new DomainException(ProblemKind.REFUSED, "promotion-target-not-here", "The target server is not served here",
                "This instance has no CONNECTED server '" + slug + "' to import the promotion into.",
                "Register the target server under the same slug on this instance (CONNECTED), then send the bundle again.");
    }
}
