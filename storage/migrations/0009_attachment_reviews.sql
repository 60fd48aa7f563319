-- An officer's decision on what an attached file shows (nothing personal, a
-- person, an identity document) and whether it may go into a non-nominal
-- dossier all the same. The attachment is append-only evidence and never
-- changes; its review is a record of its own, edited as the officer's view
-- changes and carried in case packages. One review per attached file: its
-- ID is derived from the attachment's (model.ReviewID), so two agencies
-- reviewing one photograph make one record.
CREATE TABLE attachment_reviews (
    id                TEXT PRIMARY KEY,
    created_at        TEXT NOT NULL,
    created_by_name   TEXT NOT NULL,
    created_by_agency TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by_name   TEXT NOT NULL,
    updated_by_agency TEXT NOT NULL,
    workspace_id      TEXT NOT NULL,
    case_id           TEXT NOT NULL REFERENCES cases (id),
    item_id           TEXT NOT NULL REFERENCES evidence_items (id),
    attachment_id     TEXT NOT NULL UNIQUE REFERENCES attachments (id),
    shows             TEXT NOT NULL CHECK (shows IN ('nothing_personal', 'persons', 'identity_document')),
    shareable         INTEGER NOT NULL DEFAULT 0 CHECK (shareable IN (0, 1)),
    version           INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX attachment_reviews_case ON attachment_reviews (case_id);
CREATE INDEX attachment_reviews_item ON attachment_reviews (item_id);

-- The file a review is of never changes, and a review is never deleted: a
-- decision is changed by another decision, which the audit trail keeps.
CREATE TRIGGER attachment_reviews_file_kept BEFORE UPDATE ON attachment_reviews
WHEN NEW.case_id IS NOT OLD.case_id OR NEW.item_id IS NOT OLD.item_id OR NEW.attachment_id IS NOT OLD.attachment_id
  OR NEW.id IS NOT OLD.id OR NEW.created_at IS NOT OLD.created_at
BEGIN
    SELECT RAISE(ABORT, 'an attachment review stays the review of its file');
END;
CREATE TRIGGER attachment_reviews_no_delete BEFORE DELETE ON attachment_reviews
BEGIN
    SELECT RAISE(ABORT, 'attachment reviews are never deleted');
END;
