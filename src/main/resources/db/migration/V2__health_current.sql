-- The last stored reading of each server, and since when it has been offline: what GET /api/v1/servers shows,
-- read from the database so every node of a cluster shows the same, and only what was stored.
CREATE TABLE server_health_current (
    server_slug   VARCHAR(63)  NOT NULL PRIMARY KEY,
    sample_id     BIGINT       NOT NULL,
    offline_since TIMESTAMP(3),
    CONSTRAINT fk_current_server FOREIGN KEY (server_slug) REFERENCES octopus_server (slug) ON DELETE CASCADE,
    CONSTRAINT fk_current_sample FOREIGN KEY (sample_id) REFERENCES server_health_sample (id) ON DELETE CASCADE
);
