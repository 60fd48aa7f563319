package storage

import (
	"bollard/model"
)

const attachmentColumns = `id, item_id, sha256, name, size, media_type, added_at, added_by_name, added_by_agency`

func scanAttachment(row interface{ Scan(...any) error }) (model.Attachment, error) {
	var a model.Attachment
	err := row.Scan(&a.ID, &a.ItemID, &a.SHA256, &a.Name, &a.Size, &a.MediaType, timeCol{&a.AddedAt},
		&a.AddedBy.Name, &a.AddedBy.Agency)
	return a, err
}

// InsertAttachment records that a file, already in the blob store, is
// attached to an exhibit. The same file attached twice to one exhibit is a
// conflict.
func (tx *Tx) InsertAttachment(a *model.Attachment) error {
	return tx.auditedRecord(model.RecordAttachment, model.AuditCreate, a.ID, func() error {
		_, err := tx.exec(`INSERT INTO attachments (`+attachmentColumns+`) VALUES (`+placeholders(9)+`)`,
			a.ID, a.ItemID, a.SHA256, a.Name, a.Size, a.MediaType, dbTime(a.AddedAt), a.AddedBy.Name, a.AddedBy.Agency)
		return wrap("attach "+a.Name, err)
	})
}

// AttachmentByID returns the attachment with that ID.
func (tx *Tx) AttachmentByID(id string) (model.Attachment, error) {
	a, err := scanAttachment(tx.queryRow(`SELECT `+attachmentColumns+` FROM attachments WHERE id = ?`, id))
	return a, wrap("attachment "+id, err)
}

// Attachments lists an exhibit's files in the order they were added.
func (tx *Tx) Attachments(itemID string) ([]model.Attachment, error) {
	return queryAll(tx, "list attachments", scanAttachment,
		`SELECT `+attachmentColumns+` FROM attachments WHERE item_id = ? ORDER BY added_at, name`, itemID)
}

// EachAttachment calls fn for every attachment of every exhibit.
func (tx *Tx) EachAttachment(fn func(model.Attachment) error) error {
	return eachRow(tx, "read attachments", scanAttachment, fn, `SELECT `+attachmentColumns+` FROM attachments ORDER BY item_id, added_at`)
}

// BlobInUse reports whether any exhibit has the file with that hash.
func (tx *Tx) BlobInUse(sha256 string) (bool, error) {
	var n int
	err := tx.queryRow(`SELECT COUNT(*) FROM attachments WHERE sha256 = ?`, sha256).Scan(&n)
	return n > 0, wrap("look for attachment "+sha256, err)
}
