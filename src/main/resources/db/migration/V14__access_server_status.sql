-- Identity and access (docs/access.md): each server's reconciliation status. applied_fingerprint is the SHA-256 of
-- the desired-state slice last applied in full on the server: a later difference with the same slice is drift, one
-- with a new slice is a change still to roll out. drift_mode NULL: the default (octopuses.access.drift-mode).
CREATE TABLE access_server_status (
    server_slug          VARCHAR(100)  NOT NULL PRIMARY KEY,
    status               VARCHAR(20)   NOT NULL,
    reason               VARCHAR(2000),
    differences          LONGTEXT,
    desired_version      BIGINT        NOT NULL,
    applied_fingerprint  VARCHAR(64),
    checked_at           TIMESTAMP(3),
    applied_at           TIMESTAMP(3),
    drift_found_at       TIMESTAMP(3),
    drift_mode           VARCHAR(20)
);
