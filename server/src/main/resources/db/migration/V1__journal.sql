-- The durable journal: the source of truth. The same schema serves H2 (embedded default)
-- and PostgreSQL (production).

-- Every accepted event of every stream. The primary key (stream, seq) is what refuses a
-- second writer of the same seq.
CREATE TABLE events (
  stream      VARCHAR(200) NOT NULL,
  seq         BIGINT       NOT NULL,
  at_ms       BIGINT       NOT NULL,
  by_member   VARCHAR(64),
  kind        VARCHAR(64)  NOT NULL,
  data        TEXT         NOT NULL,
  command_id  VARCHAR(64),
  CONSTRAINT events_pk PRIMARY KEY (stream, seq)
);

-- A stream's state at a seq, so that a restart need not replay from the first event.
CREATE TABLE snapshots (
  stream    VARCHAR(200) NOT NULL,
  seq       BIGINT       NOT NULL,
  state     TEXT         NOT NULL,
  taken_ms  BIGINT       NOT NULL,
  CONSTRAINT snapshots_pk PRIMARY KEY (stream, seq)
);

-- Documents that are not event streams: the roster of each assembly.
CREATE TABLE documents (
  kind        VARCHAR(64) NOT NULL,
  id          VARCHAR(64) NOT NULL,
  body        TEXT        NOT NULL,
  updated_ms  BIGINT      NOT NULL,
  CONSTRAINT documents_pk PRIMARY KEY (kind, id)
);

-- Secrets the whole cluster shares, such as the key that signs join tokens.
CREATE TABLE secrets (
  name   VARCHAR(64)  NOT NULL,
  secret VARCHAR(512) NOT NULL,
  CONSTRAINT secrets_pk PRIMARY KEY (name)
);
