package io.octopuses.upgrade.remote;

/**
 * The two bundle kinds of an upgrade that crosses a zone boundary (docs/bundle-format.md, "Upgrade bundles"): an
 * instruction ({@link #INSTRUCTION_ENTRY}, an {@link UpgradeInstruction}) from the campaign's instance to the zone's
 * instance, and a report ({@link #REPORT_ENTRY}, an {@link UpgradeReport}) back. Both name the source campaign in
 * the manifest attribute {@link #ATTR_CAMPAIGN}; their {@code sourceServer} is the zone.
 */
final class UpgradeBundles {

    static final String KIND_INSTRUCTION = "upgrade-instruction";
    static final String KIND_REPORT = "upgrade-report";

    static final String INSTRUCTION_ENTRY = "instruction.json";
    static final String REPORT_ENTRY = "report.json";

    static final String ATTR_CAMPAIGN = "campaign";
    static final String ATTR_TARGET_VERSION = "targetVersion";
    static final String ATTR_ZONE = "zone";
    static final String ATTR_INSTRUCTION = "instruction";

    private UpgradeBundles() {
    }
}
