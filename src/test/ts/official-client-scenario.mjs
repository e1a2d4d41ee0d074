// Drives an Octopus server (here: the Octopuses simulator) with Octopus Deploy's own TypeScript client,
// step for step the way the client's own integration test "deploy a release"
// (dist/features/projects/releases/deployments/deploymentRepository.test.js) drives a real server.
//
//   OCTOPUS_URL=http://127.0.0.1:8080 OCTOPUS_API_KEY=API-... node official-client-scenario.mjs
//
// Then it exercises the waiter's timeout: a script step that sleeps longer than the waiter waits is cancelled by
// ServerTaskWaiter's cancelOnTimeout. The JUnit test sets the simulator's time factor so the first deployment's
// `Start-Sleep -Seconds 60` takes about a second.
//
// Exits 0 when every step worked; otherwise prints what failed and exits 1.
// Its last line on success is "SCENARIO RESULT {json}" with the ids it created, for the JUnit test to check.
import { randomUUID } from "node:crypto";
import api from "@octopusdeploy/api-client";

const {
    Client,
    DeploymentProcessRepository,
    DeploymentRepository,
    EnvironmentRepository,
    LifecycleRepository,
    NewProject,
    PackageRequirement,
    ProjectGroupRepository,
    ProjectRepository,
    ReleaseRepository,
    RunCondition,
    RunConditionForAction,
    ServerTaskWaiter,
    SpaceRepository,
    SpaceServerTaskRepository,
    StartTrigger,
    TaskState,
    userGetCurrent,
} = api;

const instanceURL = process.env.OCTOPUS_URL;
const apiKey = process.env.OCTOPUS_API_KEY;
const taskTimeoutMs = Number(process.env.OCTOPUS_TASK_TIMEOUT_MS ?? 120000);

class ScenarioFailure extends Error {}

function check(condition, message) {
    if (!condition) {
        throw new ScenarioFailure(message);
    }
}

function log(message) {
    console.log(`[scenario] ${message}`);
}

function describeError(error) {
    if (error instanceof ScenarioFailure) {
        return error.message;
    }
    // the client throws OctopusError { StatusCode, ErrorMessage, Errors }
    if (error && typeof error === "object" && "StatusCode" in error) {
        const details = (error.Errors ?? []).join("; ");
        return `HTTP ${error.StatusCode}: ${error.ErrorMessage ?? error.message}${details ? ` (${details})` : ""}`;
    }
    return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error);
}

async function run() {
    check(instanceURL, "OCTOPUS_URL is not set");
    check(apiKey, "OCTOPUS_API_KEY is not set");

    const client = await Client.create({
        userAgentApp: "octopuses-fidelity",
        instanceURL,
        apiKey,
        logging: {
            debug: (message) => console.log(`[client] ${message}`),
            info: (message) => console.log(`[client] ${message}`),
            warn: (message) => console.warn(`[client] ${message}`),
            error: (message, err) => console.error(`[client] ${err?.message ?? message}`),
        },
    });
    client.subscribeToResponses("scenario", (r) => log(`${r.method} ${r.url} -> ${r.statusCode}`));
    client.subscribeToErrors("scenario", (r) =>
        log(`${r.method} ${r.url} -> ${r.statusCode} ${r.errorMessage ?? ""} ${(r.errors ?? []).join("; ")}`)
    );
    const serverInformation = await client.getServerInformation();
    log(`connected to ${instanceURL}, Octopus ${serverInformation.version}`);

    const user = await userGetCurrent(client);
    check(user?.Id, `/api/users/me returned no Id: ${JSON.stringify(user)}`);
    log(`current user ${user.Id} (${user.Username})`);

    const spaceRepository = new SpaceRepository(client);
    const spaceName = randomUUID().substring(0, 20);
    const space = await spaceRepository.create({
        Name: spaceName,
        SpaceManagersTeams: [],
        SpaceManagersTeamMembers: [user.Id],
        IsDefault: false,
    });
    check(space?.Id && space.Name === spaceName, `space create returned ${JSON.stringify(space)}`);
    log(`space ${space.Id} "${space.Name}" created`);

    const result = { spaceId: space.Id, spaceName };
    let failure;
    try {
        await deployIntoSpace(client, space, result);
    } catch (error) {
        failure = error;
    }
    try {
        // what the client's own tests do after each test: stop the task queue, then delete the space
        log(`stopping the task queue of ${space.Id} and deleting it`);
        const current = await spaceRepository.get(space.Id);
        current.TaskQueueStopped = true;
        const stopped = await spaceRepository.modify(current);
        check(stopped.TaskQueueStopped === true, `space modify did not stop the task queue: ${JSON.stringify(stopped)}`);
        await spaceRepository.del(stopped);
        log(`space ${space.Id} deleted`);
    } catch (cleanupError) {
        if (failure) {
            console.error(`cleanup failed too: ${describeError(cleanupError)}`);
        } else {
            failure = cleanupError;
        }
    }
    if (failure) {
        throw failure;
    }

    const remaining = await spaceRepository.list({ partialName: spaceName, take: 2147483647 });
    check(
        !remaining.Items.some((s) => s.Id === space.Id),
        `space ${space.Id} is still listed after DELETE: ${JSON.stringify(remaining.Items)}`
    );
    let stillThere = true;
    try {
        await spaceRepository.get(space.Id);
    } catch (error) {
        check(error?.StatusCode === 404, `GET of the deleted space failed with ${describeError(error)} instead of 404`);
        stillThere = false;
    }
    check(!stillThere, `GET /api/spaces/${space.Id} still answers after DELETE`);

    console.log(`SCENARIO RESULT ${JSON.stringify(result)}`);
}

