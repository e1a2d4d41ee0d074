package io.octopuses.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code octopuses.security.groups.*}: the Camunda groups that carry the roles. Farm admins default to Camunda's
 * own administrator group, because a Camunda administrator can change groups and authorizations anyway: a
 * separate farm-admin group would only look stricter.
 *
 * @param admins    farm admins ({@link Role#FARM_ADMIN}), also Camunda administrators
 * @param operators operators ({@link Role#OPERATOR})
 * @param approvers approvers ({@link Role#APPROVER}); capabilities may add per-zone approver groups
 */
@ConfigurationProperties("octopuses.security.groups")
public record SecurityGroups(@DefaultValue("camunda-admin") String admins,
                             @DefaultValue("octopuses-operators") String operators,
                             @DefaultValue("octopuses-approvers") String approvers) {

    /** The role a member of {@code group} has through it, or {@code null}. */
    Role roleOf(String group) {
        if (group.equals(admins)) {
            return Role.FARM_ADMIN;
        }
        if (group.equals(operators)) {
            return Role.OPERATOR;
        }
        if (group.equals(approvers)) {
            return Role.APPROVER;
        }
        return null;
    }
}
