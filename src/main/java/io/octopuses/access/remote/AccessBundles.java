package io.octopuses.access.remote;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The two bundle kinds of access that crosses a zone boundary (docs/bundle-format.md, "Access bundles"): an
 * instruction ({@link #INSTRUCTION_ENTRY}, an {@link AccessInstruction}) from the instance that holds the desired state
 * to the zone's instance, and a report ({@link #REPORT_ENTRY}, an {@link AccessReport}) back. Their
 * {@code sourceServer} is the zone.
 *
 * @param bundleValidity how long an access instruction or report is accepted after it is sealed
 *                       ({@code octopuses.access.remote.bundle-validity})
 */
@ConfigurationProperties("octopuses.access.remote")
record AccessBundles(@DefaultValue("P7D") Duration bundleValidity) {

    /** The audit's actor for what the exchange does on its own. */
    static final String ACTOR = "octopuses";

    static final String KIND_INSTRUCTION = "access-instruction";
    static final String KIND_REPORT = "access-report";

    static final String INSTRUCTION_ENTRY = "instruction.json";
    static final String REPORT_ENTRY = "report.json";

    static final String ATTR_ZONE = "zone";
    static final String ATTR_VERSION = "desiredVersion";
    static final String ATTR_INSTRUCTION = "instruction";
    static final String ATTR_SEQUENCE = "sequence";

    /** The audit's subject for everything about one bundle. */
    static String subject(Object bundleId) {
        return "access-bundle:" + bundleId;
    }
}