async function deployIntoSpace(client, space, result) {
    const projectGroup = (await new ProjectGroupRepository(client, space.Name).list({ take: 1 })).Items[0];
    check(projectGroup?.Id, `the new space has no project group`);
    const lifecycle = (await new LifecycleRepository(client, space.Name).list({ take: 1 })).Items[0];
    check(lifecycle?.Id, `the new space has no lifecycle`);
    log(`project group ${projectGroup.Id} "${projectGroup.Name}", lifecycle ${lifecycle.Id} "${lifecycle.Name}"`);

    const projectName = randomUUID();
    const project = await new ProjectRepository(client, space.Name).create(NewProject(projectName, projectGroup, lifecycle));
    check(project?.Id && project.Name === projectName, `project create returned ${JSON.stringify(project)}`);
    check(project.DeploymentProcessId, `project ${project.Id} has no DeploymentProcessId`);
    log(`project ${project.Id} created`);
    result.projectId = project.Id;

    const deploymentProcessRepository = new DeploymentProcessRepository(client, space.Name);
    const deploymentProcess = await deploymentProcessRepository.get(project);
    check(deploymentProcess?.Id === project.DeploymentProcessId,
        `deployment process ${deploymentProcess?.Id} is not the project's ${project.DeploymentProcessId}`);
    const stepName = `Say hello ${randomUUID()}`;
    deploymentProcess.Steps = [
        {
            Condition: RunCondition.Success,
            PackageRequirement: PackageRequirement.LetOctopusDecide,
            StartTrigger: StartTrigger.StartAfterPrevious,
            Id: "",
            Name: stepName,
            Properties: {},
            Actions: [
                {
                    Id: "",
                    Name: "Run a Script",
                    ActionType: "Octopus.Script",
                    Notes: null,
                    IsDisabled: false,
                    CanBeUsedForProjectVersioning: false,
                    IsRequired: false,
                    WorkerPoolId: null,
                    Container: { Image: null, FeedId: null },
                    WorkerPoolVariable: "",
                    Environments: [],
                    ExcludedEnvironments: [],
                    Channels: [],
                    TenantTags: [],
                    Packages: [],
                    Condition: RunConditionForAction.Success,
                    Properties: {
                        "Octopus.Action.RunOnServer": "true",
                        "Octopus.Action.Script.ScriptSource": "Inline",
                        "Octopus.Action.Script.Syntax": "PowerShell",
                        "Octopus.Action.Script.ScriptBody": "Write-Host 'hello'\nStart-Sleep -Seconds 60",
                    },
                },
            ],
        },
    ];
    const updated = await deploymentProcessRepository.update(project, deploymentProcess);
    check(updated?.Steps?.length === 1 && updated.Steps[0].Name === stepName,
        `deployment process update returned ${JSON.stringify(updated)}`);
    check(updated.Steps[0].Id && updated.Steps[0].Actions[0].Id, `the server assigned no step/action ids: ${JSON.stringify(updated.Steps)}`);
    check(updated.Version > deploymentProcess.Version,
        `deployment process Version did not increase (${deploymentProcess.Version} -> ${updated.Version})`);
    log(`deployment process ${updated.Id} updated to version ${updated.Version}`);

    const environmentName = randomUUID();
    const environment = await new EnvironmentRepository(client, space.Name).create({ Name: environmentName });
    check(environment?.Id && environment.Name === environmentName, `environment create returned ${JSON.stringify(environment)}`);
    log(`environment ${environment.Id} created`);
    result.environmentId = environment.Id;

    const releaseRepository = new ReleaseRepository(client, space.Name);
    const release = await releaseRepository.create({ spaceName: space.Name, ProjectName: project.Name });
    check(release?.ReleaseId && release.ReleaseVersion, `/releases/create/v1 returned ${JSON.stringify(release)}`);
    log(`release ${release.ReleaseId} version ${release.ReleaseVersion} created`);
    result.releaseId = release.ReleaseId;
    const storedRelease = await releaseRepository.get(release.ReleaseId);
    check(storedRelease.Version === release.ReleaseVersion && storedRelease.ProjectId === project.Id,
        `release ${release.ReleaseId} reads back as ${JSON.stringify(storedRelease)}`);

    const deploymentRepository = new DeploymentRepository(client, space.Name);
    const response = await deploymentRepository.create({
        spaceName: space.Name,
        ProjectName: project.Name,
        ReleaseVersion: release.ReleaseVersion,
        EnvironmentNames: [environment.Name],
    });
    check(response.DeploymentServerTasks.length === 1,
        `expected one deployment, got ${JSON.stringify(response.DeploymentServerTasks)}`);
    const { DeploymentId: deploymentId, ServerTaskId: taskId } = response.DeploymentServerTasks[0];
    check(deploymentId && taskId, `deployment answer lacks ids: ${JSON.stringify(response)}`);
    log(`deployment ${deploymentId} queued as task ${taskId}`);
    result.deploymentId = deploymentId;
    result.taskId = taskId;

    const deployments = await deploymentRepository.list({ ids: [deploymentId] });
    check(deployments.Items.length === 1 && deployments.Items[0].Id === deploymentId,
        `listing deployments by id returned ${JSON.stringify(deployments.Items)}`);
    check(deployments.Items[0].TaskId === taskId, `deployment ${deploymentId} points at task ${deployments.Items[0].TaskId}, not ${taskId}`);

    const waiter = new ServerTaskWaiter(client, space.Name);
    const [finished] = await waiter.waitForServerTasksToComplete([taskId], 500, taskTimeoutMs, (task) =>
        log(`waiting for task ${task.Id}: ${task.State}`)
    );
    check(finished, `the waiter returned no task for ${taskId}`);
    check(finished.State === TaskState.Success, `task ${taskId} ended ${finished.State}: ${finished.ErrorMessage ?? ""}`);
    check(finished.IsCompleted === true && finished.FinishedSuccessfully === true,
        `task ${taskId} is Success but IsCompleted=${finished.IsCompleted}, FinishedSuccessfully=${finished.FinishedSuccessfully}`);
    log(`task ${taskId} finished: ${finished.State}`);

    const taskRepository = new SpaceServerTaskRepository(client, space.Name);
    const details = await taskRepository.getDetails(taskId);
    check(details?.Task?.Id === taskId, `task details are for ${details?.Task?.Id}, not ${taskId}`);
    check(details.Task.State === TaskState.Success, `task details say ${details.Task.State}`);
    check(Array.isArray(details.ActivityLogs) && details.ActivityLogs.length > 0, `task ${taskId} has no activity log`);
    const activityNames = [];
    const collect = (nodes) => nodes.forEach((n) => { activityNames.push(n.Name); collect(n.Children ?? []); });
    collect(details.ActivityLogs);
    check(activityNames.some((name) => name.includes(stepName)),
        `no activity of task ${taskId} names the step "${stepName}": ${JSON.stringify(activityNames)}`);

    const raw = await taskRepository.getRaw(taskId);
    check(typeof raw === "string" && raw.length > 0, `raw log of ${taskId} is empty`);
    check(raw.includes(stepName), `raw log of ${taskId} does not mention step "${stepName}":\n${raw}`);
    log(`task log (${raw.length} characters) mentions the step`);

    await timeOutAndCancel(client, space, project, environment, deploymentProcessRepository, releaseRepository,
        deploymentRepository, taskRepository, result);
}

