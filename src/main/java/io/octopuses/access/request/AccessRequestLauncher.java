package io.octopuses.access.request;

/** The port to "Access request" (processes/access-request.bpmn); both calls join the caller's transaction. */
public interface AccessRequestLauncher {

    /** Starts the process for a request recorded through the REST API (business key = the request's id). */
    void start(AccessRequest request);

    /** Tells the request's waiting process that the grant was revoked, so it stops waiting for the expiry. */
    void revoked(String requestId);
}
