package storage

import (
	"bollard/model"
)

const relationColumns = recordColumns + `, from_id, to_id, type, since, until, source, reliability, credibility, note, removed, version`

func scanRelation(row interface{ Scan(...any) error }) (model.Relation, error) {
	var r model.Relation
	err := row.Scan(append(recordDest(&r.Record), &r.FromID, &r.ToID, &r.Type, dateCol{&r.Since}, dateCol{&r.Until},
		&r.Source, &r.Reliability, &r.Credibility, &r.Note, &r.Removed, &r.Version)...)
	return r, err
}

// InsertRelation stores a new relation between two entities.
func (tx *Tx) InsertRelation(r *model.Relation) error {
	return tx.auditedRecord(model.RecordRelation, model.AuditCreate, r.ID, func() error {
		r.Version = 1
		args := append(recordArgs(&r.Record), r.FromID, r.ToID, string(r.Type), r.Since.String(), r.Until.String(),
			r.Source, r.Reliability, r.Credibility, r.Note, r.Removed, r.Version)
		_, err := tx.exec(`INSERT INTO relations (`+relationColumns+`) VALUES (`+placeholders(len(args))+`)`, args...)
		return wrap("insert relation", err)
	})
}

// UpdateRelation saves an edited relation.
func (tx *Tx) UpdateRelation(r *model.Relation) error {
	return tx.auditedRecord(model.RecordRelation, model.AuditUpdate, r.ID, func() error {
		return tx.updateVersioned("relation", "relations", &r.Record, `updated_at = ?, updated_by_name = ?, updated_by_agency = ?,
			type = ?, since = ?, until = ?, source = ?, reliability = ?, credibility = ?, note = ?, removed = ?`,
			dbTime(r.UpdatedAt), r.UpdatedBy.Name, r.UpdatedBy.Agency, string(r.Type), r.Since.String(), r.Until.String(),
			r.Source, r.Reliability, r.Credibility, r.Note, r.Removed)
	})
}

// RelationByID returns the relation with that ID.
func (tx *Tx) RelationByID(id string) (model.Relation, error) {
	r, err := scanRelation(tx.queryRow(`SELECT `+relationColumns+` FROM relations WHERE id = ?`, id))
	return r, wrap("relation "+id, err)
}

// EntityRelations lists the relations an entity takes part in, either
// way, that are not removed.
func (tx *Tx) EntityRelations(entityID string) ([]model.Relation, error) {
	return queryAll(tx, "list relations", scanRelation,
		`SELECT `+relationColumns+` FROM relations WHERE (from_id = ? OR to_id = ?) AND removed = 0
		ORDER BY created_at`, entityID, entityID)
}

// CaseRelations lists the relations between entities that are both linked
// to the case: the network the case is about. Live says: the relations
// not removed, between entities linked now; WithRemoved: every relation
// between entities ever linked, tombstones included, as a package carries
// them.
func (tx *Tx) CaseRelations(caseID string, which Which) ([]model.Relation, error) {
	return queryAll(tx, "list case relations", scanRelation,
		`SELECT `+relationColumns+` FROM relations
		WHERE from_id IN (SELECT entity_id FROM case_links WHERE case_id = ? AND `+which.of("")+`)
		  AND to_id IN (SELECT entity_id FROM case_links WHERE case_id = ? AND `+which.of("")+`)
		  AND `+which.of("")+`
		ORDER BY created_at`, caseID, caseID)
}
