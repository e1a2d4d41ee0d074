package io.octopuses.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.List;

/**
 * Environments, lifecycles (with phases), project groups, worker pools, accounts and certificates of a space.
 * Accounts and certificates keep their secrets write-only: a certificate's {@code CertificateData} and
 * {@code Password} answer only {@code HasValue}, and an account's secret fields are not part of what it shows.
 */
final class InfrastructureRoutes {

    private final ServerState state;

    InfrastructureRoutes(ServerState state) {
        this.state = state;
        state.environments.links((row, links) -> {
            String base = state.environments.selfPath(row);
            links.put("Web", "/app#/" + Json.text(row, "SpaceId") + "/infrastructure/environments/" + Json.text(row, "Id"));
            links.put("Machines", base + "/machines{?skip,take,partialName,roles,isDisabled,healthStatuses,commStyles,"
                    + "tenantIds,tenantTags,shellNames}");
            links.put("SinglyScopedVariableDetails", base + "/singlyScopedVariableDetails");
            links.put("Metadata", base + "/metadata");
        });
        state.lifecycles.links((row, links) -> {
            String base = state.lifecycles.selfPath(row);
            links.put("Preview", base + "/preview");
            links.put("Projects", base + "/projects");
            links.put("Web", "/app#/" + Json.text(row, "SpaceId") + "/library/lifecycles/" + Json.text(row, "Id"));
        });
        state.projectGroups.links((row, links) -> {
            links.put("Projects", state.projectGroups.selfPath(row) + "/projects{?skip,take}");
            links.put("Web", "/app#/" + Json.text(row, "SpaceId") + "/projects?projectGroupId=" + Json.text(row, "Id"));
        });
    }

    void register(Router router) {
        new ResourceRoutes(state, state.environments, "EnvironmentResource")
                .defaults(r -> Json.object(
                        "Slug", Slugs.of(Json.fieldText(r.json(), "Name")),
                        "Description", "",
                        "SortOrder", nextSortOrder(r.spaceId()),
                        "UseGuidedFailure", false,
                        "AllowDynamicInfrastructure", false,
                        "EnvironmentTags", Json.array(),
                        "ExtensionSettings", Json.array()))
                .beforeDelete(this::removeFromLifecycles)
                .order(Comparator.comparingInt((ObjectNode r) -> r.path("SortOrder").asInt())
                        .thenComparing(r -> Json.text(r, "Name")))
                .template("name,skip,ids,take,partialName")
                .register(router, ResourceRoutes.Scope.SPACE);

        new ResourceRoutes(state, state.lifecycles, "LifecycleResource")
                .defaults(r -> Json.object(
                        "Slug", Slugs.of(Json.fieldText(r.json(), "Name")),
                        "Description", "",
                        "Phases", Json.array(),
                        "ReleaseRetentionPolicy", SpaceContents.retention(),
                        "TentacleRetentionPolicy", SpaceContents.retention()))
                .validate((row, existing) -> normalizePhases(row))
                .beforeDelete(this::checkLifecycleUnused)
                .deleteAnswers(Json.object())
                .order(ResourceRoutes.byName())
                .register(router, ResourceRoutes.Scope.SPACE);
        router.spaced("GET", "/lifecycles/{id}/projects", r -> {
            String id = Json.text(state.lifecycles.get(r.spaceId(), r.param("id")), "Id");
            return ApiResponse.ok(Json.array(state.projects.render(state.projects.list(r.spaceId()).stream()
                    .filter(p -> id.equals(Json.text(p, "LifecycleId"))).toList())));
        });

        registerWorkersAndCredentials(router);

        new ResourceRoutes(state, state.projectGroups, "ProjectGroupResource")
                .defaults(r -> Json.object(
                        "Slug", Slugs.of(Json.fieldText(r.json(), "Name")),
                        "Description", "",
                        "EnvironmentIds", Json.array()))
                .beforeDelete(this::checkGroupEmpty)
                .order(ResourceRoutes.byName())
                .register(router, ResourceRoutes.Scope.SPACE);
        router.spaced("GET", "/projectgroups/{id}/projects", r -> {
            String id = Json.text(state.projectGroups.get(r.spaceId(), r.param("id")), "Id");
            List<ObjectNode> projects = state.projects.list(r.spaceId()).stream()
                    .filter(p -> id.equals(Json.text(p, "ProjectGroupId")))
                    .sorted(ResourceRoutes.byName()).toList();
            return ApiResponse.ok(PagedCollection.of(r, "Project", state.projects.render(projects), "skip,take"));
        });
    }

