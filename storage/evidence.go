package storage

import (
	"database/sql"
	"strings"

	"bollard/model"
)

const evidenceColumns = recordColumns + `, case_id, exhibit_ref, description, kind, seizure_id, storage_location,
	seal_number, acquired_at, acquired_place, acquired_by, version`

// scanEvidence reads an evidence item without its attachments; the
// functions that return items add them.
func scanEvidence(row interface{ Scan(...any) error }) (model.EvidenceItem, error) {
	var e model.EvidenceItem
	var seizure sql.NullString
	err := row.Scan(append(recordDest(&e.Record), &e.CaseID, &e.ExhibitRef, &e.Description, &e.Kind, &seizure,
		&e.StorageLocation, &e.SealNumber, timeCol{&e.AcquiredAt}, &e.AcquiredPlace, &e.AcquiredBy, &e.Version)...)
	e.SeizureID = seizure.String
	return e, err
}

// nullable stores "" as NULL, for optional references to other records.
func nullable(id string) any {
	if id == "" {
		return nil
	}
	return id
}

// InsertEvidence stores a new evidence item. When its exhibit ref is empty
// it gets the next <CASE-REF>/EX-NNN of its case.
func (tx *Tx) InsertEvidence(e *model.EvidenceItem) error {
	return tx.auditedRecord(model.RecordEvidence, model.AuditCreate, e.ID, func() error {
		if e.ExhibitRef == "" {
			c, err := tx.CaseByID(e.CaseID)
			if err != nil {
				return err
			}
			var last int
			if err := tx.queryRow(`SELECT COALESCE(MAX(seq), 0) FROM evidence_items WHERE case_id = ?`, e.CaseID).Scan(&last); err != nil {
				return wrap("number the new exhibit", err)
			}
			e.ExhibitRef = model.FormatExhibitRef(c.Ref, last+1)
		}
		// An exhibit ref given in .../EX-NNN form (an imported one) keeps its
		// number counted, so that the next exhibit added here does not take it.
		var seq any
		if n, ok := model.ParseExhibitSeq(e.ExhibitRef); ok {
			seq = n
		}
		e.Version = 1
		args := append(recordArgs(&e.Record), e.CaseID, e.ExhibitRef, seq, e.Description, string(e.Kind), nullable(e.SeizureID),
			e.StorageLocation, e.SealNumber, dbTime(e.AcquiredAt), e.AcquiredPlace, e.AcquiredBy, e.Version)
		_, err := tx.exec(`INSERT INTO evidence_items (`+recordColumns+`, case_id, exhibit_ref, seq, description, kind,
			seizure_id, storage_location, seal_number, acquired_at, acquired_place, acquired_by, version) VALUES (`+placeholders(len(args))+`)`, args...)
		return wrap("insert exhibit "+e.ExhibitRef, err)
	})
}

// UpdateEvidence saves an edited evidence item. Its case, ref and
// attachments never change here.
func (tx *Tx) UpdateEvidence(e *model.EvidenceItem) error {
	return tx.auditedRecord(model.RecordEvidence, model.AuditUpdate, e.ID, func() error {
		return tx.updateVersioned("exhibit "+e.ExhibitRef, "evidence_items", &e.Record, `updated_at = ?, updated_by_name = ?, updated_by_agency = ?,
			description = ?, kind = ?, seizure_id = ?, storage_location = ?, seal_number = ?, acquired_at = ?,
			acquired_place = ?, acquired_by = ?`,
			dbTime(e.UpdatedAt), e.UpdatedBy.Name, e.UpdatedBy.Agency, e.Description, string(e.Kind), nullable(e.SeizureID),
			e.StorageLocation, e.SealNumber, dbTime(e.AcquiredAt), e.AcquiredPlace, e.AcquiredBy)
	})
}

// evidenceOnly is the item as its own audit entries record it: without its
// attachments, which have entries of their own.
func (tx *Tx) evidenceOnly(id string) (model.EvidenceItem, error) {
	e, err := scanEvidence(tx.queryRow(`SELECT `+evidenceColumns+` FROM evidence_items WHERE id = ?`, id))
	return e, wrap("exhibit "+id, err)
}

// EvidenceByID returns the evidence item with that ID and its attachments.
func (tx *Tx) EvidenceByID(id string) (model.EvidenceItem, error) {
	return tx.withAttachments(tx.evidenceOnly(id))
}

// EvidenceByRef returns the evidence item with that exhibit ref, ignoring
// the case of letters, and its attachments.
func (tx *Tx) EvidenceByRef(ref string) (model.EvidenceItem, error) {
	e, err := scanEvidence(tx.queryRow(`SELECT `+evidenceColumns+` FROM evidence_items WHERE exhibit_ref = ? COLLATE NOCASE`,
		strings.TrimSpace(ref)))
	return tx.withAttachments(e, wrap("exhibit "+ref, err))
}

func (tx *Tx) withAttachments(e model.EvidenceItem, err error) (model.EvidenceItem, error) {
	if err != nil {
		return e, err
	}
	e.Attachments, err = tx.Attachments(e.ID)
	return e, err
}

// EvidenceItems lists a case's evidence items in exhibit order, with their
// attachments.
func (tx *Tx) EvidenceItems(caseID string) ([]model.EvidenceItem, error) {
	items, err := queryAll(tx, "list exhibits", scanEvidence,
		`SELECT `+evidenceColumns+` FROM evidence_items WHERE case_id = ? ORDER BY seq, exhibit_ref`, caseID)
	if err != nil {
		return nil, err
	}
	files, err := queryAll(tx, "list attachments", scanAttachment, `SELECT `+attachmentColumns+` FROM attachments
		WHERE item_id IN (SELECT id FROM evidence_items WHERE case_id = ?) ORDER BY added_at, name`, caseID)
	if err != nil {
		return nil, err
	}
	byItem := map[string][]model.Attachment{}
	for _, f := range files {
		byItem[f.ItemID] = append(byItem[f.ItemID], f)
	}
	for i := range items {
		items[i].Attachments = byItem[items[i].ID]
	}
	return items, nil
}

// EachEvidence calls fn for every evidence item, without attachments.
func (tx *Tx) EachEvidence(fn func(model.EvidenceItem) error) error {
	return eachRow(tx, "read exhibits", scanEvidence, fn, `SELECT `+evidenceColumns+` FROM evidence_items`)
}
