package io.octopuses.security;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A personal API token of one Camunda user. Only the SHA-256 of its secret is kept ({@link ApiTokens} says why
 * that suffices); the secret itself exists only in the answer that created it.
 */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    private String id;
    private String userId;
    private String name;
    private String secretHash;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant lastUsedAt;

    protected ApiToken() {
    }

    ApiToken(String id, String userId, String name, String secretHash, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.userId = userId;
        this.name = name;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    String name() {
        return name;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "ApiToken[" + id + " of " + userId + "]";
    }
}
