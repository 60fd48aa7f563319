package app_test

import (
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	"bollard/app"
	"bollard/model"
)

func TestSigningIdentity(t *testing.T) {
	t.Run("no officer", func(t *testing.T) {
		if _, err := mustOpenBare(t).SigningIdentity(ctx); !errors.Is(err, model.ErrNoOfficer) {
			t.Errorf("signing without an officer: %v, want ErrNoOfficer", err)
		}
	})
	w := mustOpen(t)
	id, err := w.SigningIdentity(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if id.Name != "M. Torres" || id.Agency != "SVA" || id.Workspace != w.ID() || len(id.Key) != ed25519.PrivateKeySize {
		t.Errorf("identity %+v", id)
	}
	again, err := w.SigningIdentity(ctx)
	if err != nil || !again.Key.Equal(id.Key) {
		t.Error("the signing key changed between two calls")
	}
	// The same key signs checkpoints.
	cp, err := w.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !ed25519.Verify(id.Key.Public().(ed25519.PublicKey), cp.SignedBytes(), mustB64(t, cp.Signature)) {
		t.Error("packages and checkpoints are signed with different keys")
	}
}

func TestAgeIdentity(t *testing.T) {
	w := mustOpenBare(t) // no officer needed to receive packages
	recipient, err := w.AgeRecipient(ctx)
	if err != nil {
		t.Fatal(err)
	}
	secret, err := w.AgeIdentity(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(recipient, "age1") || !strings.HasPrefix(secret, "AGE-SECRET-KEY-1") {
		t.Fatalf("keys %q, %q", recipient, secret)
	}
	id, err := age.ParseX25519Identity(secret)
	if err != nil || id.Recipient().String() != recipient {
		t.Fatalf("the public key is not the secret key's: %v", err)
	}
	// Made once, kept for good: after reopening, the same key.
	path := w.Path()
	w.Close()
	w2, err := app.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer w2.Close()
	if again, err := w2.AgeRecipient(ctx); err != nil || again != recipient {
		t.Errorf("after reopening: %q, %v; want %q", again, err, recipient)
	}
	// Another workspace has another key.
	if other, _ := mustOpenBare(t).AgeRecipient(ctx); other == recipient {
		t.Error("two workspaces share an age key")
	}
}

func TestAgeIdentityMadeOnceUnderRace(t *testing.T) {
	w := mustOpenBare(t)
	keys := make(chan string, 8)
	for range cap(keys) {
		go func() {
			k, err := w.AgeIdentity(ctx)
			if err != nil {
				t.Error(err)
			}
			keys <- k
		}()
	}
	first := <-keys
	for range cap(keys) - 1 {
		if k := <-keys; k != first {
			t.Fatal("two callers got different age keys")
		}
	}
}

func TestPartners(t *testing.T) {
	w := mustOpen(t)
	const key = "q0mV2cM8mXw1aR3vT0m8c5kKZfWQk1mXQ0v0pN3a3zI="
	if _, ok, err := w.KnownPartner(ctx, key); ok || err != nil {
		t.Fatalf("an unknown key is known: %v, %v", ok, err)
	}
	first := time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)
	if err := w.RememberPartner(ctx, model.Partner{PublicKey: key, Name: "Det. Sgt. Ana Ruiz", Agency: "HMRC", WorkspaceID: "ws-dover", LastSeenAt: first}); err != nil {
		t.Fatal(err)
	}
	p, ok, err := w.KnownPartner(ctx, key)
	if !ok || err != nil || p.Name != "Det. Sgt. Ana Ruiz" || p.Agency != "HMRC" || p.WorkspaceID != "ws-dover" ||
		!p.FirstSeenAt.Equal(first) || !p.LastSeenAt.Equal(first) {
		t.Fatalf("known partner: %+v, %v, %v", p, ok, err)
	}
	// Seen again, under a new name: the name follows, the first sighting stays.
	if err := w.RememberPartner(ctx, model.Partner{PublicKey: key, Name: "DI Ana Ruiz", Agency: "HMRC", WorkspaceID: "ws-dover"}); err != nil {
		t.Fatal(err)
	}
	p, _, _ = w.KnownPartner(ctx, key)
	if p.Name != "DI Ana Ruiz" || !p.FirstSeenAt.Equal(first) || !p.LastSeenAt.Equal(w.Now()) {
		t.Errorf("seen again: %+v", p)
	}
	if err := w.RememberPartner(ctx, model.Partner{Name: "nobody"}); err == nil {
		t.Error("a partner without a key was remembered")
	}
	list, err := w.Partners(ctx)
	if err != nil || len(list) != 1 || list[0].PublicKey != key {
		t.Errorf("partners: %+v, %v", list, err)
	}
}

func mustB64(t *testing.T, s string) []byte {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
