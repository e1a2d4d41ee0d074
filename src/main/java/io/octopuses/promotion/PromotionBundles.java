package io.octopuses.promotion;

/**
 * The two bundle kinds a promotion uses and their entries (docs/bundle-format.md, "Promotion bundles"). A promotion
 * bundle carries {@link #RELEASE_ENTRY}, {@link #APPROVALS_ENTRY} and the package files under {@link #PACKAGES_DIR};
 * its manifest attributes carry the {@link io.octopuses.promotion.record.PromotionTicket}. A results bundle carries
 * {@link #RESULTS_ENTRY}, {@link #TASK_LOG_ENTRY} and {@link #TIMELINE_ENTRY}.
 */
public final class PromotionBundles {

    public static final String KIND_PROMOTION = "promotion";
    public static final String KIND_RESULTS = "promotion-results";

    /** The exported release ({@code ReleaseContent} as JSON). */
    public static final String RELEASE_ENTRY = "release.json";
    /** The source side's approvals: the signed evidence the target's approvers see. */
    public static final String APPROVALS_ENTRY = "approvals.json";
    public static final String PACKAGES_DIR = "packages/";

    public static final String RESULTS_ENTRY = "results.json";
    public static final String TASK_LOG_ENTRY = "task-log.txt";
    /** The target side's timeline lines, so the source shows the whole promotion. */
    public static final String TIMELINE_ENTRY = "timeline.json";

    private PromotionBundles() {
    }
}
