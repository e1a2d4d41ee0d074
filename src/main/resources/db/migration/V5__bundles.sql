-- Bundles (docs/bundle-format.md): this instance's signing identity, the peers it trusts, the bundles it received
-- (their ids are remembered, so a bundle is accepted once) and the bundles waiting in its outbox.
-- Portable SQL: runs on H2 (embedded default) and MySQL/MariaDB (production).

-- One row, ever: the primary key is the constant 'self', so two nodes generating an identity at the same time
-- cannot both insert one; the loser reads the winner's.
CREATE TABLE bundle_instance (
    singleton             VARCHAR(8)    NOT NULL PRIMARY KEY,
    instance_id           VARCHAR(36)   NOT NULL,
    name                  VARCHAR(200)  NOT NULL,
    public_key            VARCHAR(200)  NOT NULL,
    private_key_encrypted VARCHAR(1000) NOT NULL,
    fingerprint           VARCHAR(100)  NOT NULL,
    created_at            TIMESTAMP(3)  NOT NULL
);

CREATE TABLE bundle_trusted_peer (
    instance_id VARCHAR(36)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    public_key  VARCHAR(200) NOT NULL,
    fingerprint VARCHAR(100) NOT NULL,
    added_at    TIMESTAMP(3) NOT NULL,
    added_by    VARCHAR(64),
    CONSTRAINT uq_bundle_trusted_fingerprint UNIQUE (fingerprint)
);

-- The primary key is what refuses a replay, on every node of a cluster.
CREATE TABLE bundle_received (
    bundle_id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    kind                 VARCHAR(100)  NOT NULL,
    source_instance_id   VARCHAR(36)   NOT NULL,
    source_instance_name VARCHAR(200)  NOT NULL,
    source_fingerprint   VARCHAR(100)  NOT NULL,
    source_server        VARCHAR(100)  NOT NULL,
    created_at           TIMESTAMP(3)  NOT NULL,
    not_after            TIMESTAMP(3)  NOT NULL,
    received_at          TIMESTAMP(3)  NOT NULL,
    size_bytes           BIGINT        NOT NULL,
    entry_count          INT           NOT NULL,
    attributes_json      VARCHAR(4000) NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    note                 VARCHAR(2000),
    updated_at           TIMESTAMP(3)  NOT NULL
);
CREATE INDEX ix_bundle_received_time ON bundle_received (received_at);

CREATE TABLE bundle_outbox (
    bundle_id     VARCHAR(36)  NOT NULL PRIMARY KEY,
    kind          VARCHAR(100) NOT NULL,
    source_server VARCHAR(100) NOT NULL,
    created_at    TIMESTAMP(3) NOT NULL,
    not_after     TIMESTAMP(3) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    put_at        TIMESTAMP(3) NOT NULL,
    collected_at  TIMESTAMP(3)
);
CREATE INDEX ix_bundle_outbox_time ON bundle_outbox (put_at);
