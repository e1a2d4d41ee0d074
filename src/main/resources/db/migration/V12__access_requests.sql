-- Access requests (docs/access-requests.md): a person asks for a farm team's membership, or for a role on one server,
-- for a while; owners approve; the grant is active until it expires or is revoked. One row per request, kept after
-- it ends (the audit tells its steps). Portable SQL: H2 and MySQL/MariaDB.
CREATE TABLE access_request (
    id                     VARCHAR(36)   NOT NULL PRIMARY KEY,
    kind                   VARCHAR(20)   NOT NULL,
    status                 VARCHAR(20)   NOT NULL,
    requester              VARCHAR(200)  NOT NULL,
    requester_email        VARCHAR(320),
    requester_display_name VARCHAR(200),
    team_name              VARCHAR(200),
    server_slug            VARCHAR(100),
    role_name              VARCHAR(200),
    scopes                 VARCHAR(4000),
    duration_text          VARCHAR(40)   NOT NULL,
    reason                 VARCHAR(2000) NOT NULL,
    approvers              VARCHAR(2000),
    approver_group         VARCHAR(200),
    requested_at           TIMESTAMP(3)  NOT NULL,
    decided_by             VARCHAR(200),
    decided_at             TIMESTAMP(3),
    decision_comment       VARCHAR(2000),
    granted_at             TIMESTAMP(3),
    expires_at             TIMESTAMP(3),
    ended_at               TIMESTAMP(3),
    ended_by               VARCHAR(200),
    end_reason             VARCHAR(2000),
    row_version            BIGINT        NOT NULL
);
CREATE INDEX access_request_requester ON access_request (requester, requested_at);
CREATE INDEX access_request_status ON access_request (status);
