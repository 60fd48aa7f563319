package app_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"bollard/app"
	"bollard/storage/lockbox"
)

// A workspace created encrypted opens only with its passphrase or its
// recovery key, never as a plaintext one, and keeps what was saved.
func TestCreateAndUnlock(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ws.db")
	pass := []byte("banana containers from Guayaquil")
	w, recovery, err := app.Create(ctx, path, pass, true)
	if err != nil {
		t.Fatal(err)
	}
	if recovery == "" || !w.Encrypted() {
		t.Fatalf("recovery %q, encrypted %v", recovery, w.Encrypted())
	}
	id := w.ID()
	w.Close()

	if _, err := app.Open(ctx, path); !errors.Is(err, app.ErrEncrypted) {
		t.Errorf("Open of an encrypted workspace: %v, want ErrEncrypted", err)
	}
	if _, err := app.Unlock(ctx, path, []byte("banana containers from Guayaquil!")); !errors.Is(err, lockbox.ErrWrongSecret) {
		t.Errorf("wrong passphrase: %v", err)
	}
	for _, secret := range [][]byte{pass, []byte(recovery)} {
		w, err := app.Unlock(ctx, path, secret)
		if err != nil {
			t.Fatalf("unlock: %v", err)
		}
		if w.ID() != id {
			t.Errorf("ID %s, want %s", w.ID(), id)
		}
		w.Close()
	}
}
