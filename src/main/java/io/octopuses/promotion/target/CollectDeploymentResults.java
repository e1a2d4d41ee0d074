package io.octopuses.promotion.target;

import static io.octopuses.promotion.target.PromotionImportProcess.*;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.octopuses.farm.FarmClients;
import io.octopuses.octopus.SpaceClient;
import io.octopuses.octopus.resources.DeploymentResource;
import io.octopuses.octopus.resources.EnvironmentResource;
import io.octopuses.octopus.resources.ReleaseResource;
import io.octopuses.octopus.resources.TaskResource;
import io.octopuses.promotion.ReleaseLocator;
import io.octopuses.promotion.record.PromotionImports;
import io.octopuses.promotion.record.PromotionResults;

/**
 * BPMN step "Collect deployment results": reads the deployment on the target server — release and deployment ids,
 * the task's state, start and finish — whether the task succeeded or the call activity ended in an error. The log
 * itself is streamed into the results bundle by the next step, never kept in a variable.
 */
@Component
class CollectDeploymentResults implements JavaDelegate {

    private final FarmClients farm;
    private final ReleaseLocator releases;
    private final PromotionImports imports;

    CollectDeploymentResults(FarmClients farm, ReleaseLocator releases, PromotionImports imports) {
        this.farm = farm;
        this.releases = releases;
        this.imports = imports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SpaceClient space = farm.forServer((String) execution.getVariable(VAR_TARGET_SERVER))
                .space((String) execution.getVariable(VAR_SPACE));
        String environmentName = (String) execution.getVariable(VAR_TARGET_ENVIRONMENT);
        Optional<ReleaseResource> release = releases.release(space, (String) execution.getVariable(VAR_PROJECT),
                (String) execution.getVariable(VAR_VERSION));
        Optional<DeploymentResource> deployment = release.flatMap(r -> space.environments().all().stream()
                .filter(e -> environmentName.equalsIgnoreCase(e.name())).map(EnvironmentResource::id).findFirst()
                .flatMap(environmentId -> releases.latestDeployment(space, r, environmentId)));
        String taskId = (String) execution.getVariable(VAR_TASK_ID);
        if (taskId == null && deployment.isPresent()) {
            taskId = deployment.get().taskId();
        }
        execution.setVariable(ResultVariables.RELEASE_ID, release.map(ReleaseResource::id).orElse(null));
        execution.setVariable(ResultVariables.DEPLOYMENT_ID, deployment.map(DeploymentResource::id).orElse(null));
        execution.setVariable(VAR_TASK_ID, taskId);
        String state;
        String detail;
        if (taskId == null) {
            state = PromotionResults.FAILED;
            detail = "No deployment was started: " + execution.getVariable(VAR_TASK_ERROR_MESSAGE);
        } else {
            TaskResource task = space.server().tasks().get(taskId);
            execution.setVariable(ResultVariables.STARTED_AT, task.startTime() == null ? null : task.startTime().toInstant().toString());
            execution.setVariable(ResultVariables.COMPLETED_AT, task.completedTime() == null ? null : task.completedTime().toInstant().toString());
            execution.setVariable(ResultVariables.ERROR, task.errorMessage());
            boolean succeeded = Boolean.TRUE.equals(task.finishedSuccessfully());
            state = succeeded ? PromotionResults.SUCCEEDED : PromotionResults.FAILED;
            detail = "Task " + taskId + " on " + execution.getVariable(VAR_TARGET_SERVER) + " ended " + task.state()
                    + (succeeded || task.errorMessage() == null ? "" : ": " + task.errorMessage());
        }
        execution.setVariable(VAR_RESULT_STATE, state);
        execution.setVariable(VAR_RESULT_DETAIL, detail);
        imports.moveTo(execution.getProcessBusinessKey(), state, null, detail);
    }
}
