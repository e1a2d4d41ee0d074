package io.octopuses.promotion.approval;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code octopuses.promotion.approval.*}: the approval gates. The first matching rule wins; without one, the
 * default group ({@code octopuses.security.groups.approvers}) gives one approval within three days on the source
 * side, and no local approval on the target side.
 *
 * @param source rules for the approval on the instance that starts the promotion
 * @param target rules for the target zone's own approval, on the instance that imports it
 */
@ConfigurationProperties("octopuses.promotion.approval")
public record PromotionApprovalProperties(@DefaultValue List<ApprovalRule> source,
                                          @DefaultValue List<ApprovalRule> target) {
}
