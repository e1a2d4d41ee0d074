package io.octopuses.promotion.target;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import io.octopuses.bundle.BundleInbox;
import io.octopuses.bundle.OpenedBundle;
import io.octopuses.promotion.PromotionBundles;
import io.octopuses.promotion.copy.PackageFile;
import io.octopuses.promotion.copy.ReleaseContent;

/** Reads a received promotion bundle from this instance's inbox: the release, the source approvals, the packages. */
@Component
class ReceivedPromotion {

    private final BundleInbox inbox;
    private final ObjectMapper json;

    ReceivedPromotion(BundleInbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    /** Opens the bundle (its signature checked again); close it. */
    OpenedBundle open(String bundleId) {
        return inbox.open(UUID.fromString(bundleId));
    }

    ReleaseContent content(OpenedBundle bundle) {
        return ReleaseContent.fromJson(new ByteArrayInputStream(bundle.bytes(PromotionBundles.RELEASE_ENTRY)));
    }

    /** The source side's approvals, one line each, for the target approvers. */
    String approvals(OpenedBundle bundle) {
        try {
            List<Map<String, Object>> entries = json.readValue(bundle.bytes(PromotionBundles.APPROVALS_ENTRY),
                    new TypeReference<>() {
                    });
            if (entries.isEmpty()) {
                return "(none recorded)";
            }
            StringBuilder text = new StringBuilder();
            for (Map<String, Object> entry : entries) {
                text.append(entry.get("decision")).append(" by ").append(entry.get("user")).append(" at ")
                        .append(entry.get("at"));
                Object comment = entry.get("comment");
                if (comment != null && !comment.toString().isBlank()) {
                    text.append(": ").append(comment);
                }
                text.append('\n');
            }
            return text + "Signed by instance " + bundle.manifest().sourceInstance().name() + " ("
                    + bundle.signerFingerprint() + ")";
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the approvals of bundle " + bundle.manifest().bundleId(), e);
        }
    }

    /** The package files, streamed from the bundle. */
    static Function<PackageFile, InputStream> packages(OpenedBundle bundle) {
        return file -> bundle.entry(PromotionBundles.PACKAGES_DIR + file.fileName());
    }
}
