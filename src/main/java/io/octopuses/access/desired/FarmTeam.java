package io.octopuses.access.desired;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A team the farm manages: created on every server one of its grants targets, under the same name, its description
 * ending in {@value #MANAGED_MARKER} so a person can tell it is kept from here.
 *
 * @param name           unique in the document (without regard to case), the team's name on every server
 * @param description    shown on the servers, before the marker
 * @param owners         usernames of the people who answer for the team (they approve access requests to the team)
 * @param members        the people in the team
 * @param externalGroups the organisation's security groups whose members are in the team
 * @param grants         the Octopus user roles the team holds, where
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FarmTeam(String name, String description, List<String> owners, List<Member> members,
                       List<ExternalGroup> externalGroups, List<Grant> grants) {

    /** How a team on an Octopus server is recognised as kept by Octopuses (its description ends with it). */
    public static final String MANAGED_MARKER = "[octopuses:managed]";

    public FarmTeam {
        owners = Lists.of(owners);
        members = Lists.of(members);
        externalGroups = Lists.of(externalGroups);
        grants = Lists.of(grants);
    }

    /**
     * One person in the team.
     *
     * @param username         the Octopus username (the key: matched on every server)
     * @param email            their email address
     * @param displayName      their name as shown
     * @param externalIdentity how the organisation's login provider knows them
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Member(String username, String email, String displayName, ExternalIdentity externalIdentity) {
    }

    /**
     * A person's identity at the login provider, e.g. {@code {provider: "Azure AD", claim: "upn", value: "alice@corp"}}.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ExternalIdentity(String provider, String claim, String value) {
    }

    /** A security group of the organisation's provider, by its id there (e.g. an Entra ID object id). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ExternalGroup(String id, String displayName) {
    }
}
