-- Each event row says which version of its kind's schema its data is written in (see the
-- protocol's EventKind), and each snapshot which version of the states' schema it is written
-- in, so that a later Tingsted reads old rows by upcasting them and old snapshots by replaying.
-- Everything written before this has version 1.
ALTER TABLE events ADD COLUMN schema_version INT DEFAULT 1 NOT NULL;
ALTER TABLE snapshots ADD COLUMN schema_version INT DEFAULT 1 NOT NULL;
