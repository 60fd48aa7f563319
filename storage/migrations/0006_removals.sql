-- Removals travel. An unlinked entity, a deleted relation, task or note is
-- no longer a row deleted (which the partner's next package brought back)
-- but a tombstone: the record stays, marked removed, so that the removal is
-- a change like any other, audited, carried in case packages and merged.
ALTER TABLE relations ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tasks ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notes ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- A link's role is edited, never replaced by a second link: an entity has
-- one link to a case, whose role changes. The old table held one link per
-- role (UNIQUE case, entity, role), so it is made again without that rule;
-- one live link per case and entity is enforced once the duplicates that
-- earlier merges made are repaired (repairDuplicateLinks, after this SQL).
CREATE TABLE case_links_new (
    id                TEXT PRIMARY KEY,
    created_at        TEXT NOT NULL,
    created_by_name   TEXT NOT NULL,
    created_by_agency TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by_name   TEXT NOT NULL,
    updated_by_agency TEXT NOT NULL,
    workspace_id      TEXT NOT NULL,
    case_id           TEXT NOT NULL REFERENCES cases (id),
    entity_id         TEXT NOT NULL REFERENCES entities (id),
    role              TEXT NOT NULL,
    note              TEXT NOT NULL DEFAULT '',
    removed           INTEGER NOT NULL DEFAULT 0,
    version           INTEGER NOT NULL DEFAULT 1
);
INSERT INTO case_links_new (id, created_at, created_by_name, created_by_agency, updated_at, updated_by_name,
    updated_by_agency, workspace_id, case_id, entity_id, role, note)
    SELECT id, created_at, created_by_name, created_by_agency, updated_at, updated_by_name,
    updated_by_agency, workspace_id, case_id, entity_id, role, note FROM case_links;
DROP TABLE case_links;
ALTER TABLE case_links_new RENAME TO case_links;
CREATE INDEX case_links_entity ON case_links (entity_id);
CREATE INDEX case_links_case ON case_links (case_id, entity_id);

-- A note's words stay as they were written; it can only be removed (or,
-- settling a conflict, put back).
DROP TRIGGER notes_no_update;
CREATE TRIGGER notes_words_kept BEFORE UPDATE ON notes
WHEN NEW.body IS NOT OLD.body OR NEW.case_id IS NOT OLD.case_id OR NEW.created_at IS NOT OLD.created_at
  OR NEW.created_by_name IS NOT OLD.created_by_name OR NEW.id IS NOT OLD.id
BEGIN
    SELECT RAISE(ABORT, 'a note''s words are never changed: it can only be removed');
END;

-- Removal is a tombstone: no link, relation or task row is ever deleted.
CREATE TRIGGER case_links_no_delete BEFORE DELETE ON case_links
BEGIN
    SELECT RAISE(ABORT, 'case links are removed by a tombstone, never deleted');
END;
CREATE TRIGGER relations_no_delete BEFORE DELETE ON relations
BEGIN
    SELECT RAISE(ABORT, 'relations are removed by a tombstone, never deleted');
END;
CREATE TRIGGER tasks_no_delete BEFORE DELETE ON tasks
BEGIN
    SELECT RAISE(ABORT, 'tasks are removed by a tombstone, never deleted');
END;
