package io.octopuses.problem;

import java.util.Map;

/**
 * A failure a service explains in the domain's terms: a {@link ProblemKind}, a stable {@code type} (e.g.
 * {@code duplicate-slug}), a title, a detail that names the cause (the message), and the fix. No HTTP status and no
 * REST paths: the web layer renders it as RFC 9457 problem JSON ({@link ApiProblemHandler}), a delegate maps it to a
 * BPMN error its model catches or lets it become an incident.
 */
public class DomainException extends RuntimeException {

    private final ProblemKind kind;
    private final String type;
    private final String title;
    private final String fix;
    private final Map<String, Object> properties;

    public DomainException(ProblemKind kind, String type, String title, String detail, String fix) {
        this(kind, type, title, detail, fix, Map.of());
    }

    public DomainException(ProblemKind kind, String type, String title, String detail, String fix,
                           Map<String, Object> properties) {
        super(detail);
        this.kind = kind;
        this.type = type;
        this.title = title;
        this.fix = fix;
        this.properties = Map.copyOf(properties);
    }

    public ProblemKind kind() {
        return kind;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String fix() {
        return fix;
    }

    /** Further facts for the caller (e.g. the fields that are wrong), shown as properties of the problem. */
    public Map<String, Object> properties() {
        return properties;
    }
}
