package lockbox_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/zalando/go-keyring"

	"bollard/storage/lockbox"
)

// keyringEntry is the one entry the mock keyring holds for the lockbox.
func keyringEntry(t *testing.T, ws string) (account, secret string) {
	t.Helper()
	raw, err := os.ReadFile(lockbox.Path(ws))
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Keyring *struct{ Account string } `json:"keyring"`
	}
	if err := json.Unmarshal(raw, &f); err != nil || f.Keyring == nil {
		t.Fatalf("no keyring slot in the lockbox: %v", err)
	}
	secret, err = keyring.Get(lockbox.KeyringService, f.Keyring.Account)
	if err != nil {
		t.Fatal(err)
	}
	return f.Keyring.Account, secret
}

func TestKeyringOnUnlockOff(t *testing.T) {
	keyring.MockInit() // an in-memory stand-in for the OS keyring
	ws := filepath.Join(t.TempDir(), "ws.db")
	pass := []byte("cocaine in banana containers")
	key, _, err := lockbox.Create(ws, pass, cheap)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lockbox.UnlockKeyring(ws); !errors.Is(err, lockbox.ErrNoKeyring) {
		t.Fatalf("no slot yet: %v", err)
	}
	if _, err := lockbox.AddKeyring(ws, []byte("not the passphrase at all")); !errors.Is(err, lockbox.ErrWrongSecret) {
		t.Fatalf("wrong passphrase turned the keyring on: %v", err)
	}
	if _, err := lockbox.AddKeyring(ws, pass); err != nil {
		t.Fatal(err)
	}
	if ok, err := lockbox.HasKeyring(ws); !ok || err != nil {
		t.Fatalf("HasKeyring %v %v", ok, err)
	}
	got, err := lockbox.UnlockKeyring(ws)
	if err != nil || !bytes.Equal(got, key) {
		t.Fatalf("keyring unlock: %v", err)
	}
	// The keyring's secret is nowhere in the lockbox, raw or encoded.
	account, secret := keyringEntry(t, ws)
	raw, _ := os.ReadFile(lockbox.Path(ws))
	ks, _ := base64.StdEncoding.DecodeString(secret)
	if bytes.Contains(raw, []byte(secret)) || bytes.Contains(raw, ks) || len(ks) != lockbox.KeySize {
		t.Fatal("the lockbox holds the keyring's secret")
	}
	// The passphrase still opens it; a new passphrase keeps the keyring.
	if got, err := lockbox.Unlock(ws, pass); err != nil || !bytes.Equal(got, key) {
		t.Fatalf("passphrase after keyring on: %v", err)
	}
	next := []byte("heroin in coffee sacks")
	if err := lockbox.ChangePassphrase(ws, pass, next); err != nil {
		t.Fatal(err)
	}
	if got, err := lockbox.UnlockKeyring(ws); err != nil || !bytes.Equal(got, key) {
		t.Fatalf("keyring after passphrase change: %v", err)
	}
	// Off removes the slot and the entry; the passphrase still opens.
	if _, err := lockbox.RemoveKeyring(ws); err != nil {
		t.Fatal(err)
	}
	if _, err := keyring.Get(lockbox.KeyringService, account); !errors.Is(err, keyring.ErrNotFound) {
		t.Fatalf("the keyring entry outlived off: %v", err)
	}
	if ok, _ := lockbox.HasKeyring(ws); ok {
		t.Fatal("slot outlived off")
	}
	if _, err := lockbox.UnlockKeyring(ws); !errors.Is(err, lockbox.ErrNoKeyring) {
		t.Fatalf("keyring unlock after off: %v", err)
	}
	if _, err := lockbox.Unlock(ws, next); err != nil {
		t.Fatal(err)
	}
}

func TestKeyringStaleEntry(t *testing.T) {
	keyring.MockInit()
	dir := t.TempDir()
	ws := filepath.Join(dir, "ws.db")
	pass := []byte("cocaine in banana containers")
	if _, _, err := lockbox.Create(ws, pass, cheap); err != nil {
		t.Fatal(err)
	}
	if _, err := lockbox.AddKeyring(ws, pass); err != nil {
		t.Fatal(err)
	}
	account, _ := keyringEntry(t, ws)

	// Another workspace's secret under this one's account.
	other := make([]byte, lockbox.KeySize)
	other[0] = 1
	if err := keyring.Set(lockbox.KeyringService, account, base64.StdEncoding.EncodeToString(other)); err != nil {
		t.Fatal(err)
	}
	if _, err := lockbox.UnlockKeyring(ws); !errors.Is(err, lockbox.ErrStaleKeyring) || !errors.Is(err, lockbox.ErrNoKeyring) {
		t.Fatalf("stale entry: %v", err)
	}
	// Garbage in the keyring: the same clear error, no crash.
	if err := keyring.Set(lockbox.KeyringService, account, "not base64 !"); err != nil {
		t.Fatal(err)
	}
	if _, err := lockbox.UnlockKeyring(ws); !errors.Is(err, lockbox.ErrStaleKeyring) {
		t.Fatalf("garbage entry: %v", err)
	}
	// The entry gone: no keyring, the passphrase opens.
	if err := keyring.Delete(lockbox.KeyringService, account); err != nil {
		t.Fatal(err)
	}
	if _, err := lockbox.UnlockKeyring(ws); !errors.Is(err, lockbox.ErrNoKeyring) {
		t.Fatalf("missing entry: %v", err)
	}
	if _, err := lockbox.Unlock(ws, pass); err != nil {
		t.Fatal(err)
	}
	// Turning it on again renews the slot with a new entry.
	if _, err := lockbox.AddKeyring(ws, pass); err != nil {
		t.Fatal(err)
	}
	if _, err := lockbox.UnlockKeyring(ws); err != nil {
		t.Fatal(err)
	}
}

func TestKeyringAvailable(t *testing.T) {
	keyring.MockInit()
	if err := lockbox.KeyringAvailable(); err != nil {
		t.Fatal(err)
	}
	keyring.MockInitWithError(errors.New("no D-Bus"))
	if err := lockbox.KeyringAvailable(); !errors.Is(err, lockbox.ErrNoKeyring) {
		t.Fatalf("no keyring service: %v", err)
	}
}
