-- Release promotions: one row per promotion this instance started (source side) and per promotion it imported
-- (target side), with a timeline of what happened. Portable SQL: H2 and MySQL/MariaDB (LONGTEXT is a CLOB on H2).

CREATE TABLE promotion (
    id                   VARCHAR(36)   NOT NULL PRIMARY KEY,
    idempotency_key      VARCHAR(200),
    requested_by         VARCHAR(200)  NOT NULL,
    space_name           VARCHAR(200)  NOT NULL,
    project              VARCHAR(200)  NOT NULL,
    release_version      VARCHAR(100)  NOT NULL,
    source_server        VARCHAR(63)   NOT NULL,
    target_server        VARCHAR(63)   NOT NULL,
    target_environment   VARCHAR(200)  NOT NULL,
    target_zone          VARCHAR(63)   NOT NULL,
    transport            VARCHAR(20)   NOT NULL,
    state                VARCHAR(30)   NOT NULL,
    detail               VARCHAR(2000),
    bundle_id            VARCHAR(36),
    remote_state         VARCHAR(30),
    remote_release_id    VARCHAR(100),
    remote_deployment_id VARCHAR(100),
    remote_task_id       VARCHAR(100),
    remote_started_at    TIMESTAMP(3),
    remote_completed_at  TIMESTAMP(3),
    remote_error         VARCHAR(2000),
    remote_log           LONGTEXT,
    artifact_id          VARCHAR(100),
    created_at           TIMESTAMP(3)  NOT NULL,
    updated_at           TIMESTAMP(3)  NOT NULL,
    finished_at          TIMESTAMP(3),
    row_version          BIGINT        NOT NULL,
    CONSTRAINT uq_promotion_idempotency UNIQUE (requested_by, idempotency_key)
);
CREATE INDEX ix_promotion_created ON promotion (created_at);

CREATE TABLE promotion_import (
    promotion_id         VARCHAR(36)   NOT NULL PRIMARY KEY,
    bundle_id            VARCHAR(36)   NOT NULL,
    source_instance      VARCHAR(36)   NOT NULL,
    source_instance_name VARCHAR(200)  NOT NULL,
    requested_by         VARCHAR(200)  NOT NULL,
    project              VARCHAR(200)  NOT NULL,
    release_version      VARCHAR(100)  NOT NULL,
    target_server        VARCHAR(63)   NOT NULL,
    target_environment   VARCHAR(200)  NOT NULL,
    state                VARCHAR(30)   NOT NULL,
    detail               VARCHAR(2000),
    results_bundle_id    VARCHAR(36),
    created_at           TIMESTAMP(3)  NOT NULL,
    updated_at           TIMESTAMP(3)  NOT NULL,
    row_version          BIGINT        NOT NULL
);

CREATE TABLE promotion_event (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    promotion_id VARCHAR(36)   NOT NULL,
    side         VARCHAR(10)   NOT NULL,
    occurred_at  TIMESTAMP(3)  NOT NULL,
    kind         VARCHAR(40)   NOT NULL,
    actor        VARCHAR(200),
    detail       VARCHAR(2000)
);
CREATE INDEX ix_promotion_event ON promotion_event (promotion_id, occurred_at);
