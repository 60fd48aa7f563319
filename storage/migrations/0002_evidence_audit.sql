-- Evidence, its chain of custody, and the audit trail of every change.
--
-- A seizure ends in court: these tables answer who held each exhibit, when,
-- where and under which seal, whether a file shown is the file seized, and
-- whether anything in the workspace was changed behind Bollard's back.

CREATE TABLE evidence_items (
    id                TEXT PRIMARY KEY,
    created_at        TEXT NOT NULL,
    created_by_name   TEXT NOT NULL,
    created_by_agency TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by_name   TEXT NOT NULL,
    updated_by_agency TEXT NOT NULL,
    workspace_id      TEXT NOT NULL,
    case_id           TEXT NOT NULL REFERENCES cases (id),
    -- <CASE-REF>/EX-<NNN>; seq is NNN when the ref has that shape.
    exhibit_ref       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    seq               INTEGER,
    description       TEXT NOT NULL,
    kind              TEXT NOT NULL,
    seizure_id        TEXT REFERENCES seizures (id),
    storage_location  TEXT NOT NULL DEFAULT '',
    seal_number       TEXT NOT NULL DEFAULT '',
    acquired_at       TEXT NOT NULL DEFAULT '',
    acquired_place    TEXT NOT NULL DEFAULT '',
    acquired_by       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX evidence_items_case ON evidence_items (case_id, seq);

-- A file attached to an exhibit. The file itself lives in the workspace's
-- blob folder under its SHA-256; this row says which exhibit it belongs to,
-- what it was called and who added it when. Attachments are only added.
CREATE TABLE attachments (
    id                TEXT PRIMARY KEY,
    item_id           TEXT NOT NULL REFERENCES evidence_items (id),
    sha256            TEXT NOT NULL CHECK (length(sha256) = 64),
    name              TEXT NOT NULL,
    size              INTEGER NOT NULL,
    media_type        TEXT NOT NULL,
    added_at          TEXT NOT NULL,
    added_by_name     TEXT NOT NULL,
    added_by_agency   TEXT NOT NULL,
    UNIQUE (item_id, sha256)
);
CREATE INDEX attachments_sha256 ON attachments (sha256);

CREATE TABLE custody_events (
    id                TEXT PRIMARY KEY,
    created_at        TEXT NOT NULL,
    created_by_name   TEXT NOT NULL,
    created_by_agency TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by_name   TEXT NOT NULL,
    updated_by_agency TEXT NOT NULL,
    workspace_id      TEXT NOT NULL,
    item_id           TEXT NOT NULL REFERENCES evidence_items (id),
    action            TEXT NOT NULL,
    from_name         TEXT NOT NULL DEFAULT '',
    from_agency       TEXT NOT NULL DEFAULT '',
    to_name           TEXT NOT NULL DEFAULT '',
    to_agency         TEXT NOT NULL DEFAULT '',
    place             TEXT NOT NULL DEFAULT '',
    seal_number       TEXT NOT NULL DEFAULT '',
    -- NULL when the seal was not checked, 1 intact, 0 found broken.
    seal_intact       INTEGER,
    at                TEXT NOT NULL,
    note              TEXT NOT NULL DEFAULT '',
    corrects          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX custody_events_item ON custody_events (item_id, at);

-- The audit trail: one entry per change to any record, written in the same
-- transaction as the change. Each entry's hash covers its own fields and
-- the previous entry's hash, so the entries form a chain: changing, removing
-- or inserting an entry breaks every link after it.
CREATE TABLE audit_log (
    seq               INTEGER PRIMARY KEY,
    at                TEXT NOT NULL,
    by_name           TEXT NOT NULL,
    by_agency         TEXT NOT NULL,
    workspace_id      TEXT NOT NULL,
    record_type       TEXT NOT NULL,
    record_id         TEXT NOT NULL,
    case_id           TEXT NOT NULL DEFAULT '',
    action            TEXT NOT NULL,
    before            TEXT NOT NULL DEFAULT '',
    after             TEXT NOT NULL DEFAULT '',
    prev_hash         TEXT NOT NULL,
    hash              TEXT NOT NULL
);
CREATE INDEX audit_log_case ON audit_log (case_id, seq);
CREATE INDEX audit_log_record ON audit_log (record_id, seq);

-- The key that signs checkpoints of the audit trail (and, later, case
-- packages): an ed25519 seed, made once per workspace.
ALTER TABLE workspace ADD COLUMN signing_key TEXT NOT NULL DEFAULT '';

-- What is written about evidence stays written: custody events, attachments
-- and audit entries are only ever added.
CREATE TRIGGER custody_events_no_update BEFORE UPDATE ON custody_events
BEGIN
    SELECT RAISE(ABORT, 'custody events are append-only: record a correcting event instead');
END;
CREATE TRIGGER custody_events_no_delete BEFORE DELETE ON custody_events
BEGIN
    SELECT RAISE(ABORT, 'custody events are append-only: record a correcting event instead');
END;
CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments
BEGIN
    SELECT RAISE(ABORT, 'attachments are append-only');
END;
CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments
BEGIN
    SELECT RAISE(ABORT, 'attachments are append-only');
END;
CREATE TRIGGER evidence_items_no_delete BEFORE DELETE ON evidence_items
BEGIN
    SELECT RAISE(ABORT, 'evidence items are never deleted');
END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
