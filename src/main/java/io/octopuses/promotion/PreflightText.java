package io.octopuses.promotion;

import java.util.ArrayList;
import java.util.List;

import io.octopuses.promotion.copy.Conflict;
import io.octopuses.promotion.copy.Missing;
import io.octopuses.promotion.copy.PreflightReport;
import io.octopuses.promotion.copy.SensitiveVariable;

/** A preflight report in words, for the timeline, the refusal message and the approval forms. */
public final class PreflightText {

    private PreflightText() {
    }

    /** What stops the import other than sensitive values a person can enter; empty when nothing does. */
    public static List<String> blockers(PreflightReport report) {
        List<String> lines = new ArrayList<>();
        report.missing().stream().map(Missing::describe).forEach(line -> lines.add("missing " + line));
        report.conflicts().stream().map(Conflict::detail).forEach(lines::add);
        return lines;
    }

    /** Blockers and missing sensitive values, all at once, e.g. for a refusal. */
    public static String everything(PreflightReport report) {
        List<String> lines = new ArrayList<>(blockers(report));
        report.missingSensitiveVariables().stream()
                .map(v -> "missing sensitive value '" + v.name() + "'" + scope(v)).forEach(lines::add);
        return String.join("; ", lines);
    }

    /** The changes the import makes on the target, one per line. */
    public static String changes(PreflightReport report) {
        return report.changes() == null ? "(none)" : report.changes().toString();
    }

    public static String scope(SensitiveVariable variable) {
        return variable.scope() == null || variable.scope().isEmpty() ? "" : " scoped to " + variable.scope();
    }
}
