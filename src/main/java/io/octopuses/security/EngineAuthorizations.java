package io.octopuses.security;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import io.octopuses.EngineAdapter;

/**
 * Gives the roles their Camunda authorizations at start-up (the engine checks them: {@code authorization.enabled}).
 * Idempotent, and additive only: what an administrator granted in Camunda Admin is kept.
 * <ul>
 *   <li>everyone authenticated ({@link Role#READER}): Tasklist and Cockpit, reading process definitions,
 *       instances, history and deployments, and the shared task filters — never a task of someone else; and
 *       starting "Access request" (CREATE_INSTANCE on that definition only, CREATE on process instances), so
 *       anyone can ask for access in Tasklist;</li>
 *   <li>operators: also start, change, cancel and retry process instances;</li>
 *   <li>approvers: nothing more — the engine grants a candidate group its own tasks as they are created;</li>
 *   <li>farm admins: everything, as Camunda administrators.</li>
 * </ul>
 * Nobody but farm admins may touch users, groups, memberships, authorizations or deployments.
 */
@Component
@EngineAdapter
class EngineAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(EngineAuthorizations.class);
    private static final String ANY = Authorization.ANY;
    /** The process key of processes/access-request.bpmn (AccessRequestProcess.PROCESS_KEY, an internal package). */
    static final String ACCESS_REQUEST_PROCESS = "accessRequest";

    private record Grant(Resource resource, String resourceId, Permission... permissions) {
    }

    private static final List<Grant> READER = List.of(
            new Grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            new Grant(Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY),
            new Grant(Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ),
            new Grant(Resources.DEPLOYMENT, ANY, Permissions.READ),
            // anyone may ask for access in Tasklist (processes/access-request.bpmn), and start nothing else
            new Grant(Resources.PROCESS_DEFINITION, ACCESS_REQUEST_PROCESS, ProcessDefinitionPermissions.CREATE_INSTANCE),
            new Grant(Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));

    private static final List<Grant> OPERATOR = List.of(
            new Grant(Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.CREATE_INSTANCE,
                    ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.DELETE_INSTANCE,
                    ProcessDefinitionPermissions.RETRY_JOB, ProcessDefinitionPermissions.SUSPEND_INSTANCE),
            new Grant(Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE, ProcessInstancePermissions.UPDATE,
                    ProcessInstancePermissions.DELETE, ProcessInstancePermissions.RETRY_JOB,
                    ProcessInstancePermissions.SUSPEND));

    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final FilterService filters;
    private final SecurityGroups groups;

    EngineAuthorizations(AuthorizationService authorizations, IdentityService identity, FilterService filters,
                         SecurityGroups groups) {
        this.authorizations = authorizations;
        this.identity = identity;
        this.filters = filters;
        this.groups = groups;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void grant() {
        try {
            grantAll();
        } catch (DataIntegrityViolationException | org.camunda.bpm.engine.ProcessEngineException raced) {
            // another node of the cluster granted the same at the same moment: read again and complete
            log.debug("Authorizations changed concurrently; granting again", raced);
            grantAll();
        }
    }

    private void grantAll() {
        ensureGroup(groups.admins(), "Farm admins");
        ensureGroup(groups.operators(), "Octopuses operators");
        ensureGroup(groups.approvers(), "Octopuses approvers");
        for (Grant grant : READER) {
            ensure(null, grant);
        }
        for (Filter filter : filters.createFilterQuery().list()) {
            ensure(null, new Grant(Resources.FILTER, filter.getId(), Permissions.READ));
        }
        for (Grant grant : OPERATOR) {
            ensure(groups.operators(), grant);
        }
        for (Resources resource : Resources.values()) {
            ensure(groups.admins(), new Grant(resource, ANY, Permissions.ALL));
        }
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("SYSTEM");
            identity.saveGroup(group);
            log.info("Created the Camunda group '{}' ({})", id, name);
        }
    }

    /** Adds the grant's permissions to the group's (or, for {@code null}, everyone's) authorization. */
    private void ensure(String groupId, Grant grant) {
        var query = authorizations.createAuthorizationQuery()
                .resourceType(grant.resource()).resourceId(grant.resourceId());
        query = groupId == null ? query.authorizationType(Authorization.AUTH_TYPE_GLOBAL) : query.groupIdIn(groupId);
        Authorization authorization = query.list().stream().findFirst().orElseGet(() -> {
            Authorization created = authorizations.createNewAuthorization(
                    groupId == null ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
            if (groupId == null) {
                created.setUserId(ANY);
            } else {
                created.setGroupId(groupId);
            }
            created.setResource(grant.resource());
            created.setResourceId(grant.resourceId());
            return created;
        });
        boolean missing = false;
        for (Permission permission : grant.permissions()) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
