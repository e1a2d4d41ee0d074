package io.octopuses.upgrade.executor;

/**
 * What an executor is asked to do to one server. These are the variables of a command or webhook template:
 * {@code {server}}, {@code {serverName}}, {@code {serverUrl}}, {@code {zone}}, {@code {fromVersion}},
 * {@code {version}}, {@code {action}}, {@code {campaign}}.
 *
 * @param campaignId    the campaign's id
 * @param action        UPGRADE, ROLLBACK (back to {@code fromVersion}) or BACKUP (the optional hook before an upgrade)
 * @param serverSlug    the server's farm slug
 * @param serverName    its display name
 * @param serverUrl     its base URL (never with credentials)
 * @param zone          its zone
 * @param fromVersion   the version it runs now
 * @param targetVersion the version to install (for ROLLBACK: the version it ran before)
 */
public record UpgradeJob(String campaignId, Action action, String serverSlug, String serverName, String serverUrl,
                         String zone, String fromVersion, String targetVersion) {

    public enum Action { UPGRADE, ROLLBACK, BACKUP }
}
