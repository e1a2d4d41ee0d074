package io.octopuses.access.reconcile;

import java.util.List;
import java.util.Map;

import io.octopuses.access.desired.FarmTeam;
import io.octopuses.octopus.resources.IdentityClaimResource;
import io.octopuses.octopus.resources.IdentityResource;
import io.octopuses.octopus.resources.ScopedUserRoleResource;
import io.octopuses.octopus.resources.TeamResource;
import io.octopuses.octopus.resources.UserResource;

/** One write that brings a server closer to the desired state; applied in the order {@link AccessDiff} gives. */
sealed interface AccessChange {

    Difference difference();

    void applyTo(ChangeTarget target);

    /** A member missing on the server: a user (never a service account) with their login identity. */
    record CreateUser(FarmTeam.Member member, String team) implements AccessChange {

        @Override
        public Difference difference() {
            return new Difference(Difference.Kind.USER_MISSING, team, "user '" + member.username() + "'");
        }

        @Override
        public void applyTo(ChangeTarget target) {
            FarmTeam.ExternalIdentity external = member.externalIdentity();
            List<IdentityResource> identities = external == null ? List.of() : List.of(new IdentityResource(
                    external.provider(), Map.of(external.claim(), new IdentityClaimResource(external.value(), true))));
            UserResource created = target.octopus().users().create(new UserResource(null, member.username(),
                    member.displayName() == null ? member.username() : member.displayName(), member.email(),
                    true, false, null, identities, null, null, null, null));
            target.userCreated(member.username(), created.id());
        }
    }

    record CreateTeam(WantedTeam team) implements AccessChange {

        @Override
        public Difference difference() {
            return new Difference(Difference.Kind.TEAM_MISSING, team.name(), team.members().size() + " members, "
                    + team.externalGroups().size() + " external groups, " + team.roles().size() + " roles");
        }

        @Override
        public void applyTo(ChangeTarget target) {
            TeamResource created = target.octopus().teams().create(new TeamResource(null, team.name(), null,
                    team.description(), target.userIds(team.members()), ChangeTarget.groups(team.externalGroups()),
                    null, null, null, null, null, null, null));
            target.teamCreated(team.name(), created.id());
        }
    }

    /** Description, members and external groups set as wanted; everything else the server keeps is sent back. */
    record UpdateTeam(TeamResource actual, WantedTeam team, String what) implements AccessChange {

        @Override
        public Difference difference() {
            return new Difference(Difference.Kind.TEAM_DIFFERS, team.name(), what);
        }

        @Override
        public void applyTo(ChangeTarget target) {
            target.octopus().teams().update(actual.id(), new TeamResource(actual.id(), actual.name(), actual.slug(),
                    team.description(), target.userIds(team.members()), ChangeTarget.groups(team.externalGroups()),
                    actual.spaceId(), actual.canBeDeleted(), actual.canBeRenamed(), actual.canChangeMembers(),
                    actual.canChangeRoles(), actual.links(), actual.other()));
        }
    }

    record AddRole(String team, RoleGrant grant, String described) implements AccessChange {

        @Override
        public Difference difference() {
            return new Difference(Difference.Kind.ROLE_MISSING, team, described);
        }

        @Override
        public void applyTo(ChangeTarget target) {
            target.octopus().scopedUserRoles().create(grant.toResource(target.teamId(team)));
        }
    }

    record RemoveRole(String team, ScopedUserRoleResource role, String described) implements AccessChange {

        @Override
        public Difference difference() {
            return new Difference(Difference.Kind.ROLE_EXTRA, team, described);
        }

        @Override
        public void applyTo(ChangeTarget target) {
            target.octopus().scopedUserRoles().delete(role.id());
        }
    }

    record DeleteTeam(TeamResource actual) implements AccessChange {

        @Override
        public Difference difference() {
            return new Difference(Difference.Kind.TEAM_EXTRA, actual.name(), "no longer wanted on this server");
        }

        @Override
        public void applyTo(ChangeTarget target) {
            target.octopus().teams().delete(actual.id());
        }
    }
}
