-- The audit log: every command the server refused (coalesced: one row per person, code and
-- minute on each node, with how many times) and every staff action through the admin API.
-- What a command carried is never kept here: only who, what kind of command, where, and why.
CREATE TABLE audit (
  id          VARCHAR(64)   NOT NULL,
  kind        VARCHAR(16)   NOT NULL,
  assembly    VARCHAR(64),
  at_ms       BIGINT        NOT NULL,
  last_ms     BIGINT        NOT NULL,
  times       INT           NOT NULL,
  actor       VARCHAR(128),
  actor_role  VARCHAR(32),
  stream      VARCHAR(200),
  action      VARCHAR(128),
  command_id  VARCHAR(64),
  target      VARCHAR(300),
  outcome     VARCHAR(64)   NOT NULL,
  reason      VARCHAR(1200),
  CONSTRAINT audit_pk PRIMARY KEY (id)
);
CREATE INDEX audit_by_time ON audit (at_ms, id);
CREATE INDEX audit_by_assembly ON audit (assembly, at_ms, id);
