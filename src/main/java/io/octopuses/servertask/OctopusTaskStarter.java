package io.octopuses.servertask;

/**
 * Starts one kind of Octopus server task for {@code processes/run-octopus-task.bpmn}: a Spring bean, named by the
 * caller in the {@code taskStarter} variable ({@code deployRelease} is {@link DeployReleaseStarter}). Only beans of
 * this type can be named, so a model cannot reach anything else through that variable.
 *
 * <p>Must be idempotent: the engine retries a start after a failure, and a crash can come after Octopus created the
 * task but before its id was stored. Before creating, find the task this same request started earlier
 * ({@link StartContext#processInstanceId()}, {@link StartContext#requestedAt()}) and return that instead.
 *
 * <p>Throw {@link TaskNotStartedException} when Octopus refuses the request for a reason no retry changes (no such
 * release, a lifecycle rule); anything else (5xx, unreachable) is a technical failure: retried, then an incident.
 */
public interface OctopusTaskStarter {

    TaskId start(StartContext context);
}
