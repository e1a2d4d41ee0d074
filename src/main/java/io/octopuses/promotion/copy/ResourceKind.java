package io.octopuses.promotion.copy;

/** The kinds of Octopus resources a release refers to by id on a server, and so by name in a bundle. */
public enum ResourceKind {
    ENVIRONMENT("environment"),
    LIFECYCLE("lifecycle"),
    CHANNEL("channel"),
    FEED("feed"),
    WORKER_POOL("worker pool"),
    ACCOUNT("account"),
    CERTIFICATE("certificate"),
    STEP_TEMPLATE("step template"),
    LIBRARY_VARIABLE_SET("library variable set"),
    PROJECT_GROUP("project group");

    private final String words;

    ResourceKind(String words) {
        this.words = words;
    }

    /** How a person calls it: "worker pool". */
    public String words() {
        return words;
    }
}
