package io.octopuses.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.keygen.BytesKeyGenerator;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.octopuses.problem.DomainException;
import io.octopuses.problem.ProblemKind;

/**
 * Personal API tokens: created for a user and shown once, listed without their secrets, revoked by their owner
 * or a farm admin, and checked on every call that presents one.
 *
 * <p>A token is {@code octs_} followed by 32 random bytes from {@link java.security.SecureRandom} (base64url, 43
 * characters). Only its SHA-256 is stored. A fast, unsalted hash is right here, unlike for passwords: a password
 * is short and guessable, so it needs a slow salted hash to survive a dictionary attack on a stolen table, but
 * 256 random bits cannot be guessed or looked up however fast the hash is, and a plain hash lets us find the
 * token with one indexed query per call instead of checking a slow hash against every row. A stolen table (or
 * backup) therefore yields nothing that authenticates.
 */
@Service
class ApiTokens {

    static final String PREFIX = "octs_";
    private static final int SECRET_BYTES = 32;
    /** A secret is PREFIX + 43 characters; anything much longer is not one of ours and is not even hashed. */
    private static final int MAX_PRESENTED_LENGTH = 100;
    /** How precisely "last used" is kept: at most one write per token and minute, not one per call. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    /** Expired tokens stay listed (and explain a failing CI job) this long, then {@link #purge()} deletes them. */
    private static final Duration KEEP_EXPIRED = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

    private final ApiTokenRepository tokens;
    private final UserAuthorities users;
    private final ApiTokenProperties properties;
    private final Clock clock;
    private final BytesKeyGenerator secrets = KeyGenerators.secureRandom(SECRET_BYTES);

    ApiTokens(ApiTokenRepository tokens, UserAuthorities users, ApiTokenProperties properties, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new token and its secret, which exists nowhere else: the caller shows it once. */
    record Created(ApiToken token, String secret) {

        @Override
        public String toString() {
            return "Created[" + token + "]";
        }
    }

    @Transactional
    Created create(String userId, String name, Instant expiresAt, Integer expiresInDays) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiry = expiry(now, expiresAt, expiresInDays);
        if (tokens.countByUserIdAndExpiresAtAfter(userId, now) >= properties.maxPerUser()) {
            throw new DomainException(ProblemKind.CONFLICT, "too-many-tokens", "Too many tokens",
                    "You already hold " + properties.maxPerUser() + " live API tokens, the most one user may hold.",
                    "Revoke tokens you no longer use, then try again.");
        }
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secrets.generateKey());
        ApiToken token = tokens.save(new ApiToken(UUID.randomUUID().toString(), userId, name, hash(secret), now, expiry));
        log.info("API token {} ('{}') created for user {}, expires {}", token.id(), name, userId, expiry);
        return new Created(token, secret);
    }

    @Transactional(readOnly = true)
    List<ApiToken> of(String userId) {
        return tokens.findByUserIdOrderByCreatedAtAsc(userId);
    }

    /** Revokes a token of {@code callerId}'s, or anyone's when the caller is a farm admin; others' are "not found". */
    @Transactional
    void revoke(String id, String callerId, boolean callerIsFarmAdmin) {
        ApiToken token = tokens.findById(id)
                .filter(found -> callerIsFarmAdmin || found.userId().equals(callerId))
                .orElseThrow(() -> new DomainException(ProblemKind.NOT_FOUND, "token-not-found", "Token not found",
                        "You have no API token with id " + id + ".",
                        "List your tokens to find its id; farm admins can list anyone's."));
        tokens.delete(token);
        log.info("API token {} ('{}') of user {} revoked by {}", token.id(), token.name(), token.userId(), callerId);
    }

    /**
     * The live token with this secret, if any: unknown, revoked and expired secrets find nothing, and neither
     * does the token of a user Camunda no longer knows (whose tokens are then deleted).
     */
    @Transactional
    Optional<ApiToken> verify(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > MAX_PRESENTED_LENGTH) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<ApiToken> found = tokens.findBySecretHash(hash(secret)).filter(token -> !token.isExpiredAt(now));
        if (found.isEmpty()) {
            return found;
        }
        ApiToken token = found.get();
        if (!users.exists(token.userId())) {
            int deleted = tokens.deleteAllOf(token.userId());
            log.info("Deleted {} API token(s) of user {}, who no longer exists in Camunda", deleted, token.userId());
            return Optional.empty();
        }
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
            tokens.markUsed(token.id(), now);
        }
        return found;
    }

    /**
     * Hourly: deletes tokens expired for longer than {@link #KEEP_EXPIRED}, and every token of a user Camunda no
     * longer knows, so a user id created again later does not inherit the old user's tokens.
     */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    @Transactional
    void purge() {
        int expired = tokens.deleteExpiredBefore(clock.instant().minus(KEEP_EXPIRED));
        int orphaned = 0;
        for (String userId : tokens.findUserIds()) {
            if (!users.exists(userId)) {
                orphaned += tokens.deleteAllOf(userId);
            }
        }
        if (expired + orphaned > 0) {
            log.info("Deleted {} long-expired API token(s) and {} of users no longer in Camunda", expired, orphaned);
        }
    }

    private Instant expiry(Instant now, Instant expiresAt, Integer expiresInDays) {
        Instant latest = now.plus(properties.maxLifetime());
        if (expiresAt != null && expiresInDays != null) {
            throw invalidExpiry("Both expiresAt and expiresInDays were given.", latest);
        }
        Instant expiry;
        if (expiresInDays != null) {
            if (expiresInDays < 1 || expiresInDays > properties.maxLifetime().toDays()) {
                throw invalidExpiry("expiresInDays must be between 1 and " + properties.maxLifetime().toDays()
                        + ", was " + expiresInDays + ".", latest);
            }
            expiry = now.plus(Duration.ofDays(expiresInDays));
        } else if (expiresAt != null) {
            expiry = expiresAt.truncatedTo(ChronoUnit.MILLIS);
            if (!expiry.isAfter(now) || expiry.isAfter(latest)) {
                throw invalidExpiry("expiresAt must lie in the future and no later than " + latest + ", was " + expiresAt + ".", latest);
            }
        } else {
            expiry = now.plus(properties.defaultLifetime());
        }
        return expiry;
    }

    private DomainException invalidExpiry(String detail, Instant latest) {
        return new DomainException(ProblemKind.INVALID, "invalid-expiry", "Invalid token expiry", detail,
                "Give either expiresInDays (1-" + properties.maxLifetime().toDays() + ") or expiresAt (an ISO instant "
                        + "no later than " + latest + "), or neither for " + properties.defaultLifetime().toDays() + " days.");
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
