package io.octopuses.promotion.approval;

import java.time.Duration;
import java.util.List;

/**
 * The approval a promotion must pass, resolved from the rules for its zone and environment.
 *
 * @param required  false when no one needs to approve (only ever on the target side)
 * @param groups    the candidate groups, comma-separated as Camunda's {@code candidateGroups} takes them
 * @param approvals how many different people must approve
 * @param timeout   how long they have
 */
public record ApprovalGate(boolean required, String groups, int approvals, Duration timeout) {

    static ApprovalGate of(ApprovalRule rule, String fallbackGroup) {
        List<String> groups = rule.groups() == null || rule.groups().isEmpty() ? List.of(fallbackGroup) : rule.groups();
        return new ApprovalGate(rule.required(), String.join(",", groups), Math.max(1, rule.approvals()), rule.timeout());
    }
}
