package model

import (
	"crypto/rand"
	"fmt"
	"time"
)

// Author is who made a change: the officer and their agency. It travels with
// every record so that a partner agency reading a merged case knows whose
// work each line is.
type Author struct {
	Name   string `json:"name"`
	Agency string `json:"agency"`
}

func (a Author) String() string {
	if a.Agency == "" {
		return a.Name
	}
	return a.Name + " (" + a.Agency + ")"
}

// Record is the part every stored record shares. The ID is a random UUID so
// that records made on two laptops in two agencies never collide when their
// cases are merged; Workspace is the ID of the workspace it was first made in.
type Record struct {
	ID        string    `json:"id"`
	CreatedAt time.Time `json:"created_at"`
	CreatedBy Author    `json:"created_by"`
	UpdatedAt time.Time `json:"updated_at"`
	UpdatedBy Author    `json:"updated_by"`
	Workspace string    `json:"workspace"`
	// Removed marks a record taken out of its case (an unlinked entity, a
	// deleted relation, task or note): a tombstone. The record stays, with
	// its history, so that the removal is a change like any other: audited,
	// carried in case packages and merged three-way, instead of a row that
	// silently comes back with the partner's next package. Only kinds whose
	// model.Kind says Removable are ever removed. omitempty keeps every
	// record that was never removed written as before.
	Removed bool `json:"removed,omitempty"`
	// Version counts the saves of the record in this workspace, so that a
	// save made over a record that changed since it was read is refused
	// (StaleError) instead of overwriting the newer save. It is local: it
	// stays out of the JSON that the audit trail and case packages carry, so
	// that verification and exchange see the record as before.
	Version int64 `json:"-"`
}

// RecordID is the record's UUID.
func (r Record) RecordID() string { return r.ID }

// Bookkeeping returns the record's shared part, so that code that handles
// every kind of record alike (the app's one write path) can stamp it and
// check its history without knowing the kind.
func (r *Record) Bookkeeping() *Record { return r }

// Stamp fills in a new record's identity and authorship, keeping an ID that
// is already set (a record imported from another workspace keeps its own).
func (r *Record) Stamp(by Author, workspace string, now time.Time) {
	if r.ID == "" {
		r.ID = NewID()
	}
	if r.CreatedAt.IsZero() {
		r.CreatedAt = now
		r.CreatedBy = by
	}
	if r.Workspace == "" {
		r.Workspace = workspace
	}
	r.UpdatedAt = now
	r.UpdatedBy = by
}

// Touch marks an existing record as changed now by the officer.
func (r *Record) Touch(by Author, now time.Time) {
	r.UpdatedAt = now
	r.UpdatedBy = by
}

// NewID returns a random (version 4) UUID in its usual text form.
func NewID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("model: no randomness for a new ID: " + err.Error())
	}
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// ValidID reports whether s has the shape of a UUID, so that an imported
// file cannot slip an arbitrary string in as a record's identity.
func ValidID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, c := range s {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
	}
	return true
}
