-- Identity and access (docs/access.md): every change Octopuses makes to who may do what, and every step of an access
-- request, in the order it happened. Rows are only ever added. Portable SQL: H2 and MySQL/MariaDB.
CREATE TABLE access_audit (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at          TIMESTAMP(3)  NOT NULL,
    actor       VARCHAR(200)  NOT NULL,
    action      VARCHAR(60)   NOT NULL,
    server_slug VARCHAR(100),
    subject     VARCHAR(300),
    detail      VARCHAR(2000)
);
CREATE INDEX access_audit_at ON access_audit (at);
CREATE INDEX access_audit_server ON access_audit (server_slug, at);
