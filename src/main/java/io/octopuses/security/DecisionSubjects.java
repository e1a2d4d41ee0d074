package io.octopuses.security;

/**
 * What a capability tells the engine-enforced four-eyes rule ({@code ${fourEyesRule}} on a user task's assignment
 * and complete events) about the decisions of its processes: who may not claim or complete a task. Read from the
 * capability's own record (by the process's business key), never from task variables a form submission could
 * overwrite.
 */
public interface DecisionSubjects {

    /** Whether this capability's processes include the one with this key. */
    boolean handles(String processKey);

    /**
     * Why {@code person} may not claim or complete the decision of the process with this business key (e.g. they
     * asked for what is decided), shown to them as it is; null when they may.
     */
    String refusal(String processKey, String businessKey, String person);

    /**
     * Whether only the task's candidates (its candidate users and the members of its candidate groups) may decide,
     * so that an administrator who can see every task cannot decide someone else's.
     */
    default boolean candidatesOnly(String processKey) {
        return false;
    }
}
