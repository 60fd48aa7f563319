-- Case packages exchanged with partner agencies, and what merging them
-- needs to remember.

-- The workspace's age identity (AGE-SECRET-KEY-1...), made once: partners
-- encrypt packages to its public key (age1...).
ALTER TABLE workspace ADD COLUMN age_identity TEXT NOT NULL DEFAULT '';

-- The partners whose signed packages the officer has accepted: a package
-- from a key not listed here is imported only after the officer confirms.
CREATE TABLE partners (
    public_key      TEXT PRIMARY KEY,          -- ed25519, base64
    name            TEXT NOT NULL,
    agency          TEXT NOT NULL,
    workspace_id    TEXT NOT NULL,
    first_seen_at   TEXT NOT NULL,
    last_seen_at    TEXT NOT NULL
);

-- For each record that travelled (exported or imported), the record as it
-- was when it last did: the common ancestor a three-way merge compares
-- both sides with, field by field.
CREATE TABLE exchange_base (
    record_type     TEXT NOT NULL,
    record_id       TEXT NOT NULL,
    json            TEXT NOT NULL,
    exchanged_at    TEXT NOT NULL,
    PRIMARY KEY (record_type, record_id)
);

-- A record changed on both sides: the local version stays in its table,
-- the incoming one waits here, field by field, for the officer to choose.
CREATE TABLE conflicts (
    id              TEXT PRIMARY KEY,
    record_type     TEXT NOT NULL,
    record_id       TEXT NOT NULL,
    case_id         TEXT NOT NULL DEFAULT '',
    incoming        TEXT NOT NULL,             -- the incoming record, JSON
    base            TEXT NOT NULL DEFAULT '',  -- the common ancestor, JSON ('' when none)
    fields          TEXT NOT NULL DEFAULT '[]',-- the fields changed on both sides, JSON list
    from_key        TEXT NOT NULL DEFAULT '',  -- the signer's public key
    received_at     TEXT NOT NULL,
    resolved_at     TEXT NOT NULL DEFAULT '',
    resolution      TEXT NOT NULL DEFAULT ''   -- '' open; 'mine', 'theirs' or 'fields'
);
CREATE INDEX conflicts_open ON conflicts (resolved_at, case_id);
CREATE INDEX conflicts_record ON conflicts (record_type, record_id);

-- The audit entries of the other side for the records that travelled,
-- kept as they came: their chain is the other workspace's, checked there.
CREATE TABLE foreign_audit (
    workspace_id    TEXT NOT NULL,
    seq             INTEGER NOT NULL,
    at              TEXT NOT NULL,
    by_name         TEXT NOT NULL,
    by_agency       TEXT NOT NULL,
    record_type     TEXT NOT NULL,
    record_id       TEXT NOT NULL,
    case_id         TEXT NOT NULL DEFAULT '',
    action          TEXT NOT NULL,
    before          TEXT NOT NULL DEFAULT '',
    after           TEXT NOT NULL DEFAULT '',
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL,
    PRIMARY KEY (workspace_id, seq)
);
CREATE INDEX foreign_audit_record ON foreign_audit (record_id);
CREATE TRIGGER foreign_audit_no_update BEFORE UPDATE ON foreign_audit
BEGIN
    SELECT RAISE(ABORT, 'the audit entries of other workspaces are kept as they came');
END;
CREATE TRIGGER foreign_audit_no_delete BEFORE DELETE ON foreign_audit
BEGIN
    SELECT RAISE(ABORT, 'the audit entries of other workspaces are kept as they came');
END;
