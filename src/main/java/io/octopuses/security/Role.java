package io.octopuses.security;

/**
 * What a person may do in Octopuses. Roles come from Camunda group membership ({@link SecurityGroups}); every
 * authenticated user is a {@link #READER}. Farm admins can do everything operators can; operators and approvers
 * can read. Approving is never implied by another role: an approver is chosen for the task, not promoted to it.
 */
public enum Role {

    /** Inventory, configuration and users: registers, changes and removes servers; manages Camunda. */
    FARM_ADMIN,
    /** Starts and cancels processes, polls servers now. */
    OPERATOR,
    /** Completes the approval tasks offered to their groups. */
    APPROVER,
    /** Reads the farm, its health and its processes. */
    READER;

    /** The Spring Security authority, e.g. {@code ROLE_FARM_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Spring Security's role hierarchy notation for the implications above. */
    static String hierarchy() {
        return FARM_ADMIN.authority() + " > " + OPERATOR.authority() + "\n"
                + OPERATOR.authority() + " > " + READER.authority() + "\n"
                + APPROVER.authority() + " > " + READER.authority();
    }
}
