-- Where a change received from a partner came from (model.Provenance): the
-- partner's officer and agency as their signed package names them, the
-- SHA-256 of the package file, and the fingerprint (public key) of the key
-- that signed it. Empty for a change made here, which is every entry
-- written before this migration: their hashes stay as they were.
ALTER TABLE audit_log ADD COLUMN received_name    TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN received_agency  TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN received_package TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN received_key     TEXT NOT NULL DEFAULT '';

-- The package a conflict's incoming record came in, so that an officer
-- taking theirs credits the change to where it came from.
ALTER TABLE conflicts ADD COLUMN from_package TEXT NOT NULL DEFAULT '';
