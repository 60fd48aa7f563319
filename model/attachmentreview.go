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

// AllFileShows lists what a picture can show, in the order forms offer it.
var AllFileShows = []FileShows{ShowsNothingPersonal, ShowsPersons, ShowsIdentityDocument}

var fileShowsLabels = map[FileShows]string{
	ShowsNothingPersonal:  "nothing personal",
	ShowsPersons:          "persons",
	ShowsIdentityDocument: "identity document",
}

// Label is what the officer reads: "identity document".
func (s FileShows) Label() string { return labelOf(fileShowsLabels, s) }

// ParseFileShows reads what a picture shows as typed: "persons",
// "identity_document", "identity document".
func ParseFileShows(s string) (FileShows, error) {
	return parseChoice("shows", s, AllFileShows, fileShowsLabels)
}

// Cleared says whether the file may go into a non-nominal dossier: it
// shows nothing personal, or an officer cleared it all the same.
func (r AttachmentReview) Cleared() bool {
	return r.Shows == ShowsNothingPersonal || r.Shareable
}

// Validate checks the review: it names its case, exhibit and attached
// file, what the file shows is one of the choices, and its ID is the one
// every workspace gives the review of that file.
func (r *AttachmentReview) Validate() error {
	p := problems{record: "attachment review"}
	for _, f := range []struct{ field, id string }{
		{"case", r.CaseID}, {"exhibit", r.ItemID}, {"attachment", r.AttachmentID},
	} {
		switch {
		case f.id == "":
			p.require(f.field, f.id)
		case !ValidID(f.id):
			p.add(f.field, Invalid(f.field, f.id, "should be a UUID"))
		}
	}
	p.add("shows", checkChoice("shows", r.Shows, AllFileShows))
	if r.ID != "" && ValidID(r.AttachmentID) && r.ID != ReviewID(r.AttachmentID) {
		p.add("id", Invalid("id", r.ID, "should be %s, the ID of the review of attachment %s", ReviewID(r.AttachmentID), r.AttachmentID))
	}
	return p.err()
}
