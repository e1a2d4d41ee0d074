package io.octopuses.access.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import io.octopuses.access.desired.DesiredState;
import io.octopuses.access.desired.DesiredStateContributor;
import io.octopuses.access.desired.FarmTeam;
import io.octopuses.access.desired.Grant;

/**
 * Adds every active access grant to the effective desired state: a team request makes the requester a member of
 * that team; a server role request adds a team of its own, {@code Access request <short id> (<username>)}, holding
 * the role on that one server. Expired, revoked and rejected requests add nothing, so the reconciler removes them.
 */
@Component
class ActiveAccessGrants implements DesiredStateContributor {

    private final AccessRequestRepository requests;
    private final RequestTime time;
    private final ObjectMapper json;

    // not AccessRequests: it reads the desired state, whose effective() calls this
    ActiveAccessGrants(AccessRequestRepository requests, RequestTime time, ObjectMapper json) {
        this.requests = requests;
        this.time = time;
        this.json = json;
    }

    /** Active and not past its expiry (a late expiry timer does not prolong a grant). */
    @Override
    public DesiredState contribute(DesiredState state) {
        Instant now = time.now();
        List<AccessRequest> active = requests.findByStatus(AccessRequestStatus.ACTIVE).stream()
                .filter(request -> request.expiresAt() != null && request.expiresAt().isAfter(now)).toList();
        if (active.isEmpty()) {
            return state;
        }
        List<FarmTeam> teams = new ArrayList<>(state.teams());
        for (AccessRequest request : active) {
            FarmTeam.Member member = member(state, request);
            if (request.kind() == AccessRequestKind.TEAM) {
                for (int t = 0; t < teams.size(); t++) {
                    FarmTeam team = teams.get(t);
                    if (team.name() != null && team.name().equalsIgnoreCase(request.teamName())
                            && team.members().stream().noneMatch(m -> AccessRequests.same(m.username(), request.requester()))) {
                        List<FarmTeam.Member> members = new ArrayList<>(team.members());
                        members.add(member);
                        teams.set(t, new FarmTeam(team.name(), team.description(), team.owners(), members,
                                team.externalGroups(), team.grants()));
                    }
                }
            } else {
                AccessScopes scopes = AccessRequests.scopes(json, request);
                teams.add(new FarmTeam(teamName(request),
                        "Access request " + request.id() + " by " + request.requester() + ", until "
                                + request.expiresAt() + ": " + request.reason(),
                        List.of(), List.of(member), List.of(),
                        List.of(new Grant(request.roleName(),
                                new Grant.ServerTargets(List.of(request.serverSlug()), null, null), scopes.spaces(),
                                scopes.environments(), scopes.projectGroups(), scopes.projects(), null))));
            }
        }
        return new DesiredState(teams);
    }

    /** The managed team a server role request is granted through. */
    static String teamName(AccessRequest request) {
        return "Access request " + request.shortId() + " (" + request.requester() + ")";
    }

    /** The requester as the desired state knows them (email, external identity), else as the request says. */
    private static FarmTeam.Member member(DesiredState state, AccessRequest request) {
        return state.teams().stream().flatMap(team -> team.members().stream())
                .filter(member -> AccessRequests.same(member.username(), request.requester())).findFirst()
                .orElseGet(() -> new FarmTeam.Member(request.requester(), request.requesterEmail(),
                        request.requesterDisplayName(), null));
    }
}
