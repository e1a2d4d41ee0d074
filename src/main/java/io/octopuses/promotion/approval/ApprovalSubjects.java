package io.octopuses.promotion.approval;

import org.springframework.stereotype.Component;

import io.octopuses.farm.FarmServers;
import io.octopuses.promotion.record.Promotion;
import io.octopuses.promotion.record.PromotionEvent;
import io.octopuses.promotion.record.PromotionImport;
import io.octopuses.promotion.record.PromotionImports;
import io.octopuses.promotion.record.Promotions;
import io.octopuses.security.DecisionSubjects;

/**
 * What an approval task decides about, read from the promotion's record — never from the task's variables, which
 * whoever completes the task could overwrite with the form's submission.
 */
@Component
class ApprovalSubjects implements DecisionSubjects {

    /** The process keys of the two sides (release-promotion.bpmn, promotion-import.bpmn). */
    static final String SOURCE_PROCESS = "releasePromotion";
    static final String TARGET_PROCESS = "promotionImport";

    /** Who asked, how many different approvals this side needs, and from which groups. */
    record Subject(String requester, int approvalsRequired, String approverGroups) {
    }

    private final Promotions promotions;
    private final PromotionImports imports;
    private final ApprovalPolicy policy;
    private final FarmServers farm;

    ApprovalSubjects(Promotions promotions, PromotionImports imports, ApprovalPolicy policy, FarmServers farm) {
        this.promotions = promotions;
        this.imports = imports;
        this.policy = policy;
        this.farm = farm;
    }

    Subject of(String processKey, String promotionId) {
        if (SOURCE_PROCESS.equals(processKey)) {
            Promotion promotion = promotions.get(promotionId);
            ApprovalGate gate = policy.sourceGate(promotion.targetZone(), promotion.targetEnvironment());
            return new Subject(promotion.requestedBy(), gate.approvals(), gate.groups());
        }
        PromotionImport promotion = imports.get(promotionId);
        String zone = farm.get(promotion.targetServer()).zone();
        ApprovalGate gate = policy.targetGate(zone, promotion.targetEnvironment());
        return new Subject(promotion.requestedBy(), gate.approvals(), gate.groups());
    }

    @Override
    public boolean handles(String processKey) {
        return SOURCE_PROCESS.equals(processKey) || TARGET_PROCESS.equals(processKey);
    }

    /**
     * The four-eyes rule of the promotion approvals: the requester can never claim or complete their own
     * promotion's approval, and nobody approves twice (N of M means N different people).
     */
    @Override
    public String refusal(String processKey, String promotionId, String person) {
        Subject subject = of(processKey, promotionId);
        if (person.equalsIgnoreCase(subject.requester())) {
            return "Four eyes: " + person + " requested this promotion and cannot approve it. "
                    + "Another member of " + subject.approverGroups() + " must decide.";
        }
        if (approvedBefore(processKey, promotionId, person)) {
            return person + " has already approved this promotion; " + subject.approvalsRequired()
                    + " different people must approve it. Another approver must decide.";
        }
        return null;
    }

    /** True when {@code person} approved this side of the promotion before. */
    boolean approvedBefore(String processKey, String promotionId, String person) {
        return (SOURCE_PROCESS.equals(processKey) ? promotions.decisions(promotionId) : imports.decisions(promotionId))
                .stream().anyMatch(e -> e.kind().equals(PromotionEvent.APPROVED_BY) && person.equalsIgnoreCase(e.actor()));
    }

    /** Records the decision on the promotion's timeline; returns how many different people approved this side. */
    int decided(String processKey, String promotionId, String user, String decision, String comment) {
        return SOURCE_PROCESS.equals(processKey)
                ? promotions.decided(promotionId, user, decision, comment)
                : imports.decided(promotionId, user, decision, comment);
    }
}
