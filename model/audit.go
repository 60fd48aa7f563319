package model

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io"
	"strconv"
	"time"
)

// The actions an audit entry records.
const (
	AuditCreate  = "create"
	AuditUpdate  = "update"
	AuditArchive = "archive"
	AuditRestore = "restore"
	AuditRemove  = "remove" // an entity taken off a case
	// AuditBaseline records a record as it stood when the audit trail of a
	// workspace made before it began.
	AuditBaseline = "baseline"
)

// AuditBaselineAuthor is who the entries that start the audit trail of an
// older workspace are credited to (AuditBaseline): nobody made those
// changes then.
var AuditBaselineAuthor = Author{Name: "Bollard", Agency: "audit trail started"}

// AuditEntry is one line of the append-only, hash-chained record of every
// change made in a workspace: who changed which record when, and the record
// as it was before and after (JSON; Before is "" for a creation, After is
// "" for a removal).
type AuditEntry struct {
	Seq        int64     `json:"seq"`
	At         time.Time `json:"at"`
	By         Author    `json:"by"`
	Workspace  string    `json:"workspace"`
	RecordType string    `json:"record_type"`
	RecordID   string    `json:"record_id"`
	CaseID     string    `json:"case_id"` // the case the record belongs to, "" for shared entities and relations
	Action     string    `json:"action"`
	Before     string    `json:"before"`
	After      string    `json:"after"`
	PrevHash   string    `json:"prev_hash"` // the previous entry's Hash, "" for the first entry
	Hash       string    `json:"hash"`
	// Received is where a change an import wrote came from: the partner's
	// officer (who is also By), their package and its signing key. It is
	// zero for a change made here.
	Received Provenance `json:"received,omitzero"`
}

// AuditTimeLayout is how an entry's time enters its hash: UTC, fixed width,
// as the workspace stores it, so that the hash does not depend on the time
// zone of the laptop that checks it.
const AuditTimeLayout = "2006-01-02T15:04:05.000000Z"

// ComputeHash returns the SHA-256 the entry should carry: of every field
// but Hash itself, PrevHash included, so that each entry vouches for the
// whole trail before it. Each field is written as its length and its bytes,
// so no two different entries write the same bytes, after a version tag so
// that the scheme can change without old trails being misread.
//
// An entry received from a partner adds its provenance after the rest,
// behind a tag of its own; an entry without one hashes exactly as it did
// before provenance existed, so every trail written earlier still verifies.
func (e AuditEntry) ComputeHash() string {
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	fields := []string{"bollard-audit-v1", strconv.FormatInt(e.Seq, 10), e.At.UTC().Format(AuditTimeLayout),
		e.By.Name, e.By.Agency, e.Workspace, e.RecordType, e.RecordID, e.CaseID, e.Action, e.Before, e.After, e.PrevHash}
	if !e.Received.IsZero() {
		p := e.Received
		fields = append(fields, "received-v1", p.Officer.Name, p.Officer.Agency, p.Package, p.Key)
	}
	for _, field := range fields {
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(field)))])
		io.WriteString(h, field)
	}
	return hex.EncodeToString(h.Sum(nil))
}
