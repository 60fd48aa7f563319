package storage

import (
	"crypto/ed25519"
	"database/sql"
	"encoding/base64"
	"fmt"

	"filippo.io/age"

	"bollard/model"
)

// What decides whom the workspace trusts is audited like any record: the
// partners whose packages it accepts, and its own keys. A partner added or a
// key replaced with an SQLite client then shows in verify.
const (
	RecordPartner = "partner"
	RecordKey     = "workspace key"
)

// The workspace's keys, as the audit trail names them.
const (
	KeySigning = "signing" // the ed25519 key that signs checkpoints and packages
	KeyAge     = "age"     // the age key that opens packages encrypted to the workspace
)

// WorkspaceKey is one of the workspace's keys as the audit trail records
// it: its public half only, never the secret.
type WorkspaceKey struct {
	Kind      string `json:"kind"`       // KeySigning or KeyAge
	PublicKey string `json:"public_key"` // ed25519 base64, or age1...
}

// RecordID is the key's kind: a workspace has one key of each.
func (k WorkspaceKey) RecordID() string { return k.Kind }

// RecordID is the partner's public key, which names it.
func (p Partner) RecordID() string { return p.PublicKey }

// workspaceKey reads one of the workspace's keys as the trail records it;
// model.ErrNotFound when it has not been made.
func (tx *Tx) workspaceKey(kind string) (WorkspaceKey, error) {
	var signing, ageSecret string
	err := tx.queryRow(`SELECT signing_key, age_identity FROM workspace`).Scan(&signing, &ageSecret)
	if err != nil {
		return WorkspaceKey{}, wrap("read the workspace's keys", err)
	}
	k, err := publicKeys(kind, signing, ageSecret)
	if err != nil {
		return k, err
	}
	if k.PublicKey == "" {
		return k, wrap("read the workspace's "+kind+" key", sql.ErrNoRows)
	}
	return k, nil
}

// publicKeys derives the public half of the stored secret of that kind;
// "" when none is stored.
func publicKeys(kind, signingSeed, ageSecret string) (WorkspaceKey, error) {
	k := WorkspaceKey{Kind: kind}
	switch kind {
	case KeySigning:
		if signingSeed == "" {
			return k, nil
		}
		b, err := base64.StdEncoding.DecodeString(signingSeed)
		if err != nil || len(b) != ed25519.SeedSize {
			return k, fmt.Errorf("storage: the workspace's signing key is damaged")
		}
		k.PublicKey = base64.StdEncoding.EncodeToString(ed25519.NewKeyFromSeed(b).Public().(ed25519.PublicKey))
	case KeyAge:
		if ageSecret == "" {
			return k, nil
		}
		id, err := age.ParseX25519Identity(ageSecret)
		if err != nil {
			return k, fmt.Errorf("storage: the workspace's age key is damaged")
		}
		k.PublicKey = id.Recipient().String()
	}
	return k, nil
}

// setKey stores a new key of that kind, audited: the trail records its
// public half, so verify sees a key replaced outside Bollard.
func (tx *Tx) setKey(kind, column, secret string) error {
	return audited(tx, RecordKey, model.AuditCreate, kind, tx.workspaceKey, noCase[WorkspaceKey], func() error {
		res, err := tx.exec(`UPDATE workspace SET `+column+` = ? WHERE `+column+` = ''`, secret)
		if err != nil {
			return wrap("save the workspace's "+kind+" key", err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return wrap("save the workspace's "+kind+" key", model.ErrConflict)
		}
		return nil
	})
}

// EachTrustRecord calls fn with each partner and each of the workspace's
// keys as they stand, written the way their audit entries write them.
func (tx *Tx) EachTrustRecord(fn func(StoredRecord) error) error {
	// A partner row that does not read as one (a time that does not parse)
	// is handed on as Unreadable, like any record: one bad row is a finding,
	// not the end of the check.
	if err := eachStored(tx, RecordPartner, scanPartner, partnerColumns, "partners", fn); err != nil {
		return err
	}
	var signingCol, ageCol sql.NullString
	if err := tx.queryRow(`SELECT signing_key, age_identity FROM workspace`).Scan(&signingCol, &ageCol); err != nil {
		return wrap("read the workspace's keys", err)
	}
	signing, ageSecret := signingCol.String, ageCol.String
	for _, kind := range []string{KeySigning, KeyAge} {
		k, err := publicKeys(kind, signing, ageSecret)
		r := StoredRecord{Type: RecordKey, ID: kind, JSON: auditJSON(k), Unreadable: err}
		if err == nil && k.PublicKey == "" {
			continue
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// startTrustTrail gives a workspace made before partners and keys were
// audited one baseline entry for each it holds, so that verify has
// something to compare them with from now on. It runs once, inside
// migration 0004.
func startTrustTrail(tx *Tx) error {
	return baselineEach(tx, tx.EachTrustRecord, func(StoredRecord) string { return "" })
}
