package lockbox_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bollard/storage/lockbox"
)

// cheap keeps the tests fast; the costs are stored in the lockbox, so
// Unlock uses them too.
var cheap = lockbox.Options{Params: lockbox.Params{Time: 1, MemoryKiB: 64, Threads: 1}}

func TestCreateUnlockChange(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws.db")
	pass := []byte("cocaine in banana containers")
	opt := cheap
	opt.Recovery = true
	key, recovery, err := lockbox.Create(ws, pass, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(key) != lockbox.KeySize || recovery == "" {
		t.Fatalf("key %d bytes, recovery %q", len(key), recovery)
	}
	st, err := os.Stat(lockbox.Path(ws))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("lockbox mode %v, %v", st.Mode().Perm(), err)
	}
	raw, _ := os.ReadFile(lockbox.Path(ws))
	if bytes.Contains(raw, pass) || bytes.Contains(raw, []byte(recovery)) {
		t.Fatal("the lockbox holds the passphrase or the recovery key")
	}

	// The recovery key is accepted as typed from paper.
	typed := strings.ToLower(strings.ReplaceAll(recovery, "-", " "))
	for _, secret := range [][]byte{pass, []byte(recovery), []byte(typed)} {
		got, err := lockbox.Unlock(ws, secret)
		if err != nil || !bytes.Equal(got, key) {
			t.Fatalf("unlock with %q: %v", secret, err)
		}
	}
	if _, err := lockbox.Unlock(ws, []byte("cocaine in banana container")); !errors.Is(err, lockbox.ErrWrongSecret) {
		t.Errorf("wrong passphrase: %v", err)
	}

	// A new passphrase replaces the old; the recovery key still works; the
	// key itself is unchanged, so nothing needs re-encrypting.
	newPass := []byte("fentanyl precursors by air")
	if err := lockbox.ChangePassphrase(ws, []byte(recovery), newPass); err != nil {
		t.Fatal(err)
	}
	if _, err := lockbox.Unlock(ws, pass); !errors.Is(err, lockbox.ErrWrongSecret) {
		t.Errorf("old passphrase after change: %v", err)
	}
	for _, secret := range [][]byte{newPass, []byte(recovery)} {
		if got, err := lockbox.Unlock(ws, secret); err != nil || !bytes.Equal(got, key) {
			t.Errorf("after change, unlock: %v", err)
		}
	}

	// A new recovery key retires the old one.
	again, err := lockbox.NewRecoveryKey(ws, newPass)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lockbox.Unlock(ws, []byte(recovery)); !errors.Is(err, lockbox.ErrWrongSecret) {
		t.Errorf("old recovery key: %v", err)
	}
	if _, err := lockbox.Unlock(ws, []byte(again)); err != nil {
		t.Errorf("new recovery key: %v", err)
	}
}

func TestCreateRefuses(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws.db")
	var weak *lockbox.WeakPassphraseError
	if _, _, err := lockbox.Create(ws, []byte("short"), cheap); !errors.As(err, &weak) {
		t.Errorf("short passphrase: %v", err)
	}
	if _, _, err := lockbox.Create(ws, []byte("long enough passphrase"), cheap); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(lockbox.Path(ws))
	if _, _, err := lockbox.Create(ws, []byte("another long passphrase"), cheap); !errors.Is(err, lockbox.ErrExists) {
		t.Errorf("second create: %v", err)
	}
	after, _ := os.ReadFile(lockbox.Path(ws))
	if !bytes.Equal(before, after) {
		t.Error("a refused create changed the lockbox")
	}
	if _, err := lockbox.Unlock(filepath.Join(t.TempDir(), "none.db"), []byte("x")); !errors.Is(err, lockbox.ErrNoLockbox) {
		t.Errorf("no lockbox: %v", err)
	}
	// A damaged lockbox is refused, saying so.
	if err := os.WriteFile(lockbox.Path(ws), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := lockbox.Unlock(ws, []byte("long enough passphrase")); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("damaged lockbox: %v", err)
	}
}

// BenchmarkUnlock measures one unlock at the default costs: the figure
// lockbox.Default is tuned by (about half a second here).
func BenchmarkUnlock(b *testing.B) {
	ws := filepath.Join(b.TempDir(), "ws.db")
	pass := []byte("long enough passphrase")
	if _, _, err := lockbox.Create(ws, pass, lockbox.Options{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := lockbox.Unlock(ws, pass); err != nil {
			b.Fatal(err)
		}
	}
}
