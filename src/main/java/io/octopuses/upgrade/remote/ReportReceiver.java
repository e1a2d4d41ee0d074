package io.octopuses.upgrade.remote;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.octopuses.bundle.BundleInbox;
import io.octopuses.bundle.BundleReceived;
import io.octopuses.problem.DomainException;
import io.octopuses.upgrade.campaign.BundledServers;
import io.octopuses.upgrade.campaign.UpgradeCampaigns;

/**
 * A verified upgrade report arrived: its outcomes replace the campaign's PENDING_BUNDLE servers, each once. A report
 * for a campaign this instance never started is marked failed; one whose servers were all reported before changes
 * nothing, and the inbox note says why.
 */
@Component
class ReportReceiver {

    private static final Logger log = LoggerFactory.getLogger(ReportReceiver.class);

    private final BundleInbox inbox;
    private final RemoteBundles bundles;
    private final UpgradeCampaigns campaigns;
    private final BundledServers bundled;

    ReportReceiver(BundleInbox inbox, RemoteBundles bundles, UpgradeCampaigns campaigns, BundledServers bundled) {
        this.inbox = inbox;
        this.bundles = bundles;
        this.campaigns = campaigns;
        this.bundled = bundled;
    }

    @ApplicationModuleListener
    void on(BundleReceived received) {
        if (!UpgradeBundles.KIND_REPORT.equals(received.kind())) {
            return;
        }
        String campaignId = received.attributes().get(UpgradeBundles.ATTR_CAMPAIGN);
        UpgradeReport report;
        try {
            campaigns.get(String.valueOf(campaignId));
            report = bundles.read(received.bundleId(), UpgradeBundles.REPORT_ENTRY, UpgradeReport.class);
        } catch (DomainException unknown) {
            inbox.markFailed(received.bundleId(), "No campaign '" + campaignId + "' was started by this instance: this "
                    + "report belongs to another instance. Bring it to the instance that started the campaign.");
            return;
        } catch (IllegalArgumentException unreadable) {
            inbox.markFailed(received.bundleId(), unreadable.getMessage() + ". Ask the zone's instance to send it again.");
            return;
        }
        if (!campaignId.equals(report.sourceCampaignId())) {
            inbox.markFailed(received.bundleId(), "The report inside is for campaign " + report.sourceCampaignId()
                    + ", not " + campaignId + " as the manifest says; ask the zone's instance to send it again.");
            return;
        }
        String reporter = inbox.item(received.bundleId()).sourceInstanceName();
        BundledServers.ReportApplied applied = bundled.applyReport(campaignId, received.bundleId().toString(), reporter,
                report.servers());
        String note = applied.changedNothing()
                ? "Changed nothing on campaign " + campaignId + ": " + applied.ignored()
                : "Campaign " + campaignId + ": outcomes of " + applied.applied() + " recorded"
                + (applied.ignored().isEmpty() ? "" : "; ignored " + applied.ignored());
        inbox.markHandled(received.bundleId(), note);
        log.info("Upgrade report {} from instance '{}': {}", received.bundleId(), reporter, note);
    }
}
