-- Farm inventory: the Octopus servers this instance knows, their health history and their events.
-- Portable SQL: runs on H2 (embedded default) and MySQL/MariaDB (production).

CREATE TABLE octopus_server (
    slug              VARCHAR(63)   NOT NULL PRIMARY KEY,
    name              VARCHAR(200)  NOT NULL,
    base_url          VARCHAR(2000) NOT NULL,
    api_key_encrypted VARCHAR(1000),
    zone              VARCHAR(63)   NOT NULL,
    reachability      VARCHAR(20)   NOT NULL,
    upgrade_ring      INT           NOT NULL,
    pinned_version    VARCHAR(40),
    owning_team       VARCHAR(200),
    created_at        TIMESTAMP(3)  NOT NULL,
    updated_at        TIMESTAMP(3)  NOT NULL,
    row_version       BIGINT        NOT NULL
);

CREATE TABLE octopus_server_label (
    server_slug VARCHAR(63)  NOT NULL,
    label_key   VARCHAR(100) NOT NULL,
    label_value VARCHAR(200) NOT NULL,
    PRIMARY KEY (server_slug, label_key),
    CONSTRAINT fk_label_server FOREIGN KEY (server_slug) REFERENCES octopus_server (slug) ON DELETE CASCADE
);

CREATE TABLE server_health_sample (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    server_slug         VARCHAR(63)   NOT NULL,
    polled_at           TIMESTAMP(3)  NOT NULL,
    state               VARCHAR(20)   NOT NULL,
    version             VARCHAR(40),
    operating_normally  BOOLEAN,
    health_description  VARCHAR(1000),
    maintenance_mode    BOOLEAN,
    node_count          INT,
    node_versions       VARCHAR(1000),
    node_versions_agree BOOLEAN,
    queued_tasks        INT,
    executing_tasks     INT,
    response_time_ms    BIGINT        NOT NULL,
    error               VARCHAR(1000),
    CONSTRAINT fk_sample_server FOREIGN KEY (server_slug) REFERENCES octopus_server (slug) ON DELETE CASCADE
);
CREATE INDEX ix_sample_server_time ON server_health_sample (server_slug, polled_at);
CREATE INDEX ix_sample_time ON server_health_sample (polled_at);

CREATE TABLE server_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    server_slug VARCHAR(63)   NOT NULL,
    occurred_at TIMESTAMP(3)  NOT NULL,
    type        VARCHAR(40)   NOT NULL,
    detail      VARCHAR(1000) NOT NULL,
    CONSTRAINT fk_event_server FOREIGN KEY (server_slug) REFERENCES octopus_server (slug) ON DELETE CASCADE
);
CREATE INDEX ix_event_server_time ON server_event (server_slug, occurred_at);