// A deployment whose script sleeps for hours: the waiter gives up after its timeout and, asked to, cancels the task.
async function timeOutAndCancel(client, space, project, environment, deploymentProcessRepository, releaseRepository,
                                deploymentRepository, taskRepository, result) {
    const process = await deploymentProcessRepository.get(project);
    process.Steps[0].Actions[0].Properties["Octopus.Action.Script.ScriptBody"] = "Write-Host 'warming up'\nStart-Sleep -Seconds 36000";
    await deploymentProcessRepository.update(project, process);
    const release = await releaseRepository.create({ spaceName: space.Name, ProjectName: project.Name });
    const response = await deploymentRepository.create({
        spaceName: space.Name,
        ProjectName: project.Name,
        ReleaseVersion: release.ReleaseVersion,
        EnvironmentNames: [environment.Name],
    });
    const slowTaskId = response.DeploymentServerTasks[0].ServerTaskId;
    result.slowTaskId = slowTaskId;
    log(`slow deployment queued as task ${slowTaskId}`);

    let timeout;
    try {
        await new ServerTaskWaiter(client, space.Name).waitForServerTasksToComplete([slowTaskId], 200, 1500, (task) =>
            log(`waiting for task ${task.Id}: ${task.State}`), true);
    } catch (error) {
        timeout = error;
    }
    check(timeout?.message?.includes("Timeout reached"), `the waiter did not time out: ${timeout ? describeError(timeout) : "it returned"}`);
    log(`the waiter timed out and cancelled: ${timeout.message}`);

    let task;
    for (let i = 0; i < 100; i++) {
        task = await taskRepository.getById(slowTaskId);
        if (task.IsCompleted) {
            break;
        }
        await new Promise((r) => setTimeout(r, 100));
    }
    check(task.State === TaskState.Canceled, `task ${slowTaskId} ended ${task.State} after the waiter cancelled it`);
    log(`task ${slowTaskId} finished: ${task.State}`);
}

run().then(
    () => {
        log("scenario passed");
        process.exit(0);
    },
    (error) => {
        console.error(`SCENARIO FAILED: ${describeError(error)}`);
        process.exit(1);
    }
);
