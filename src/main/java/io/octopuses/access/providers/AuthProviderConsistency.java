package io.octopuses.access.providers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.octopuses.access.SideBySide;
import io.octopuses.access.audit.AccessAudit;
import io.octopuses.farm.FarmClients;
import io.octopuses.farm.FarmServer;
import io.octopuses.farm.FarmServers;
import io.octopuses.octopus.areas.ConfigurationApi;

/**
 * Compares the targeted servers' authentication providers with the farm standard, and applies it on request. Every
 * CONNECTED server is read (and written) side by side within one deadline, so a slow or broken server affects its own
 * line only. Only the provider sections that differ are written, each as the server has it with the standard's
 * settings over it: settings the standard does not mention and every secret stay as they are. Secrets are never read
 * (Octopus shows {@code HasValue} only), logged or returned.
 */
@Service
public class AuthProviderConsistency {

    private static final Logger log = LoggerFactory.getLogger(AuthProviderConsistency.class);
    static final String NOT_CONNECTED = "DISCONNECTED: only bundles reach it; compare it where it is managed";

    private final AuthProviderStandards standards;
    private final FarmServers farm;
    private final FarmClients clients;
    private final AccessAudit audit;
    private final ObjectMapper json;
    private final AuthProviderProperties properties;
    private final Clock clock;

    AuthProviderConsistency(AuthProviderStandards standards, FarmServers farm, FarmClients clients, AccessAudit audit,
                            ObjectMapper json, AuthProviderProperties properties, Clock clock) {
        this.standards = standards;
        this.farm = farm;
        this.clients = clients;
        this.audit = audit;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param servers the slugs to compare (each must be targeted by the standard); empty: every targeted server
     */
    public ConsistencyReport report(List<String> servers) {
        StoredStandard current = standard();
        List<FarmServer> targets = targets(current.standard(), servers);
        Map<String, SideBySide.Outcome<List<Comparison>>> reads = SideBySide.run("auth-providers", connected(targets),
                slug -> compare(slug, current.standard()), properties.readTimeout(), properties.parallel());
        List<ConsistencyReport.ServerReport> lines = new ArrayList<>();
        for (FarmServer server : targets) {
            SideBySide.Outcome<List<Comparison>> read = reads.get(server.slug());
            if (read == null) {
                lines.add(new ConsistencyReport.ServerReport(server.slug(), ConsistencyReport.Status.NOT_CHECKED,
                        List.of(), List.of(), NOT_CONNECTED));
            } else if (read.value() == null) {
                lines.add(new ConsistencyReport.ServerReport(server.slug(), ConsistencyReport.Status.UNREACHABLE,
                        List.of(), List.of(), read.failure()));
            } else {
                List<Difference> differences = read.value().stream().flatMap(c -> c.differences().stream()).toList();
                List<MissingSecret> missing = missing(read.value());
                lines.add(new ConsistencyReport.ServerReport(server.slug(),
                        differences.isEmpty() && missing.isEmpty() ? ConsistencyReport.Status.IN_STANDARD
                                : ConsistencyReport.Status.DIFFERENT, differences, missing, null));
            }
        }
        return new ConsistencyReport(current.version(), clock.instant(), lines);
    }

    /**
     * Makes the targeted servers match the standard, or with {@code dryRun} says exactly what that would write. A
     * section whose provider the standard enables while the server lacks the secret sign-in needs is skipped (enabling
     * it would offer a sign-in that fails). Every section written is audited ({@code AUTH_PROVIDER_APPLIED}).
     *
     * @param servers the slugs to apply to (each must be targeted by the standard); empty: every targeted server
     * @param actor   who asked, for the audit
     * @param expectedVersion the standard's version the caller reviewed (e.g. in a dry run), or null for whichever
     *                        is current
     * @throws io.octopuses.problem.DomainException {@code auth-provider-standard-changed} when the standard is no
     *                                              longer {@code expectedVersion}: nothing is applied
     */
    public ApplyResult apply(List<String> servers, boolean dryRun, String actor, Long expectedVersion) {
        StoredStandard current = standard();
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw AuthProviderProblems.changed(expectedVersion, current.version());
        }
        List<FarmServer> targets = targets(current.standard(), servers);
        Map<String, SideBySide.Outcome<ApplyResult.ServerApplied>> outcomes = SideBySide.run("auth-providers", connected(targets),
                slug -> applyTo(slug, current, dryRun, actor), properties.applyTimeout(), properties.parallel());
        List<ApplyResult.ServerApplied> lines = new ArrayList<>();
        for (FarmServer server : targets) {
            SideBySide.Outcome<ApplyResult.ServerApplied> outcome = outcomes.get(server.slug());
            if (outcome == null) {
                lines.add(new ApplyResult.ServerApplied(server.slug(), ApplyResult.Status.NOT_CHECKED, List.of(),
                        List.of(), NOT_CONNECTED));
            } else if (outcome.value() == null) {
                lines.add(new ApplyResult.ServerApplied(server.slug(), ApplyResult.Status.UNREACHABLE, List.of(),
                        List.of(), outcome.failure() + (dryRun ? "" : "; sections written before that are in the"
                        + " access audit, run the report to see where it stands")));
            } else {
                lines.add(outcome.value());
            }
        }
        return new ApplyResult(current.version(), dryRun, clock.instant(), lines);
    }