    private void registerWorkersAndCredentials(Router router) {
        new ResourceRoutes(state, state.workerPools, "WorkerPoolResource")
                .defaults(r -> Json.object(
                        "Slug", Slugs.of(Json.fieldText(r.json(), "Name")),
                        "Description", "",
                        "IsDefault", false,
                        "SortOrder", state.workerPools.list(r.spaceId()).size() + 1,
                        "CanAddWorkers", true,
                        "WorkerPoolType", "StaticWorkerPool"))
                .validate((row, existing) -> {
                    if (!List.of("StaticWorkerPool", "DynamicWorkerPool").contains(Json.text(row, "WorkerPoolType"))) {
                        throw OctopusException.badRequest("The worker pool type '" + Json.text(row, "WorkerPoolType")
                                + "' is not valid: use StaticWorkerPool or DynamicWorkerPool.");
                    }
                    if (existing != null) {
                        row.put("IsDefault", existing.path("IsDefault").asBoolean());
                    }
                })
                .beforeDelete(pool -> {
                    if (pool.path("IsDefault").asBoolean()) {
                        throw OctopusException.badRequest("The default worker pool cannot be deleted. Make another pool "
                                + "the default first.");
                    }
                })
                .order(Comparator.comparingInt((ObjectNode r) -> r.path("SortOrder").asInt()).thenComparing(r -> Json.text(r, "Name")))
                .register(router, ResourceRoutes.Scope.SPACE);

        new ResourceRoutes(state, state.accounts, "AccountResource")
                .defaults(r -> Json.object(
                        "Slug", Slugs.of(Json.fieldText(r.json(), "Name")),
                        "Description", "",
                        "EnvironmentIds", Json.array(),
                        "TenantIds", Json.array(),
                        "TenantTags", Json.array(),
                        "TenantedDeploymentParticipation", "Untenanted"))
                .validate((row, existing) -> {
                    if (existing != null) {
                        row.put("AccountType", Json.text(existing, "AccountType"));
                    } else if (!ACCOUNT_TYPES.contains(String.valueOf(Json.text(row, "AccountType")))) {
                        throw OctopusException.badRequest("Please specify a valid AccountType for the account (for example "
                                + "UsernamePassword, AzureServicePrincipal or AmazonWebServicesAccount).");
                    }
                    checkEnvironments(row);
                })
                .filter((r, rows) -> {
                    String type = r.query("accountType");
                    return type == null ? rows : rows.stream().filter(a -> type.equalsIgnoreCase(Json.text(a, "AccountType"))).toList();
                })
                .order(ResourceRoutes.byName())
                .template("skip,take,ids,partialName,accountType")
                .register(router, ResourceRoutes.Scope.SPACE);

        new ResourceRoutes(state, state.certificates, "CertificateResource")
                .defaults(r -> Json.object(
                        "Notes", "",
                        "CertificateDataFormat", "Pkcs12",
                        "EnvironmentIds", Json.array(),
                        "TenantIds", Json.array(),
                        "TenantTags", Json.array(),
                        "TenantedDeploymentParticipation", "Untenanted",
                        "HasPrivateKey", false,
                        "IsExpired", false,
                        "SelfSigned", true,
                        "Version", 0))
                .validate(this::certificate)
                .order(ResourceRoutes.byName())
                .template("skip,take,ids,partialName,archived,tenant,search,orderBy,firstResult")
                .register(router, ResourceRoutes.Scope.SPACE);
    }

    private static final List<String> ACCOUNT_TYPES = List.of("AmazonWebServicesAccount", "AmazonWebServicesOidcAccount",
            "AzureOidc", "AzureServicePrincipal", "AzureSubscription", "GenericOidcAccount", "GoogleCloudAccount", "None",
            "SshKeyPair", "Token", "UsernamePassword");

