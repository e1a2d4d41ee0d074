package io.octopuses.access.request;

/** Where an access request stands (docs/access-requests.md). */
public enum AccessRequestStatus {
    /** Recorded, waiting for an owner's decision. */
    PENDING,
    /** Refused by validation before anyone was asked (a Tasklist start with a wrong field). Nothing was granted. */
    REFUSED,
    /** An owner rejected it, or nobody decided in time. Nothing was granted. */
    REJECTED,
    /** Approved and in the desired state until it expires or is revoked. */
    ACTIVE,
    /** Ended by its expiry timer. */
    EXPIRED,
    /** Ended early by the requester, an owner or a farm admin. */
    REVOKED;

    public boolean ended() {
        return this != PENDING && this != ACTIVE;
    }
}
