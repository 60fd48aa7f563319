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
// partners whose packages it accepts (model.RecordPartner), and its own
// keys (model.RecordKey). A partner added or a key replaced with an SQLite
// client then shows in verify.

// workspaceKey reads one of the workspace's keys as the trail records it;
// model.ErrNotFound when it has not been made.
func (tx *Tx) workspaceKey(kind string) (model.WorkspaceKey, error) {
	var signing, ageSecret string
	err := tx.queryRow(`SELECT signing_key, age_identity FROM workspace`).Scan(&signing, &ageSecret)
	if err != nil {
		return model.WorkspaceKey{}, wrap("read the workspace's keys", err)
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
func publicKeys(kind, signingSeed, ageSecret string) (model.WorkspaceKey, error) {
	k := model.WorkspaceKey{Kind: kind}
	switch kind {
	case model.KeySigning:
		if signingSeed == "" {
			return k, nil
		}
		b, err := base64.StdEncoding.DecodeString(signingSeed)
		if err != nil || len(b) != ed25519.SeedSize {
			return k, fmt.Errorf("storage: the workspace's signing key is damaged")
		}
		k.PublicKey = base64.StdEncoding.EncodeToString(ed25519.NewKeyFromSeed(b).Public().(ed25519.PublicKey))
	case model.KeyAge:
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
	return audited(tx, model.RecordKey, model.AuditCreate, kind, tx.workspaceKey, noCase[model.WorkspaceKey], func() error {
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
	if err := eachStored(tx, model.RecordPartner, scanPartner, partnerColumns, "partners", fn); err != nil {
		return err
	}
	var signingCol, ageCol sql.NullString
	if err := tx.queryRow(`SELECT signing_key, age_identity FROM workspace`).Scan(&signingCol, &ageCol); err != nil {
		return wrap("read the workspace's keys", err)
	}
	signing, ageSecret := signingCol.String, ageCol.String
	for _, kind := range []string{model.KeySigning, model.KeyAge} {
		k, err := publicKeys(kind, signing, ageSecret)
		r := StoredRecord{Type: model.RecordKey, ID: kind, JSON: auditJSON(k), Unreadable: err}
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
