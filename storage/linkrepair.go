package storage

import (
	"database/sql"
	"errors"
	"time"

	"bollard/model"
)

// LinkRepairAuthor is who the entries of the repair of duplicate links
// (migration 0006) are credited to: no officer made them.
var LinkRepairAuthor = model.Author{Name: "Bollard", Agency: "duplicate links repaired"}

// repairDuplicateLinks takes out, by a tombstone, every live link of an
// entity to a case but the newest. Earlier versions changed a role by
// removing the link and adding another, and a merge brought the removed
// one back: an entity then stood in a case twice ("suspect, witness").
// The newest link is the role last chosen. Each tombstone is an audited
// change, so that it travels to the partners who hold the duplicate too.
// It runs once, inside migration 0006.
func repairDuplicateLinks(tx *Tx) error {
	var workspace string
	err := tx.queryRow(`SELECT id FROM workspace`).Scan(&workspace)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // a new file: nothing recorded yet
	}
	if err != nil {
		return wrap("read workspace", err)
	}
	older, err := queryAll(tx, "find duplicate links", scanLink, `SELECT `+linkColumns+` FROM case_links l
		WHERE removed = 0 AND EXISTS (SELECT 1 FROM case_links n
			WHERE n.case_id = l.case_id AND n.entity_id = l.entity_id AND n.removed = 0 AND n.id <> l.id
			  AND (n.updated_at > l.updated_at OR (n.updated_at = l.updated_at AND n.id > l.id)))
		ORDER BY case_id, entity_id, updated_at`)
	if err != nil {
		return err
	}
	now := time.Now()
	tx.SetAuthor(LinkRepairAuthor, workspace, now)
	for i := range older {
		l := &older[i]
		l.Removed = true
		l.Touch(LinkRepairAuthor, now)
		if err := tx.UpdateCaseLink(l); err != nil {
			return err
		}
	}
	return nil
}
