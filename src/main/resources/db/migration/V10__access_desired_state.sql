-- Identity and access (docs/access.md): the farm's desired teams, members, external groups and role grants as one
-- versioned document. Every import adds a row; the highest version is the current state, the others its history.
-- Two imports racing for the same next version: the primary key lets one win. Portable SQL: H2 and MySQL/MariaDB.
CREATE TABLE access_desired_state (
    version     BIGINT        NOT NULL PRIMARY KEY,
    document    LONGTEXT      NOT NULL,
    teams       INT           NOT NULL,
    changed_by  VARCHAR(200)  NOT NULL,
    changed_at  TIMESTAMP(3)  NOT NULL
);
