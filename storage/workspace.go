package storage

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"fmt"
	"time"

	"bollard/model"
)

// WorkspaceID returns the workspace's own ID, given to it when the file was
// created. Records remember it as the workspace they were first made in.
func (tx *Tx) WorkspaceID() (string, error) {
	var id string
	err := tx.queryRow(`SELECT id FROM workspace`).Scan(&id)
	return id, wrap("read workspace", err)
}

// Officer returns the officer profile kept in the workspace; the zero
// Officer when it has not been set.
func (tx *Tx) Officer() (model.Officer, error) {
	var o model.Officer
	var lang string
	err := tx.queryRow(`SELECT officer_name, officer_agency, officer_country, ref_prefix, default_marking, language FROM workspace`).
		Scan(&o.Name, &o.Agency, &o.Country, &o.RefPrefix, &o.DefaultMarking, &lang)
	o.Language = model.Language(lang)
	return o, wrap("read officer profile", err)
}

// SetOfficer replaces the officer profile.
func (tx *Tx) SetOfficer(o model.Officer) error {
	_, err := tx.exec(`UPDATE workspace SET officer_name = ?, officer_agency = ?, officer_country = ?,
		ref_prefix = ?, default_marking = ?, language = ?`,
		o.Name, o.Agency, o.Country, o.RefPrefix, o.DefaultMarking, string(o.Language))
	return wrap("save officer profile", err)
}

// ensureWorkspace gives a new workspace file its identity, once.
func ensureWorkspace(ctx context.Context, s *Store) error {
	return s.Write(ctx, func(tx *Tx) error {
		_, err := tx.exec(`INSERT OR IGNORE INTO workspace (id, created_at) VALUES (?, ?)`, model.NewID(), dbTime(time.Now()))
		if err != nil {
			return fmt.Errorf("storage: create workspace identity: %w", describe(err))
		}
		return nil
	})
}

// SigningKey returns the workspace's ed25519 signing key, making it the
// first time it is asked for. The key signs checkpoints of the audit trail
// (and case packages); it never leaves the workspace.
func (tx *Tx) SigningKey() (ed25519.PrivateKey, error) {
	key, err := tx.storedSigningKey()
	if key != nil || err != nil {
		return key, err
	}
	_, key, err = ed25519.GenerateKey(nil)
	if err != nil {
		return nil, fmt.Errorf("storage: make a signing key: %w", err)
	}
	// Audited (its public half), so a key replaced outside Bollard shows.
	return key, tx.setKey(model.KeySigning, "signing_key", base64.StdEncoding.EncodeToString(key.Seed()))
}

// PublicKey returns the workspace's public signing key, base64, or "" when
// none has been made yet: reading it never makes one.
func (tx *Tx) PublicKey() (string, error) {
	key, err := tx.storedSigningKey()
	if key == nil || err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(key.Public().(ed25519.PublicKey)), nil
}

// storedSigningKey returns the key kept in the workspace, nil when none is.
func (tx *Tx) storedSigningKey() (ed25519.PrivateKey, error) {
	var seed string
	if err := tx.queryRow(`SELECT signing_key FROM workspace`).Scan(&seed); err != nil {
		return nil, wrap("read the workspace's signing key", err)
	}
	if seed == "" {
		return nil, nil
	}
	b, err := base64.StdEncoding.DecodeString(seed)
	if err != nil || len(b) != ed25519.SeedSize {
		return nil, fmt.Errorf("storage: the workspace's signing key is damaged")
	}
	return ed25519.NewKeyFromSeed(b), nil
}
