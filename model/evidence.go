package model

import (
	"fmt"
	"strings"
	"time"
)

// EvidenceKind is what sort of exhibit an evidence item is.
type EvidenceKind string

// The evidence kinds.
const (
	EvidencePhysical  EvidenceKind = "physical"
	EvidenceDocument  EvidenceKind = "document"
	EvidencePhoto     EvidenceKind = "photo"
	EvidenceDigital   EvidenceKind = "digital"
	EvidenceSample    EvidenceKind = "sample"
	EvidenceStatement EvidenceKind = "statement"
)

// EvidenceKinds lists every evidence kind.
var EvidenceKinds = []EvidenceKind{EvidencePhysical, EvidenceDocument, EvidencePhoto, EvidenceDigital, EvidenceSample, EvidenceStatement}

// Label is the kind as the screens write it.
func (k EvidenceKind) Label() string { return labelOf(nil, k) }

// ParseEvidenceKind reads a kind as typed, in any letter case.
func ParseEvidenceKind(s string) (EvidenceKind, error) {
	return parseChoice("kind", s, EvidenceKinds, nil)
}

// EvidenceItem is an exhibit: something kept because it may be shown in court.
type EvidenceItem struct {
	Record
	CaseID          string       `json:"case_id"`
	ExhibitRef      string       `json:"exhibit_ref"` // <CASE-REF>/EX-<NNN>
	Description     string       `json:"description"`
	Kind            EvidenceKind `json:"kind"`
	SeizureID       string       `json:"seizure_id"`
	StorageLocation string       `json:"storage_location"`
	SealNumber      string       `json:"seal_number"`
	AcquiredAt      time.Time    `json:"acquired_at"`
	AcquiredPlace   string       `json:"acquired_place"`
	AcquiredBy      string       `json:"acquired_by"`
	Attachments     []Attachment `json:"attachments"`
}

// FormatExhibitRef writes an exhibit ref: ESA-2026-0042/EX-007.
func FormatExhibitRef(caseRef string, seq int) string { return fmt.Sprintf("%s/EX-%03d", caseRef, seq) }

