package io.octopuses.problem;

/**
 * What kind of failure a {@link DomainException} is, in the domain's words; the web layer turns it into an HTTP
 * status ({@link ApiProblemHandler}), a delegate into a BPMN error or an incident.
 */
public enum ProblemKind {
    /** The request itself is wrong (a field, a value): the caller must change it. */
    INVALID,
    /** The caller's role does not allow it. */
    FORBIDDEN,
    /** What the request names does not exist. */
    NOT_FOUND,
    /** It clashes with the current state (a duplicate, a change made meanwhile): read again, then decide. */
    CONFLICT,
    /** Well formed, but refused after checking (e.g. an Octopus server that fails verification). */
    REFUSED,
    /** Something this needs is not available right now: try again later. */
    UNAVAILABLE
}
