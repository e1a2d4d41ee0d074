package io.octopuses.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.List;

/**
 * What a fresh server has before anyone signs in: the administrator, the built-in user roles (real names; the
 * {@code userroles-...} ids are this simulator's, a real server's differ, so clients look roles up by name) and the
 * built-in teams (Octopus Administrators, Octopus Managers, Everyone), none of which can be deleted or renamed.
 */
final class BuiltInAccess {

    private BuiltInAccess() {
    }

    /** The built-in user roles a fresh server has, with the permissions they grant. */
    static void seed(ServerState state) {
        state.users.put(state.touch(Json.object(
                "Id", ServerState.ADMIN_USER_ID,
                "Username", "admin",
                "DisplayName", "Administrator",
                "EmailAddress", "admin@octopus.example",
                "IsActive", true,
                "IsService", false,
                "IsRequestor", false,
                "CanPasswordBeEdited", true,
                "Identities", Json.array(),
                "Created", state.now())));
        state.nextNumber("Users");

        role(state, AccessRoutes.SYSTEM_ADMINISTRATOR_ROLE_ID, "System administrator",
                "System administrators can do everything at the system level.",
                List.of(), List.of("AdministerSystem", "SpaceCreate", "SpaceEdit", "SpaceView", "SpaceDelete", "TeamCreate",
                        "TeamEdit", "TeamView", "TeamDelete", "UserEdit", "UserInvite", "UserView", "UserRoleEdit",
                        "UserRoleView", "ConfigureServer", "TaskView", "TaskCancel", "TaskCreate", "EventView", "EventRetentionView",
                        "EventRetentionDelete"));
        role(state, "userroles-systemmanager", "System manager",
                "System managers can do everything at the system level except certain system-level functions reserved for System Administrators.",
                List.of(), List.of("SpaceCreate", "SpaceEdit", "SpaceView", "SpaceDelete", "TeamCreate", "TeamEdit", "TeamView",
                        "TeamDelete", "UserEdit", "UserInvite", "UserView", "UserRoleEdit", "UserRoleView", "TaskView",
                        "TaskCancel", "TaskCreate", "EventView"));
        role(state, AccessRoutes.SPACE_MANAGER_ROLE_ID, "Space manager",
                "Space managers can do everything within the context of the space they own.",
                List.of("ProjectEdit", "ProjectView", "ProjectCreate", "ProjectDelete", "ProcessView", "ProcessEdit",
                        "VariableEdit", "VariableEditUnscoped", "VariableView", "VariableViewUnscoped", "ReleaseCreate",
                        "ReleaseView", "ReleaseEdit", "ReleaseDelete", "DeploymentCreate", "DeploymentDelete", "DeploymentView",
                        "EnvironmentView", "EnvironmentCreate", "EnvironmentEdit", "EnvironmentDelete", "MachineCreate",
                        "MachineEdit", "MachineView", "MachineDelete", "ArtifactView", "ArtifactCreate", "ArtifactEdit",
                        "ArtifactDelete", "FeedView", "FeedEdit", "EventView", "LibraryVariableSetView", "LibraryVariableSetCreate",
                        "LibraryVariableSetEdit", "LibraryVariableSetDelete", "ProjectGroupView", "ProjectGroupCreate",
                        "ProjectGroupEdit", "ProjectGroupDelete", "TeamCreate", "TeamView", "TeamEdit", "TeamDelete",
                        "UserRoleView", "TaskView", "TaskCreate", "TaskCancel", "TaskEdit", "InterruptionView",
                        "InterruptionSubmit", "InterruptionViewSubmitResponsible", "BuiltInFeedPush", "BuiltInFeedAdminister",
                        "BuiltInFeedDownload", "ActionTemplateView", "ActionTemplateCreate", "ActionTemplateEdit",
                        "ActionTemplateDelete", "LifecycleCreate", "LifecycleView", "LifecycleEdit", "LifecycleDelete",
                        "SpaceEdit", "SpaceView", "RunbookView", "RunbookEdit", "RunbookRunView", "RunbookRunCreate"),
                List.of());
        role(state, "userroles-projectdeployer", "Project deployer",
                "Project deployers can do everything a project contributor can do, plus deploy releases (but not create them).",
                List.of("ProjectView", "ProcessView", "VariableView", "VariableViewUnscoped", "ReleaseView", "DeploymentCreate",
                        "DeploymentView", "EnvironmentView", "MachineView", "ArtifactView", "ArtifactCreate", "FeedView",
                        "EventView", "LibraryVariableSetView", "ProjectGroupView", "TeamView", "TaskView", "TaskCreate",
                        "TaskCancel", "InterruptionView", "InterruptionSubmit", "InterruptionViewSubmitResponsible",
                        "BuiltInFeedDownload", "ActionTemplateView", "LifecycleView", "TenantView", "RunbookView",
                        "RunbookRunView", "RunbookRunCreate"),
                List.of());
        role(state, "userroles-projectcontributor", "Project contributor",
                "Project contributors can edit a project, its process and variables, but cannot create releases or deploy.",
                List.of("ProjectView", "ProjectEdit", "ProcessView", "ProcessEdit", "VariableView", "VariableEdit",
                        "VariableViewUnscoped", "VariableEditUnscoped", "ReleaseView", "DeploymentView", "EnvironmentView",
                        "ArtifactView", "FeedView", "EventView", "LibraryVariableSetView", "ProjectGroupView", "TaskView",
                        "InterruptionView", "ActionTemplateView", "LifecycleView", "TriggerView", "TriggerCreate",
                        "TriggerEdit", "RunbookView", "RunbookEdit"),
                List.of());
        role(state, "userroles-projectlead", "Project lead",
                "Project leads can do everything a project contributor can do, plus create releases and administer triggers.",
                List.of("ProjectView", "ProjectEdit", "ProcessView", "ProcessEdit", "VariableView", "VariableEdit",
                        "VariableViewUnscoped", "VariableEditUnscoped", "ReleaseView", "ReleaseCreate", "ReleaseEdit",
                        "ReleaseDelete", "DeploymentView", "EnvironmentView", "ArtifactView", "FeedView", "EventView",
                        "LibraryVariableSetView", "ProjectGroupView", "TaskView", "InterruptionView", "ActionTemplateView",
                        "LifecycleView", "TriggerView", "TriggerCreate", "TriggerEdit", "TriggerDelete", "BuiltInFeedPush",
                        "RunbookView", "RunbookEdit"),
                List.of());
        role(state, "userroles-projectviewer", "Project viewer",
                "Project viewers have read-only access to a project.",
                List.of("ProjectView", "ProcessView", "VariableView", "ReleaseView", "DeploymentView", "EnvironmentView",
                        "ArtifactView", "FeedView", "EventView", "LibraryVariableSetView", "ProjectGroupView", "TaskView",
                        "InterruptionView", "ActionTemplateView", "LifecycleView", "TriggerView", "RunbookView", "RunbookRunView"),
                List.of());
        role(state, "userroles-projectinitiator", "Project initiator",
                "Project initiators can create new projects.",
                List.of("ProjectCreate", "ProjectView", "ProcessView", "ProjectGroupView", "LifecycleView", "EnvironmentView"),
                List.of());
        role(state, "userroles-releasecreator", "Release creator",
                "Release creators can create releases but not deploy them.",
                List.of("ReleaseCreate", "ReleaseView", "ProjectView", "ProcessView", "FeedView", "BuiltInFeedDownload",
                        "DeploymentView", "EnvironmentView", "TaskView", "LifecycleView"),
                List.of());
        role(state, "userroles-deploymentcreator", "Deployment creator",
                "Deployment creators can deploy releases to environments.",
                List.of("DeploymentCreate", "DeploymentView", "ReleaseView", "ProjectView", "EnvironmentView", "TaskView",
                        "TaskCreate", "TaskCancel", "InterruptionView", "InterruptionSubmit", "ArtifactView", "ArtifactCreate"),
                List.of());
        role(state, "userroles-environmentmanager", "Environment manager",
                "Environment managers can view and edit infrastructure, including environments and deployment targets.",
                List.of("EnvironmentView", "EnvironmentCreate", "EnvironmentEdit", "EnvironmentDelete", "MachineView",
                        "MachineCreate", "MachineEdit", "MachineDelete", "MachinePolicyView", "MachinePolicyCreate",
                        "MachinePolicyEdit", "MachinePolicyDelete", "ProxyView", "ProxyCreate", "ProxyEdit", "ProxyDelete",
                        "TaskView", "TaskCreate", "EventView"),
                List.of());
        role(state, "userroles-environmentviewer", "Environment viewer",
                "Environment viewers have read-only access to environments and deployment targets.",
                List.of("EnvironmentView", "MachineView", "MachinePolicyView", "ProxyView", "TaskView", "EventView"),
                List.of());
        role(state, "userroles-packagepublisher", "Package publisher",
                "Package publishers can push packages to the built-in feed.",
                List.of("BuiltInFeedPush", "BuildInformationPush", "FeedView"),
                List.of());
        role(state, "userroles-teammanager", "Team manager",
                "Team managers can manage the members and roles of their teams.",
                List.of("TeamView", "TeamEdit", "TeamCreate", "TeamDelete", "UserRoleView"),
                List.of("UserView", "UserInvite", "UserRoleView", "TeamView", "TeamEdit"));

        role(state, "userroles-buildserver", "Build server",
                "Build servers can publish packages and build information, and create releases and deployments.",
                List.of("BuildInformationAdminister", "BuildInformationPush", "BuiltInFeedAdminister", "BuiltInFeedDownload",
                        "BuiltInFeedPush", "DeploymentCreate", "DeploymentView", "EnvironmentView", "FeedView",
                        "LibraryVariableSetView", "LifecycleView", "ProcessView", "ProjectView", "ReleaseCreate", "ReleaseView",
                        "RunbookEdit", "RunbookRunCreate", "RunbookRunView", "RunbookView", "TaskView", "TenantView"),
                List.of());
        role(state, "userroles-certificatemanager", "Certificate manager",
                "Certificate managers can edit certificates and export private keys.",
                List.of("CertificateCreate", "CertificateDelete", "CertificateEdit", "CertificateExportPrivateKey",
                        "CertificateView", "EnvironmentView", "TenantView"),
                List.of());
        role(state, "userroles-runbookconsumer", "Runbook consumer",
                "Runbook consumers can view and execute runbooks.",
                List.of("ProjectView", "RunbookView", "RunbookRunView", "RunbookRunCreate", "EnvironmentView", "TaskView",
                        "TaskCreate", "TaskCancel", "InterruptionView", "InterruptionSubmit", "ArtifactView",
                        "ProcessView", "LifecycleView", "TenantView"),
                List.of());
        role(state, "userroles-runbookproducer", "Runbook producer",
                "Runbook producers can view, edit and execute runbooks.",
                List.of("ProjectView", "ProcessView", "ProcessEdit", "VariableView", "VariableEdit", "RunbookView",
                        "RunbookEdit", "RunbookRunView", "RunbookRunCreate", "RunbookRunDelete", "EnvironmentView", "TaskView",
                        "TaskCreate", "TaskCancel", "InterruptionView", "InterruptionSubmit", "ArtifactView",
                        "ArtifactCreate", "FeedView", "LifecycleView", "TenantView"),
                List.of());
        role(state, "userroles-tenantmanager", "Tenant manager",
                "Tenant managers can edit tenants and their tags.",
                List.of("TenantView", "TenantCreate", "TenantEdit", "TenantDelete", "TagSetCreate",
                        "TagSetEdit", "TagSetDelete", "ProjectView", "EnvironmentView", "LibraryVariableSetView",
                        "VariableView"),
                List.of());

        team(state, AccessRoutes.ADMINISTRATORS_TEAM_ID, "Octopus Administrators",
                "Octopus Administrators can perform all actions in every space.", List.of(ServerState.ADMIN_USER_ID), false, false);
        team(state, "teams-managers", "Octopus Managers",
                "Octopus Managers can perform all actions except certain system-level functions.", List.of(), false, false);
        team(state, AccessRoutes.EVERYONE_TEAM_ID, "Everyone", "Every user is a member of this team.", List.of(), false, false);
        state.scopedUserRoles.put(state.touch(Json.object(
                "Id", state.nextId("ScopedUserRoles"),
                "TeamId", AccessRoutes.ADMINISTRATORS_TEAM_ID,
                "UserRoleId", AccessRoutes.SYSTEM_ADMINISTRATOR_ROLE_ID,
                "EnvironmentIds", Json.array(), "ProjectIds", Json.array(),
                "ProjectGroupIds", Json.array(), "TenantIds", Json.array())));
        state.scopedUserRoles.put(state.touch(Json.object(
                "Id", state.nextId("ScopedUserRoles"),
                "TeamId", "teams-managers",
                "UserRoleId", "userroles-systemmanager",
                "EnvironmentIds", Json.array(), "ProjectIds", Json.array(),
                "ProjectGroupIds", Json.array(), "TenantIds", Json.array())));
    }

