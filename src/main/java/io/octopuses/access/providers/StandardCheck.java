package io.octopuses.access.providers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.octopuses.farm.FarmServer;
import io.octopuses.farm.FarmServers;

/**
 * Checks a standard before it is stored, reporting every error with its path in the document: a secret in it, a
 * setting the provider does not have, a provider enabled without what Octopus needs to enable it, a server selection
 * naming servers or zones the farm lacks.
 */
@Component
class StandardCheck {

    /** One error: where in the document, and what is wrong. */
    record Finding(String path, String message) {
    }

    private final FarmServers farm;

    StandardCheck(FarmServers farm) {
        this.farm = farm;
    }

    List<Finding> errors(AuthProviderStandard standard) {
        List<Finding> errors = new ArrayList<>();
        servers(standard.selection(), errors);
        Map<AuthProvider, ProviderSettings> fixed = standard.fixed();
        if (fixed.isEmpty()) {
            errors.add(new Finding("providers", "The standard names no provider: give at least one of "
                    + keys(List.of(AuthProvider.values())) + "."));
        }
        fixed.forEach((provider, settings) -> provider(provider, settings, errors));
        ProviderSettings password = fixed.get(AuthProvider.USERNAME_PASSWORD);
        if (password != null && Boolean.FALSE.equals(password.enabled())
                && fixed.values().stream().noneMatch(settings -> Boolean.TRUE.equals(settings.enabled()))) {
            errors.add(new Finding("providers.usernamePassword.enabled", "The standard disables username and password"
                    + " and enables no other provider: on a server without one, nobody could sign in. Enable the"
                    + " provider people should use, or leave usernamePassword out."));
        }
        return errors;
    }

    private static void provider(AuthProvider provider, ProviderSettings settings, List<Finding> errors) {
        String path = "providers." + provider.key();
        for (String secret : settings.secretsGiven()) {
            errors.add(new Finding(path + "." + secret, "A secret cannot be part of the farm standard: remove "
                    + secret + " and set it on each server (Octopus: Configuration, Settings, " + provider.displayName()
                    + "); the report lists the servers where it is missing."));
        }
        if (settings.enabled() == null) {
            errors.add(new Finding(path + ".enabled", "Say whether " + provider.displayName()
                    + " is enabled (true or false)."));
        }
        settings.settings().forEach((name, value) -> {
            if (!provider.settings().contains(name)) {
                errors.add(new Finding(path + "." + name, provider.displayName() + " has no setting " + name
                        + (provider.settings().isEmpty() ? ": only enabled." : "; its settings are " + provider.settings() + ".")));
            } else if (value instanceof String text && text.isBlank()) {
                errors.add(new Finding(path + "." + name, "is blank: give a value, or leave " + name
                        + " out to let each server keep its own."));
            } else if (value instanceof List<?> list && list.stream().anyMatch(item -> item == null || item.toString().isBlank())) {
                errors.add(new Finding(path + "." + name, "has a blank entry."));
            }
        });
        if (Boolean.TRUE.equals(settings.enabled())) {
            for (String required : provider.requiredWhenEnabled()) {
                if (!settings.settings().containsKey(required)) {
                    errors.add(new Finding(path + "." + required, "Octopus enables " + provider.displayName()
                            + " only with " + required + " set: the standard must fix it."));
                }
            }
        }
    }

    private void servers(AuthProviderStandard.ServerSelection selection, List<Finding> errors) {
        if (!selection.servers().isEmpty() && (!selection.zones().isEmpty() || !selection.labels().isEmpty())) {
            errors.add(new Finding("servers", "Name servers, or select them by zones and labels, not both."));
            return;
        }
        List<FarmServer> all = farm.all();
        Set<String> slugs = all.stream().map(FarmServer::slug).collect(Collectors.toCollection(TreeSet::new));
        Set<String> zones = all.stream().map(FarmServer::zone).collect(Collectors.toCollection(TreeSet::new));
        for (int s = 0; s < selection.servers().size(); s++) {
            String slug = selection.servers().get(s);
            if (!slugs.contains(slug)) {
                errors.add(new Finding("servers.servers[" + s + "]", "No server '" + slug
                        + "' is registered: register it first (POST /api/v1/servers) or correct the slug."));
            }
        }
        for (int z = 0; z < selection.zones().size(); z++) {
            String zone = selection.zones().get(z);
            if (!zones.contains(zone)) {
                errors.add(new Finding("servers.zones[" + z + "]", "No registered server is in zone '" + zone
                        + "'; the zones are: " + zones + "."));
            }
        }
    }

    private static String keys(List<AuthProvider> providers) {
        return providers.stream().map(AuthProvider::key).toList().toString();
    }
}
