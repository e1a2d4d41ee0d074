package io.octopuses.upgrade.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.octopuses.octopus.OctopusVersion;

/**
 * What an upgrade from one Octopus Server version to another may be: never a downgrade, and, when the policy says
 * so, no more than {@code maxMajorStep} major versions (the year in {@code 2026.1.9674}) at once. The upgrade-path
 * planner lists the intermediate versions such a policy requires, choosing the latest known version of each major.
 *
 * @param maxMajorStep 0: any jump; otherwise the most major versions one step may cross
 * @param known        the versions the planner may name as steps
 */
public record VersionPolicy(int maxMajorStep, List<OctopusVersion> known) {

    public enum Verdict { UPGRADE, SAME, DOWNGRADE, MAJOR_JUMP }

    public VersionPolicy {
        if (maxMajorStep < 0) {
            throw new IllegalArgumentException("maxMajorStep must be 0 (off) or more, not " + maxMajorStep);
        }
        known = known.stream().sorted().toList();
    }

    public static VersionPolicy of(int maxMajorStep, Collection<String> known) {
        return new VersionPolicy(maxMajorStep, known.stream().map(OctopusVersion::parse).toList());
    }

    public Verdict judge(OctopusVersion from, OctopusVersion to) {
        int order = to.compareTo(from);
        if (order == 0) {
            return Verdict.SAME;
        }
        if (order < 0) {
            return Verdict.DOWNGRADE;
        }
        return maxMajorStep > 0 && major(to) - major(from) > maxMajorStep ? Verdict.MAJOR_JUMP : Verdict.UPGRADE;
    }

    /**
     * The versions to install, in order, to go from {@code from} to {@code to}: the intermediate steps the policy
     * requires, then {@code to}. A step no known version fills is named as the major with {@code .x}
     * (e.g. {@code 2025.x}) and flagged unknown.
     */
    public List<PathStep> path(OctopusVersion from, OctopusVersion to) {
        List<PathStep> steps = new ArrayList<>();
        if (judge(from, to) == Verdict.MAJOR_JUMP) {
            for (int major = major(from) + maxMajorStep; major < major(to); major += maxMajorStep) {
                steps.add(latestOf(major).map(v -> new PathStep(v.text(), true))
                        .orElse(new PathStep(major + ".x", false)));
            }
        }
        steps.add(new PathStep(to.text(), true));
        return steps;
    }

    private Optional<OctopusVersion> latestOf(int major) {
        return known.stream().filter(v -> major(v) == major).max(Comparator.naturalOrder());
    }

    private static int major(OctopusVersion version) {
        return version.parts()[0];
    }

    /**
     * One version on an upgrade path.
     *
     * @param version the version, or {@code 2025.x} when no known version of that major exists
     * @param known   false when the version must still be chosen (add it to octopuses.upgrade.available-versions)
     */
    public record PathStep(String version, boolean known) {
    }
}
