-- Every record an officer can edit counts its saves, so that a save made
-- over a record that changed since it was read (in another window, by a
-- script, by a merge) is refused instead of silently overwriting the newer
-- save. The count is local to this workspace: it is not part of the audit
-- trail's JSON nor of case packages. Existing records start at 1.
ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE seizures ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE entities ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE relations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE timeline_events ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE tasks ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE evidence_items ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
