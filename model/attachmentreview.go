package model

import (
	"crypto/sha1"
	"fmt"
)

// FileShows is what an officer found an attached picture to show, when
// deciding whether it may go to a partner that may not receive personal
// data: a face or a passport scan names a person as surely as a name.
type FileShows string

// What a picture shows.
const (
	// ShowsNothingPersonal: goods, packaging, a container, a seal.
	ShowsNothingPersonal FileShows = "nothing_personal"
	// ShowsPersons: a face, a person, anything that identifies one.
	ShowsPersons FileShows = "persons"
	// ShowsIdentityDocument: a passport, an ID card, a driving licence.
	ShowsIdentityDocument FileShows = "identity_document"
)

// AttachmentReview is an officer's decision about one attached file for
// non-nominal dossiers: what it shows, and whether it is cleared to be
// shared all the same. A file nobody reviewed is treated as showing
// persons: a redacted dossier withholds it. The attachment itself is
// append-only evidence and never changes; the review is a record of its
// own, edited as the officer's view changes, and it travels in packages.
type AttachmentReview struct {
	Record
	CaseID       string    `json:"case_id"`
	ItemID       string    `json:"item_id"`       // the exhibit the file is attached to
	AttachmentID string    `json:"attachment_id"` // the attachment reviewed
	Shows        FileShows `json:"shows"`
	// Shareable clears a file that shows persons or an identity document
	// for non-nominal dossiers all the same (a crowd at a quay, a
	// document the partner already holds).
	Shareable bool `json:"shareable,omitempty"`
}

// ReviewID is the review's ID, the same on every laptop for one attached
// file, so that two agencies reviewing the same photograph make one record
// whose fields the merge compares, not two (a version-5 UUID in form).
func ReviewID(attachmentID string) string {
	sum := sha1.Sum([]byte("bollard attachment review\x00" + attachmentID))
	b := sum[:16]
	b[6] = b[6]&0x0f | 0x50 // version 5
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