    private ApplyResult.ServerApplied applyTo(String slug, StoredStandard current, boolean dryRun, String actor) {
        ConfigurationApi configuration = clients.forServer(slug).configuration();
        List<ApplyResult.ProviderChange> changes = new ArrayList<>();
        List<MissingSecret> missing = new ArrayList<>();
        boolean complete = true;
        for (Map.Entry<AuthProvider, ProviderSettings> fixed : current.standard().fixed().entrySet()) {
            AuthProvider provider = fixed.getKey();
            ObjectNode values = read(configuration, provider);
            Comparison comparison = Comparison.of(provider, fixed.getValue(), values, json);
            if (comparison.missingSecret() != null) {
                missing.add(comparison.missingSecret());
                complete = false;
            }
            if (comparison.differences().isEmpty()) {
                continue;
            }
            if (comparison.missingSecret() != null) {
                changes.add(new ApplyResult.ProviderChange(provider.key(), ApplyResult.Outcome.SKIPPED,
                        comparison.differences(), provider.neededSecret() + " " + MissingSecret.MESSAGE + " first: "
                        + provider.displayName() + " enabled without it would offer a sign-in that fails"));
                continue;
            }
            if (dryRun) {
                changes.add(new ApplyResult.ProviderChange(provider.key(), ApplyResult.Outcome.WOULD_APPLY,
                        comparison.differences(), null));
                continue;
            }
            try {
                configuration.updateValues(provider.section(), Comparison.desired(values, fixed.getValue(), json));
                audit.record(actor, "AUTH_PROVIDER_APPLIED", slug, provider.key(), "standard version "
                        + current.version() + ": " + describe(comparison.differences()));
                changes.add(new ApplyResult.ProviderChange(provider.key(), ApplyResult.Outcome.APPLIED,
                        comparison.differences(), null));
            } catch (RuntimeException failed) {
                log.info("Applying the {} standard to server {} failed: {}", provider.key(), slug, failed.getMessage());
                complete = false;
                changes.add(new ApplyResult.ProviderChange(provider.key(), ApplyResult.Outcome.FAILED,
                        comparison.differences(), failed.getMessage()));
            }
        }
        boolean skipped = changes.stream().anyMatch(change -> change.outcome() == ApplyResult.Outcome.SKIPPED);
        ApplyResult.Status status = !complete || skipped ? ApplyResult.Status.INCOMPLETE
                : changes.isEmpty() ? ApplyResult.Status.IN_STANDARD
                : dryRun ? ApplyResult.Status.WOULD_APPLY : ApplyResult.Status.APPLIED;
        return new ApplyResult.ServerApplied(slug, status, changes, missing, null);
    }

    private List<Comparison> compare(String slug, AuthProviderStandard standard) {
        ConfigurationApi configuration = clients.forServer(slug).configuration();
        List<Comparison> comparisons = new ArrayList<>();
        standard.fixed().forEach((provider, settings) ->
                comparisons.add(Comparison.of(provider, settings, read(configuration, provider), json)));
        return comparisons;
    }

    /** A section's values; an answer that is not a JSON object is a failure of this server (malformed). */
    static ObjectNode read(ConfigurationApi configuration, AuthProvider provider) {
        JsonNode values = configuration.values(provider.section());
        if (values == null || !values.isObject()) {
            throw new IllegalStateException("malformed answer: the " + provider.displayName() + " section ("
                    + provider.section() + ") is not a JSON object");
        }
        return (ObjectNode) values;
    }

    private static List<MissingSecret> missing(List<Comparison> comparisons) {
        return comparisons.stream().map(Comparison::missingSecret).filter(java.util.Objects::nonNull).toList();
    }

    private static String describe(List<Difference> differences) {
        return differences.stream().map(d -> d.field() + ": " + d.server() + " -> " + d.standard())
                .collect(Collectors.joining("; "));
    }

    private StoredStandard standard() {
        StoredStandard current = standards.current();
        if (current.version() == 0) {
            throw AuthProviderProblems.noStandard();
        }
        return current;
    }

    private static List<String> connected(List<FarmServer> targets) {
        return targets.stream().filter(FarmServer::isConnected).map(FarmServer::slug).toList();
    }

    /** The servers the standard selects, narrowed to {@code requested} when given. */
    private List<FarmServer> targets(AuthProviderStandard standard, List<String> requested) {
        AuthProviderStandard.ServerSelection selection = standard.selection();
        List<FarmServer> targeted = farm.all().stream()
                .filter(server -> selection.servers().isEmpty() || selection.servers().contains(server.slug()))
                .filter(server -> selection.zones().isEmpty() || selection.zones().contains(server.zone()))
                .filter(server -> selection.labels().entrySet().stream()
                        .allMatch(label -> label.getValue().equals(server.labels().get(label.getKey()))))
                .toList();
        if (requested == null || requested.isEmpty()) {
            return targeted;
        }
        Map<String, FarmServer> bySlug = new LinkedHashMap<>();
        targeted.forEach(server -> bySlug.put(server.slug(), server));
        List<String> outside = new ArrayList<>();
        List<FarmServer> chosen = new ArrayList<>();
        for (String slug : requested.stream().distinct().toList()) {
            farm.get(slug);
            if (bySlug.containsKey(slug)) {
                chosen.add(bySlug.get(slug));
            } else {
                outside.add(slug);
            }
        }
        if (!outside.isEmpty()) {
            throw AuthProviderProblems.notTargeted(outside);
        }
        return chosen;
    }
}
