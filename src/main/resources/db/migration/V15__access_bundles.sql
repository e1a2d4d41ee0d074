-- Access of DISCONNECTED servers through their zones' instances (docs/access-bundles.md). Portable SQL: H2 and
-- MySQL/MariaDB (LONGTEXT is a CLOB on H2).

-- The sending side: every access-instruction bundle sealed (kept, so a late report for an older one is told from one
-- for an instruction this instance never sent) ...
CREATE TABLE access_bundle_sent (
    bundle_id        VARCHAR(36)   NOT NULL PRIMARY KEY,
    zone             VARCHAR(100)  NOT NULL,
    desired_version  BIGINT        NOT NULL,
    server_count     INT           NOT NULL,
    sent_by          VARCHAR(200)  NOT NULL,
    sent_at          TIMESTAMP(3)  NOT NULL
);

-- ... and per server the slice last sent (its fingerprint decides whether a new bundle is needed) and the last report
-- recorded for it (a report with a sequence not above it changes nothing).
CREATE TABLE access_bundle_server (
    server_slug       VARCHAR(100)  NOT NULL PRIMARY KEY,
    zone              VARCHAR(100)  NOT NULL,
    bundle_id         VARCHAR(36)   NOT NULL,
    desired_version   BIGINT        NOT NULL,
    fingerprint       VARCHAR(64)   NOT NULL,
    sent_at           TIMESTAMP(3)  NOT NULL,
    report_bundle_id  VARCHAR(36),
    report_sequence   INT,
    reported_at       TIMESTAMP(3)
);

-- The zone's side: per server, the slice received (the sender is authoritative for it: reconciliation applies it
-- instead of this instance's own desired state).
CREATE TABLE access_received_slice (
    server_slug           VARCHAR(100)  NOT NULL PRIMARY KEY,
    source_instance_id    VARCHAR(36)   NOT NULL,
    source_instance_name  VARCHAR(200)  NOT NULL,
    bundle_id             VARCHAR(36)   NOT NULL,
    desired_version       BIGINT        NOT NULL,
    fingerprint           VARCHAR(64)   NOT NULL,
    slice_json            LONGTEXT      NOT NULL,
    sealed_at             TIMESTAMP(3)  NOT NULL,
    received_at           TIMESTAMP(3)  NOT NULL
);

-- ... and per instruction received: what became of each server it named, and the reports sent back (the digest of
-- the last one: a new report goes out only when the result changes).
CREATE TABLE access_received_instruction (
    bundle_id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    source_instance_id    VARCHAR(36)   NOT NULL,
    source_instance_name  VARCHAR(200)  NOT NULL,
    zone                  VARCHAR(100)  NOT NULL,
    servers_json          LONGTEXT      NOT NULL,
    received_at           TIMESTAMP(3)  NOT NULL,
    report_sequence       INT           NOT NULL,
    report_digest         VARCHAR(64),
    report_bundle_id      VARCHAR(36),
    reported_at           TIMESTAMP(3)
);