// ParseExhibitSeq returns the NNN of an exhibit ref ending in /EX-NNN.
func ParseExhibitSeq(ref string) (int, bool) {
	i := strings.LastIndex(ref, "/EX-")
	if i < 0 {
		return 0, false
	}
	digits := ref[i+len("/EX-"):]
	n := 0
	for _, r := range digits {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, len(digits) >= 3 && len(digits) <= 6
}

// Validate checks the evidence item.
func (e *EvidenceItem) Validate(now time.Time) error {
	p := problems{record: "exhibit " + e.ExhibitRef}
	p.require("case", e.CaseID)
	e.Description = strings.TrimSpace(e.Description)
	p.require("description", e.Description)
	p.add("kind", checkChoice("kind", e.Kind, EvidenceKinds))
	p.add("acquired at", checkWhenNotFuture("acquired at", e.AcquiredAt, now))
	return p.err()
}

// Attachment is a file attached to an exhibit, stored once under its SHA-256
// so that anyone can check that the file shown is the file that was seized.
type Attachment struct {
	ID        string    `json:"id"`
	ItemID    string    `json:"item_id"`
	SHA256    string    `json:"sha256"`
	Name      string    `json:"name"`
	Size      int64     `json:"size"`
	MediaType string    `json:"media_type"`
	AddedAt   time.Time `json:"added_at"`
	AddedBy   Author    `json:"added_by"`
}

// RecordID is the attachment's UUID.
func (a Attachment) RecordID() string { return a.ID }

// Validate checks an attachment as another workspace recorded it: whose
// file, added by whom and when. That the file itself is here is the
// workspace's to check.
func (a *Attachment) Validate(now time.Time) error {
	switch {
	case !ValidID(a.ID):
		return Invalid("attachment id", a.ID, "should be a UUID")
	case a.Name == "":
		return Invalid("attachment name", "", "is required")
	case a.Size < 0:
		return Invalid("attachment size", fmt.Sprint(a.Size), "cannot be negative")
	case a.AddedAt.IsZero() || a.AddedAt.After(now):
		return Invalid("attachment added_at", a.AddedAt.Format(time.RFC3339), "should be a time in the past")
	case a.AddedBy.Name == "":
		return Invalid("attachment added_by", "", "an author needs a name")
	}
	if a.MediaType == "" {
		a.MediaType = "application/octet-stream"
	}
	return nil
}

// CustodyAction is what happened to an exhibit.
type CustodyAction string

// The custody actions.
const (
	CustodySeized      CustodyAction = "seized"
	CustodySealed      CustodyAction = "sealed"
	CustodyTransferred CustodyAction = "transferred"
	CustodyReceived    CustodyAction = "received"
	CustodySentToLab   CustodyAction = "sent_to_lab"
	CustodyAnalysed    CustodyAction = "analysed"
	CustodyReturned    CustodyAction = "returned"
	CustodyDestroyed   CustodyAction = "destroyed"
)

// CustodyActions lists every custody action.
var CustodyActions = []CustodyAction{CustodySeized, CustodySealed, CustodyTransferred, CustodyReceived, CustodySentToLab, CustodyAnalysed, CustodyReturned, CustodyDestroyed}

// Label is the action as the screens write it: "sent to lab".
func (a CustodyAction) Label() string { return labelOf(nil, a) }

// ParseCustodyAction reads an action as typed: "sent to lab", "Sent_to_lab".
func ParseCustodyAction(s string) (CustodyAction, error) {
	return parseChoice("action", s, CustodyActions, nil)
}

// Final reports whether the action ends the exhibit's custody: after it, no
// further event can be recorded.
func (a CustodyAction) Final() bool { return a == CustodyReturned || a == CustodyDestroyed }

// CustodyEvent is one link in an exhibit's chain of custody. Events are only
// ever added; a mistake is corrected by a new event that names the one it
// corrects.
type CustodyEvent struct {
	Record
	ItemID     string        `json:"item_id"`
	Action     CustodyAction `json:"action"`
	From       Author        `json:"from"`
	To         Author        `json:"to"`
	Place      string        `json:"place"`
	SealNumber string        `json:"seal_number"`
	SealIntact *bool         `json:"seal_intact"` // nil when the seal was not checked
	At         time.Time     `json:"at"`
	Note       string        `json:"note"`
	Corrects   string        `json:"corrects"` // ID of the event this one corrects
}

// Moves reports whether the action passes the exhibit from one holder to
// another, so that a sentence names both.
func (a CustodyAction) Moves() bool {
	return a == CustodyTransferred || a == CustodySentToLab || a == CustodyReceived || a == CustodyReturned
}

// Describe writes the event as a sentence fragment: "transferred from
// M. Torres (SVA) to Dr. Peeters (NICC) at Antwerp, seal BE-0042 intact —
// note", "received by Dr. Peeters (NICC) from M. Torres (SVA)",
// "destroyed, held by M. Torres (SVA)".
func (c CustodyEvent) Describe() string {
	s := c.Action.Label()
	from := c.From.Name != "" && c.From != c.To
	switch {
	case c.Action == CustodyReceived && c.To.Name != "":
		s += " by " + c.To.String()
		if from {
			s += " from " + c.From.String()
		}
	case c.Action.Moves():
		if from {
			s += " from " + c.From.String()
		}
		if c.To.Name != "" {
			s += " to " + c.To.String()
		}
	case c.To.Name != "":
		s += " by " + c.To.String()
	case c.From.Name != "":
		s += ", held by " + c.From.String()
	}
	if c.Place != "" {
		s += " at " + c.Place
	}
	if c.SealNumber != "" || c.SealIntact != nil {
		s += ", seal"
		if c.SealNumber != "" {
			s += " " + c.SealNumber
		}
		if c.SealIntact != nil {
			s += map[bool]string{true: " intact", false: " found BROKEN"}[*c.SealIntact]
		}
	}
	if c.Note != "" {
		s += " — " + c.Note
	}
	return s
}

// Validate checks the event.
func (c *CustodyEvent) Validate(now time.Time) error {
	p := problems{record: "custody event"}
	p.require("exhibit", c.ItemID)
	p.add("action", checkChoice("action", c.Action, CustodyActions))
	if c.At.IsZero() {
		p.add("when", Invalid("when", "", "is required"))
	} else {
		p.add("when", checkWhenNotFuture("when", c.At, now))
	}
	if c.Action == CustodyTransferred {
		p.require("to", c.To.Name)
	}
	return p.err()
}
