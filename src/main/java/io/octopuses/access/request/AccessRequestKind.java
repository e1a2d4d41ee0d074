package io.octopuses.access.request;

/** What an access request asks for. */
public enum AccessRequestKind {
    /** Membership of a farm team of the desired state; its owners approve. */
    TEAM,
    /** A user role on one server, through a team created for the request; the server's owning team's owners approve. */
    SERVER_ROLE
}
