package io.octopuses.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;

/**
 * Personal API tokens over REST: {@code /api/v1/tokens}. Everyone manages their own; farm admins can list and
 * revoke anyone's. Creating one needs the password, not another token: a stolen token must not be able to mint
 * its own successor, or revoking it (or letting it expire) would not end the theft.
 */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Tokens", description = "Personal API tokens: send 'Authorization: Bearer <token>' instead of a password")
class ApiTokenController {

    private final ApiTokens tokens;
    private final Clock clock;

    ApiTokenController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a token for yourself (needs your password, not a token); its secret is shown in this answer only")
    CreatedTokenView create(@Valid @RequestBody TokenRequest request, Authentication caller) {
        if (caller instanceof TokenAuthentication) {
            throw new DomainException(ProblemKind.FORBIDDEN, "password-required", "Password required",
                    "A token cannot create tokens: creating one needs your password.",
                    "Create tokens with your Camunda user name and password (HTTP Basic), e.g. "
                            + "curl -u <user> -H 'Content-Type: application/json' -d '{\"name\": \"ci\"}' <octopuses>/api/v1/tokens");
        }
        ApiTokens.Created created = tokens.create(caller.getName(), request.name(), request.expiresAt(), request.expiresInDays());
        return CreatedTokenView.of(created);
    }

    @GetMapping
    @Operation(summary = "List your tokens (never their secrets); farm admins may name another user")
    List<TokenView> list(@Parameter(description = "whose tokens (farm admins only; default: yours)")
                         @RequestParam(required = false) String user,
                         Authentication caller) {
        String owner = user == null || user.isBlank() ? caller.getName() : user;
        if (!owner.equals(caller.getName()) && !isFarmAdmin(caller)) {
            throw new DomainException(ProblemKind.FORBIDDEN, "forbidden", "Forbidden",
                    "Only farm admins may list another user's tokens.",
                    "Leave out 'user' to list your own tokens.");
        }
        Instant now = clock.instant();
        return tokens.of(owner).stream().map(token -> TokenView.of(token, now)).toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of your tokens (farm admins: anyone's); it stops working at once")
    void revoke(@PathVariable String id, Authentication caller) {
        tokens.revoke(id, caller.getName(), isFarmAdmin(caller));
    }

    private static boolean isFarmAdmin(Authentication caller) {
        return caller.getAuthorities().stream().anyMatch(a -> Role.FARM_ADMIN.authority().equals(a.getAuthority()));
    }

    /** The body of {@code POST /api/v1/tokens}. */
    record TokenRequest(
            @Schema(description = "What the token is for", example = "GitHub Actions deploy-prod")
            @NotBlank @Size(max = 100)
            @Pattern(regexp = "[\\p{L}\\p{M}\\p{N} ._,:;/()\\[\\]#@+-]*",
                    message = "may contain letters, digits, spaces and . _ , : ; / ( ) [ ] # @ + - only")
            String name,
            @Schema(description = "When the token stops working (ISO instant); at most octopuses.security.tokens.max-lifetime ahead")
            Instant expiresAt,
            @Schema(description = "Alternatively: the token's lifetime in days", example = "90")
            Integer expiresInDays) {
    }

    /** A token as listed: never its secret. */
    record TokenView(String id, String user, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                     boolean expired) {

        static TokenView of(ApiToken token, Instant now) {
            return new TokenView(token.id(), token.userId(), token.name(), token.createdAt(), token.expiresAt(),
                    token.lastUsedAt(), token.isExpiredAt(now));
        }
    }

    /** The answer to a creation: the only time the secret is shown. */
    record CreatedTokenView(String id, String user, String name, Instant createdAt, Instant expiresAt,
                            @Schema(description = "The secret: shown in this answer only, store it now") String token) {

        static CreatedTokenView of(ApiTokens.Created created) {
            ApiToken token = created.token();
            return new CreatedTokenView(token.id(), token.userId(), token.name(), token.createdAt(), token.expiresAt(),
                    created.secret());
        }

        @Override
        public String toString() {
            return "CreatedTokenView[" + id + " of " + user + "]";
        }
    }
}
