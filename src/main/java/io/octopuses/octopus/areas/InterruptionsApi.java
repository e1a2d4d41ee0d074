package io.octopuses.octopus.areas;

import java.util.Map;

import feign.Param;
import feign.RequestLine;

import io.octopuses.octopus.resources.InterruptionResource;
import io.octopuses.octopus.resources.ResourceCollection;
import io.octopuses.octopus.resources.UserResource;

/**
 * Manual interventions and guided-failure prompts. Only the responsible user may submit: take responsibility first.
 * A manual intervention is answered with {@code {"Result": "Proceed"|"Abort", "Notes": "..."}}; guided failure uses
 * {@code Guidance} (read the allowed values from the form).
 */
public interface InterruptionsApi {

    /** Interruptions of a task or deployment ({@code regarding}); {@code pendingOnly} for those still open. */
    @RequestLine("GET /interruptions?regarding={regarding}&pendingOnly={pendingOnly}&skip={skip}&take={take}")
    ResourceCollection<InterruptionResource> list(@Param("regarding") String regarding,
                                                  @Param("pendingOnly") Boolean pendingOnly,
                                                  @Param("skip") Integer skip, @Param("take") Integer take);

    @RequestLine("GET /interruptions/{id}")
    InterruptionResource get(@Param("id") String interruptionId);

    /** Makes the API key's user responsible for the interruption. */
    @RequestLine("PUT /interruptions/{id}/responsible")
    UserResource takeResponsibility(@Param("id") String interruptionId);

    @RequestLine("GET /interruptions/{id}/responsible")
    UserResource responsible(@Param("id") String interruptionId);

    /** Answers the form, e.g. {@code Map.of("Result", "Proceed", "Notes", "approved in Octopuses")}. */
    @RequestLine("POST /interruptions/{id}/submit")
    InterruptionResource submit(@Param("id") String interruptionId, Map<String, Object> values);
}