    private static void role(ServerState state, String id, String name, String description,
                             List<String> spacePermissions, List<String> systemPermissions) {
        state.userRoles.put(state.touch(Json.object(
                "Id", id,
                "Name", name,
                "Description", description,
                "GrantedSpacePermissions", Json.array(spacePermissions),
                "GrantedSystemPermissions", Json.array(systemPermissions),
                "SpacePermissionDescriptions", Json.array(spacePermissions),
                "SystemPermissionDescriptions", Json.array(systemPermissions),
                "SupportedRestrictions", spacePermissions.isEmpty() ? Json.array()
                        : Json.strings("Environments", "ProjectGroups", "Projects", "Tenants"),
                "CanBeDeleted", false)));
    }

    private static void team(ServerState state, String id, String name, String description, List<String> members,
                             boolean canChangeMembers, boolean canBeDeleted) {
        ArrayNode memberIds = Json.array(members);
        state.teams.put(state.touch(Json.object(
                "Id", id,
                "Name", name,
                "Slug", Slugs.of(name),
                "Description", description,
                "MemberUserIds", memberIds,
                "ExternalSecurityGroups", Json.array(),
                "CanBeDeleted", canBeDeleted,
                "CanBeRenamed", false,
                "CanChangeMembers", !AccessRoutes.EVERYONE_TEAM_ID.equals(id) || canChangeMembers,
                "CanChangeRoles", !AccessRoutes.ADMINISTRATORS_TEAM_ID.equals(id))));
    }
}
