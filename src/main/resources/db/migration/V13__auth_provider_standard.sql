-- Auth-provider consistency (docs/auth-providers.md): the farm's standard for sign-in (which providers are enabled,
-- their non-secret settings, the servers it applies to) as one versioned document. Every change adds a row; the
-- highest version is the current standard, the others its history. Never a secret: the document is refused with one.
-- Two changes racing for the same next version: the primary key lets one win. Portable SQL: H2 and MySQL/MariaDB.
CREATE TABLE access_auth_provider_standard (
    version     BIGINT        NOT NULL PRIMARY KEY,
    document    LONGTEXT      NOT NULL,
    providers   INT           NOT NULL,
    changed_by  VARCHAR(200)  NOT NULL,
    changed_at  TIMESTAMP(3)  NOT NULL
);
