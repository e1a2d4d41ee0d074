-- Personal API tokens for /api/v1 and /engine-rest: only the SHA-256 of each secret is stored, never the secret.
-- Portable SQL: runs on H2 (embedded default) and MySQL/MariaDB (production).

CREATE TABLE api_token (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id      VARCHAR(64)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    secret_hash  VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP(3) NOT NULL,
    expires_at   TIMESTAMP(3) NOT NULL,
    last_used_at TIMESTAMP(3) NULL,
    CONSTRAINT uq_api_token_secret_hash UNIQUE (secret_hash)
);
CREATE INDEX ix_api_token_user ON api_token (user_id, expires_at);
