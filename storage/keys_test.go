package storage

import (
	"context"
	"errors"
	"testing"
	"time"

	"filippo.io/age"

	"bollard/model"
)

func TestAgeIdentityKeptOnce(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	first, second := mustAgeKey(t), mustAgeKey(t)
	err := s.Write(ctx, func(tx *Tx) error {
		if id, err := tx.AgeIdentity(); err != nil || id != "" {
			t.Fatalf("a new workspace has an age key: %q, %v", id, err)
		}
		if err := tx.SetAgeIdentity(first); err != nil {
			t.Fatal(err)
		}
		// A workspace's key is never replaced: packages sent to it would
		// no longer open.
		if err := tx.SetAgeIdentity(second); !errors.Is(err, model.ErrConflict) {
			t.Errorf("replacing the age key: %v, want ErrConflict", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Read(ctx, func(tx *Tx) error {
		if id, err := tx.AgeIdentity(); err != nil || id != first {
			t.Errorf("age key %q, %v", id, err)
		}
		return nil
	})
}

// mustAgeKey makes a real age secret key: the store keeps only keys it
// can read the public half of.
func mustAgeKey(t *testing.T) string {
	t.Helper()
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	return id.String()
}

func TestPartnerKept(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	first := time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)
	later := first.Add(48 * time.Hour)
	err := s.Write(ctx, func(tx *Tx) error {
		if _, err := tx.Partner("k1"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("unknown partner: %v, want ErrNotFound", err)
		}
		if err := tx.PutPartner(model.Partner{PublicKey: "k1", Name: "A", Agency: "HMRC", WorkspaceID: "w1", LastSeenAt: first}); err != nil {
			return err
		}
		if err := tx.PutPartner(model.Partner{PublicKey: "k2", Name: "B", Agency: "CBP", WorkspaceID: "w2", LastSeenAt: first}); err != nil {
			return err
		}
		return tx.PutPartner(model.Partner{PublicKey: "k1", Name: "A2", Agency: "HMRC", WorkspaceID: "w1", FirstSeenAt: later, LastSeenAt: later})
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Read(ctx, func(tx *Tx) error {
		p, err := tx.Partner("k1")
		if err != nil || p.Name != "A2" || !p.FirstSeenAt.Equal(first) || !p.LastSeenAt.Equal(later) {
			t.Errorf("partner k1: %+v, %v", p, err)
		}
		list, err := tx.Partners()
		if err != nil || len(list) != 2 || list[0].Agency != "CBP" {
			t.Errorf("partners: %+v, %v", list, err)
		}
		return nil
	})
}
