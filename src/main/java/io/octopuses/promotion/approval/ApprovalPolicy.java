package io.octopuses.promotion.approval;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

import io.octopuses.security.SecurityGroups;

/** Finds the approval gate of a promotion into a zone and environment, on either side. */
@Component
public class ApprovalPolicy {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofDays(3);

    private final PromotionApprovalProperties properties;
    private final String approvers;

    ApprovalPolicy(PromotionApprovalProperties properties, SecurityGroups groups) {
        this.properties = properties;
        this.approvers = groups.approvers();
    }

    /** The source side's gate: always required; the default approver group, one approval, three days by default. */
    public ApprovalGate sourceGate(String zone, String environment) {
        ApprovalGate gate = find(properties.source(), zone, environment,
                new ApprovalGate(true, approvers, 1, DEFAULT_TIMEOUT));
        return new ApprovalGate(true, gate.groups(), gate.approvals(), gate.timeout());
    }

    /** The target zone's own gate: not required unless a rule says so. */
    public ApprovalGate targetGate(String zone, String environment) {
        return find(properties.target(), zone, environment, new ApprovalGate(false, approvers, 1, DEFAULT_TIMEOUT));
    }

    private ApprovalGate find(List<ApprovalRule> rules, String zone, String environment, ApprovalGate fallback) {
        return rules.stream().filter(rule -> rule.matches(zone, environment)).findFirst()
                .map(rule -> ApprovalGate.of(rule, approvers)).orElse(fallback);
    }
}
