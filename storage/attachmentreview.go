package storage

import (
	"bollard/model"
)

const reviewColumns = recordColumns + `, case_id, item_id, attachment_id, shows, shareable, version`

func scanReview(row interface{ Scan(...any) error }) (model.AttachmentReview, error) {
	var r model.AttachmentReview
	err := row.Scan(append(recordDest(&r.Record), &r.CaseID, &r.ItemID, &r.AttachmentID, &r.Shows, &r.Shareable, &r.Version)...)
	return r, err
}

// InsertAttachmentReview stores the first review of an attached file.
func (tx *Tx) InsertAttachmentReview(r *model.AttachmentReview) error {
	return tx.auditedRecord(model.RecordAttachmentReview, model.AuditCreate, r.ID, func() error {
		r.Version = 1
		args := append(recordArgs(&r.Record), r.CaseID, r.ItemID, r.AttachmentID, string(r.Shows), r.Shareable, r.Version)
		_, err := tx.exec(`INSERT INTO attachment_reviews (`+reviewColumns+`) VALUES (`+placeholders(len(args))+`)`, args...)
		return wrap("insert attachment review", err)
	})
}

// UpdateAttachmentReview saves a changed review: what the file shows, and
// whether it is shareable.
func (tx *Tx) UpdateAttachmentReview(r *model.AttachmentReview) error {
	return tx.auditedRecord(model.RecordAttachmentReview, model.AuditUpdate, r.ID, func() error {
		return tx.updateVersioned("review of attachment "+r.AttachmentID, "attachment_reviews", &r.Record,
			`updated_at = ?, updated_by_name = ?, updated_by_agency = ?, shows = ?, shareable = ?`,
			dbTime(r.UpdatedAt), r.UpdatedBy.Name, r.UpdatedBy.Agency, string(r.Shows), r.Shareable)
	})
}

// AttachmentReviewByID returns the review with that ID.
func (tx *Tx) AttachmentReviewByID(id string) (model.AttachmentReview, error) {
	r, err := scanReview(tx.queryRow(`SELECT `+reviewColumns+` FROM attachment_reviews WHERE id = ?`, id))
	return r, wrap("attachment review "+id, err)
}

// AttachmentReviews lists the reviews of a case's attached files.
func (tx *Tx) AttachmentReviews(caseID string) ([]model.AttachmentReview, error) {
	return queryAll(tx, "list attachment reviews", scanReview,
		`SELECT `+reviewColumns+` FROM attachment_reviews WHERE case_id = ? ORDER BY item_id, attachment_id`, caseID)
}

// ExhibitReviews lists the reviews of an exhibit's attached files.
func (tx *Tx) ExhibitReviews(itemID string) ([]model.AttachmentReview, error) {
	return queryAll(tx, "list attachment reviews", scanReview,
		`SELECT `+reviewColumns+` FROM attachment_reviews WHERE item_id = ? ORDER BY attachment_id`, itemID)
}

func caseOfReview(_ *Tx, r model.AttachmentReview) string { return r.CaseID }
