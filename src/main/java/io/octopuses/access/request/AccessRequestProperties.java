package io.octopuses.access.request;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code octopuses.access.requests.*}: access requests (docs/access-requests.md).
 *
 * @param maxDuration     the longest access a request may ask for
 * @param approvalTimeout how long the approvers have; then the request is rejected
 * @param remindBefore    how long before the expiry the requester is reminded (half the duration when that is shorter)
 * @param fallbackGroup   the Camunda group that approves when the team or server has no owner but the requester
 *                        (empty: the approvers group, {@code octopuses.security.groups.approvers})
 */
@ConfigurationProperties("octopuses.access.requests")
public record AccessRequestProperties(@DefaultValue("P30D") Duration maxDuration,
                                      @DefaultValue("P3D") Duration approvalTimeout,
                                      @DefaultValue("P1D") Duration remindBefore,
                                      String fallbackGroup) {
}
