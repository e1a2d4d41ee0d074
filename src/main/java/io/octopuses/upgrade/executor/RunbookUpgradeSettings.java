package io.octopuses.upgrade.executor;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What the {@code octopus-runbook} executor runs for one job: which runbook of which project on which manager Octopus
 * server, in which environment (and for which tenant), with which prompted variable values. The runbook depends on
 * the action: {@code runbook} upgrades, {@code rollback-runbook} rolls back, {@code backup-runbook} backs up; the
 * {@code environment}, {@code tenant} and {@code variables.<Name>} templates are filled with the job's placeholders
 * ({@code {version}}, {@code {server}}, {@code {zone}}...) as they are: the values travel as JSON, not through a shell.
 */
record RunbookUpgradeSettings(String manager, String space, String project, String runbook, String environment,
                              String tenant, Map<String, String> variables) {

    static final String VARIABLES = "variables.";

    static RunbookUpgradeSettings of(UpgradeJob job, ExecutorSettings settings) {
        Placeholders placeholders = Placeholders.of(job);
        Map<String, String> variables = new TreeMap<>();
        settings.settings().forEach((name, template) -> {
            if (name.startsWith(VARIABLES) && name.length() > VARIABLES.length()) {
                variables.put(name.substring(VARIABLES.length()), placeholders.fill(template, UnaryOperator.identity()));
            }
        });
        String tenant = settings.optional("tenant", null);
        return new RunbookUpgradeSettings(settings.required("manager-server"), settings.optional("space", "Default"),
                settings.required("project"), runbookFor(job.action(), settings),
                placeholders.fill(settings.required("environment"), UnaryOperator.identity()),
                tenant == null ? null : placeholders.fill(tenant, UnaryOperator.identity()), Map.copyOf(variables));
    }

    /** The runbook of the action: a rollback or backup without its own runbook is refused, never run as an upgrade. */
    private static String runbookFor(UpgradeJob.Action action, ExecutorSettings settings) {
        return switch (action) {
            case UPGRADE -> settings.required("runbook");
            case ROLLBACK -> settings.required("rollback-runbook");
            case BACKUP -> settings.required("backup-runbook");
        };
    }

    /** "runbook 'Upgrade Octopus' of project 'Octopus Farm' on manager 'ops'", for messages. */
    String describe() {
        return "runbook '" + runbook + "' of project '" + project + "' (space '" + space + "') on manager server '" + manager + "'";
    }
}
