package app_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"bollard/app"
)

// The keyring is a second way into an encrypted workspace: on, it opens
// without the passphrase, which still opens it; off, it no longer does;
// both are in the audit trail, which verify accepts as Bollard's own.
func TestKeyringUnlock(t *testing.T) {
	keyring.MockInit() // an in-memory stand-in for the OS keyring
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ws.db")
	pass := []byte("banana containers from Guayaquil")
	w, _, err := app.Create(ctx, path, pass, false)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { w.Close() }()
	if _, err := app.UnlockWithKeyring(ctx, path); !errors.Is(err, app.ErrNoKeyring) {
		t.Fatalf("keyring unlock before on: %v", err)
	}
	if err := w.RememberInKeyring(ctx, []byte("not the passphrase at all")); err == nil {
		t.Fatal("a wrong passphrase turned the keyring on")
	}
	if err := w.RememberInKeyring(ctx, pass); err != nil {
		t.Fatal(err)
	}
	if ok, err := app.HasKeyring(path); !ok || err != nil {
		t.Fatalf("HasKeyring %v %v", ok, err)
	}
	id := w.ID()
	w.Close()

	w, err = app.UnlockWithKeyring(ctx, path)
	if err != nil {
		t.Fatalf("keyring unlock: %v", err)
	}
	if w.ID() != id {
		t.Fatalf("opened %s, want %s", w.ID(), id)
	}
	w.Close()
	r, err := app.UnlockReadOnlyWithKeyring(ctx, path)
	if err != nil {
		t.Fatalf("read-only keyring unlock: %v", err)
	}
	r.Close()
	w, err = app.Unlock(ctx, path, pass)
	if err != nil {
		t.Fatalf("the passphrase after keyring on: %v", err)
	}
	if err := w.ForgetKeyring(ctx); err != nil {
		t.Fatal(err)
	}
	if ok, _ := app.HasKeyring(path); ok {
		t.Fatal("the keyring slot outlived off")
	}
	if _, err := app.UnlockWithKeyring(ctx, path); !errors.Is(err, app.ErrNoKeyring) {
		t.Fatalf("keyring unlock after off: %v", err)
	}
	trail, err := w.AuditTrail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var on, off bool
	for _, l := range trail {
		on = on || strings.Contains(l.Text, "keyring on")
		off = off || strings.Contains(l.Text, "keyring off")
	}
	if !on || !off {
		t.Errorf("audit trail on %v off %v", on, off)
	}
	if v, err := w.Verify(ctx, nil); err != nil || !v.OK() {
		t.Errorf("verify after keyring on and off: %+v %v", v, err)
	}
}
