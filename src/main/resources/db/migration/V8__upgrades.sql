-- Farm upgrades (docs/upgrades.md): version pins and skips, campaigns, and each campaign's servers with what
-- happened to them. Portable SQL: H2 (embedded default) and MySQL/MariaDB (LONGTEXT is a CLOB on H2).

-- A pin keeps a server (or every server of a team) on its version; a skip keeps it off one version.
CREATE TABLE upgrade_pin (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    scope       VARCHAR(10)   NOT NULL,
    subject     VARCHAR(200)  NOT NULL,
    kind        VARCHAR(10)   NOT NULL,
    version     VARCHAR(40)   NOT NULL,
    owner       VARCHAR(200)  NOT NULL,
    reason      VARCHAR(1000),
    created_by  VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMP(3)  NOT NULL,
    expires_at  TIMESTAMP(3)
);
CREATE INDEX ix_upgrade_pin_subject ON upgrade_pin (scope, subject);

CREATE TABLE upgrade_campaign (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    target_version      VARCHAR(40)   NOT NULL,
    requested_by        VARCHAR(200)  NOT NULL,
    state               VARCHAR(20)   NOT NULL,
    detail              VARCHAR(2000),
    request_json        LONGTEXT      NOT NULL,
    process_instance_id VARCHAR(64),
    created_at          TIMESTAMP(3)  NOT NULL,
    updated_at          TIMESTAMP(3)  NOT NULL,
    finished_at         TIMESTAMP(3),
    row_version         BIGINT        NOT NULL
);
CREATE INDEX ix_upgrade_campaign_created ON upgrade_campaign (created_at);

-- One row per server the plan named; a server is upgraded by one campaign at a time (the running campaign's
-- rows are the claim: see UpgradeCampaigns).
CREATE TABLE upgrade_campaign_server (
    id                   VARCHAR(110)  NOT NULL PRIMARY KEY,
    campaign_id          VARCHAR(36)   NOT NULL,
    server_slug          VARCHAR(63)   NOT NULL,
    server_zone          VARCHAR(63)   NOT NULL,
    ring                 INT           NOT NULL,
    wave                 INT           NOT NULL,
    decision             VARCHAR(10)   NOT NULL,
    reason_code          VARCHAR(40)   NOT NULL,
    reason               VARCHAR(2000) NOT NULL,
    from_version         VARCHAR(40),
    state                VARCHAR(20)   NOT NULL,
    executor_action      VARCHAR(10),
    executor_type        VARCHAR(40),
    executor_handle      VARCHAR(200),
    executor_started_at  TIMESTAMP(3),
    executor_state       VARCHAR(20),
    executor_output      LONGTEXT,
    failure              VARCHAR(4000),
    evidence             VARCHAR(4000),
    smoke_baseline       VARCHAR(2000),
    attempts             INT           NOT NULL,
    started_at           TIMESTAMP(3),
    finished_at          TIMESTAMP(3),
    row_version          BIGINT        NOT NULL,
    CONSTRAINT fk_upgrade_campaign_server FOREIGN KEY (campaign_id) REFERENCES upgrade_campaign (id)
);
CREATE INDEX ix_upgrade_campaign_server ON upgrade_campaign_server (campaign_id, ring, wave);
CREATE INDEX ix_upgrade_campaign_server_slug ON upgrade_campaign_server (server_slug, state);
