package app

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"strings"
	"time"

	"filippo.io/age"

	"bollard/model"
	"bollard/storage"
)

// SigningIdentity is who signs what this workspace sends: the officer's
// name and agency, the workspace's ID and its ed25519 key. It converts to
// exchange.Signer, which has the same fields.
type SigningIdentity struct {
	Name      string
	Agency    string
	Workspace string
	Key       ed25519.PrivateKey
}

// SigningIdentity returns who signs this workspace's case packages, making
// the workspace's signing key the first time it is needed. Without an
// officer profile nobody can sign.
func (w *Workspace) SigningIdentity(ctx context.Context) (SigningIdentity, error) {
	var id SigningIdentity
	err := w.store.Write(ctx, func(tx *storage.Tx) error {
		o, err := tx.Officer()
		if err != nil {
			return err
		}
		if !o.IsSet() {
			return model.ErrNoOfficer
		}
		tx.SetAuthor(o.Author(), w.id, w.Now())
		key, err := tx.SigningKey()
		if err != nil {
			return err
		}
		id = SigningIdentity{Name: o.Name, Agency: o.Agency, Workspace: w.id, Key: key}
		return nil
	})
	return id, err
}

// AgeIdentity returns the workspace's age secret key (AGE-SECRET-KEY-1...),
// which opens the case packages partners encrypt to this workspace. It is
// made the first time it is asked for, and never leaves the workspace.
func (w *Workspace) AgeIdentity(ctx context.Context) (string, error) {
	var secret string
	err := w.read(ctx, func(tx *storage.Tx) (err error) {
		secret, err = tx.AgeIdentity()
		return err
	})
	if err != nil || secret != "" {
		return secret, err
	}
	err = w.store.Write(ctx, func(tx *storage.Tx) error {
		// Read again under the write lock: another window may have made
		// it meanwhile, and a workspace has one key for good.
		if secret, err = tx.AgeIdentity(); err != nil || secret != "" {
			return err
		}
		if err := w.stampTrust(tx); err != nil {
			return err
		}
		id, err := age.GenerateX25519Identity()
		if err != nil {
			return fmt.Errorf("make the workspace's age key: %w", err)
		}
		secret = id.String()
		return tx.SetAgeIdentity(secret)
	})
	return secret, err
}

// AgeRecipient returns the workspace's age public key (age1...): partners
// encrypt case packages to it, and Settings shows it to copy or save to a
// file. The key is made the first time it is asked for.
func (w *Workspace) AgeRecipient(ctx context.Context) (string, error) {
	secret, err := w.AgeIdentity(ctx)
	if err != nil {
		return "", err
	}
	id, err := age.ParseX25519Identity(secret)
	if err != nil {
		return "", errors.New("the workspace's age key is damaged")
	}
	return id.Recipient().String(), nil
}

// KnownPartner returns the partner whose ed25519 public key (base64) this
// is; ok is false when the officer has never accepted a package signed by it.
func (w *Workspace) KnownPartner(ctx context.Context, publicKey string) (p model.Partner, ok bool, err error) {
	err = w.read(ctx, func(tx *storage.Tx) error {
		p, err = tx.Partner(publicKey)
		return err
	})
	if IsNotFound(err) {
		return model.Partner{}, false, nil
	}
	return p, err == nil, err
}

// RememberPartner keeps a signer as a known partner, after the officer
// confirmed an unknown one, or when a known one's package is imported (its
// name and agency as the package gives them, seen now).
func (w *Workspace) RememberPartner(ctx context.Context, p model.Partner) error {
	p.PublicKey = strings.TrimSpace(p.PublicKey)
	if p.PublicKey == "" {
		return errors.New("a partner needs a public key")
	}
	if p.LastSeenAt.IsZero() {
		p.LastSeenAt = w.Now().UTC().Truncate(time.Microsecond)
	}
	return w.store.Write(ctx, func(tx *storage.Tx) error {
		if err := w.stampTrust(tx); err != nil {
			return err
		}
		return tx.PutPartner(p)
	})
}

// stampTrust names the officer (when set) as the author of a change to
// whom the workspace trusts, for its audit entry.
func (w *Workspace) stampTrust(tx *storage.Tx) error {
	o, err := tx.Officer()
	if err != nil {
		return err
	}
	tx.SetAuthor(o.Author(), w.id, w.Now())
	return nil
}

// Partners returns every known partner, by agency and name.
func (w *Workspace) Partners(ctx context.Context) ([]model.Partner, error) {
	var list []model.Partner
	err := w.read(ctx, func(tx *storage.Tx) (err error) {
		list, err = tx.Partners()
		return err
	})
	return list, err
}