    /** Keeps the certificate's data write-only: stored as a thumbprint, shown as {@code HasValue} only. */
    private void certificate(ObjectNode row, ObjectNode existing) {
        checkEnvironments(row);
        String data = row.path("CertificateData").path("NewValue").asText(null);
        if (existing == null && (data == null || data.isBlank())) {
            throw OctopusException.badRequest("Please provide the certificate's data (CertificateData.NewValue, base64).");
        }
        if (existing == null) {
            String thumbprint = ServerState.hashApiKey(data).substring(0, 40).toUpperCase(java.util.Locale.ROOT);
            row.put("Thumbprint", thumbprint);
            row.put("SubjectCommonName", Json.text(row, "Name"));
            row.put("SubjectDistinguishedName", "CN=" + Json.text(row, "Name"));
            row.put("IssuerCommonName", Json.text(row, "Name"));
            row.put("IssuerDistinguishedName", "CN=" + Json.text(row, "Name"));
            row.put("NotBefore", Json.date(state.now()));
            row.put("NotAfter", Json.date(state.now().plus(java.time.Duration.ofDays(365))));
            row.put("SerialNumber", thumbprint.substring(0, 16));
            row.put("SignatureAlgorithmName", "sha256RSA");
            row.set("Password", Json.object("HasValue", row.path("Password").path("NewValue").isTextual()));
        } else {
            for (String kept : List.of("Thumbprint", "SubjectCommonName", "SubjectDistinguishedName", "IssuerCommonName",
                    "IssuerDistinguishedName", "NotBefore", "NotAfter", "SerialNumber", "SignatureAlgorithmName", "Password")) {
                if (existing.has(kept)) {
                    row.set(kept, existing.get(kept));
                }
            }
            row.put("Version", existing.path("Version").asInt() + 1);
        }
        row.set("CertificateData", Json.object("HasValue", true));
    }

    private void checkEnvironments(ObjectNode row) {
        for (String env : Json.texts(row, "EnvironmentIds")) {
            if (state.environments.find(Json.text(row, "SpaceId"), env).isEmpty()) {
                throw OctopusException.badRequest("The environment '" + env + "' does not exist.");
            }
        }
    }

    private int nextSortOrder(String spaceId) {
        return state.environments.list(spaceId).stream().mapToInt(e -> e.path("SortOrder").asInt()).max().orElse(0) + 1;
    }

    /** Gives new phases an id and their defaults, and checks that every environment a phase names exists. */
    private void normalizePhases(ObjectNode lifecycle) {
        String space = Json.text(lifecycle, "SpaceId");
        for (ObjectNode phase : Json.objects(lifecycle, "Phases")) {
            if (Json.text(phase, "Name") == null || Json.text(phase, "Name").isBlank()) {
                throw OctopusException.badRequest("Each phase of a lifecycle needs a name.");
            }
            if (Json.text(phase, "Id") == null || Json.text(phase, "Id").isBlank()) {
                phase.put("Id", Slugs.guid());
            }
            for (String field : List.of("OptionalDeploymentTargets", "AutomaticDeploymentTargets")) {
                if (!phase.has(field)) {
                    phase.set(field, Json.array());
                }
                for (JsonNode env : phase.get(field)) {
                    if (state.environments.find(space, env.asText()).isEmpty()) {
                        throw OctopusException.badRequest("The environment '" + env.asText()
                                + "' used in phase '" + Json.text(phase, "Name") + "' does not exist.");
                    }
                }
            }
            if (!phase.has("MinimumEnvironmentsBeforePromotion")) {
                phase.put("MinimumEnvironmentsBeforePromotion", 0);
            }
            if (!phase.has("IsOptionalPhase")) {
                phase.put("IsOptionalPhase", false);
            }
            if (!phase.has("IsPriorityPhase")) {
                phase.put("IsPriorityPhase", false);
            }
        }
    }

    private void removeFromLifecycles(ObjectNode environment) {
        String id = Json.text(environment, "Id");
        for (ObjectNode lifecycle : state.lifecycles.list(Json.text(environment, "SpaceId"))) {
            for (ObjectNode phase : Json.objects(lifecycle, "Phases")) {
                for (String field : List.of("OptionalDeploymentTargets", "AutomaticDeploymentTargets")) {
                    var targets = phase.withArray(field);
                    for (int i = targets.size() - 1; i >= 0; i--) {
                        if (id.equalsIgnoreCase(targets.get(i).asText())) {
                            targets.remove(i);
                        }
                    }
                }
            }
        }
    }

    private void checkLifecycleUnused(ObjectNode lifecycle) {
        String id = Json.text(lifecycle, "Id");
        state.projects.list(Json.text(lifecycle, "SpaceId")).stream()
                .filter(p -> id.equals(Json.text(p, "LifecycleId")))
                .findFirst()
                .ifPresent(p -> {
                    throw OctopusException.badRequest("This lifecycle cannot be deleted because it is used by the project '"
                            + Json.text(p, "Name") + "'.");
                });
    }

    private void checkGroupEmpty(ObjectNode group) {
        String id = Json.text(group, "Id");
        if (state.projects.list(Json.text(group, "SpaceId")).stream().anyMatch(p -> id.equals(Json.text(p, "ProjectGroupId")))) {
            throw OctopusException.badRequest("This project group cannot be deleted because it still contains projects. "
                    + "Move or delete them first.");
        }
    }
}
