package io.octopuses.promotion.approval;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who approves promotions into a zone and environment, how many of them, and how long they have.
 *
 * @param zone        the target server's zone, or {@code *} for any
 * @param environment the target environment's name (case-insensitive), or {@code *} for any
 * @param groups      the Camunda groups whose members may approve (candidate groups of the task)
 * @param approvals   how many different people must approve (N of the groups' M members)
 * @param timeout     how long approvers have; then the promotion is rejected and the requester told
 * @param required    on the target side: whether the zone's own approval is needed at all (the source side always is)
 */
public record ApprovalRule(@DefaultValue("*") String zone, @DefaultValue("*") String environment, List<String> groups,
                           @DefaultValue("1") int approvals, @DefaultValue("P3D") Duration timeout,
                           @DefaultValue("true") boolean required) {

    boolean matches(String targetZone, String targetEnvironment) {
        return ("*".equals(zone) || zone.equals(targetZone))
                && ("*".equals(environment) || environment.equalsIgnoreCase(targetEnvironment));
    }
}
