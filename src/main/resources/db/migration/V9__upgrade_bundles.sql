-- Disconnected servers in upgrade campaigns (docs/upgrades.md, "Disconnected servers"). Portable SQL: H2 and
-- MySQL/MariaDB (LONGTEXT is a CLOB on H2).

-- The source side: which instruction bundle carried a DISCONNECTED server to its zone's instance, and which report
-- bundle brought its outcome back (a report is applied once: a row that has one is no longer PENDING_BUNDLE).
ALTER TABLE upgrade_campaign_server ADD COLUMN bundle_id VARCHAR(36);
ALTER TABLE upgrade_campaign_server ADD COLUMN report_bundle_id VARCHAR(36);

-- The receiving side: one row per instruction received, with the local campaign it started (none when nothing
-- could run here), the servers it did not run and why, and the report bundle sent back when that campaign ended.
CREATE TABLE upgrade_remote_campaign (
    instruction_bundle_id VARCHAR(36)   NOT NULL PRIMARY KEY,
    source_instance_id    VARCHAR(36)   NOT NULL,
    source_instance_name  VARCHAR(200)  NOT NULL,
    source_campaign_id    VARCHAR(36)   NOT NULL,
    source_zone           VARCHAR(100)  NOT NULL,
    local_campaign_id     VARCHAR(36),
    not_run_json          LONGTEXT      NOT NULL,
    report_bundle_id      VARCHAR(36),
    received_at           TIMESTAMP(3)  NOT NULL,
    reported_at           TIMESTAMP(3),
    row_version           BIGINT        NOT NULL,
    CONSTRAINT uq_upgrade_remote_campaign_source UNIQUE (source_instance_id, source_campaign_id, source_zone)
);
CREATE INDEX ix_upgrade_remote_campaign_local ON upgrade_remote_campaign (local_campaign_id);
