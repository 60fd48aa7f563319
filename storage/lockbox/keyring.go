package lockbox

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"github.com/zalando/go-keyring"
	"golang.org/x/crypto/chacha20poly1305"
)

// The keyring slot is an optional second way to open the lockbox: a fresh
// random 32-byte secret is kept in the operating system's keyring (Secret
// Service on Linux, Credential Manager on Windows, Keychain on macOS) and
// the workspace key is sealed under it here. The passphrase slot always
// stays: the keyring is never the only copy, since it dies with the user
// profile, the machine or a reinstall.
//
// The keyring entry is named by service KeyringService and, as account, a
// random id the lockbox holds (not the workspace's path): the entry keeps
// working when the folder is moved or renamed, two workspaces never share
// an entry, and the keyring's listing shows no case folder's name.

// KeyringService is the service name of Bollard's entries in the keyring.
const KeyringService = "Bollard"

var (
	// ErrNoKeyring says the keyring cannot open the lockbox: it has no
	// keyring slot, the keyring has no entry for it, or there is no
	// keyring service at all. The caller asks for the passphrase instead.
	ErrNoKeyring = errors.New("the workspace cannot be opened from this computer's keyring")

	// ErrStaleKeyring says the keyring's entry does not open the lockbox
	// (left from an earlier slot, or the lockbox was restored from a
	// backup). It wraps ErrNoKeyring: the caller falls back the same way.
	ErrStaleKeyring = fmt.Errorf("%w: its entry there does not open this lockbox (stale, or restored from a backup); unlock with the passphrase and turn the keyring on again", ErrNoKeyring)
)

// keyringSlot is the workspace key sealed under the keyring's secret.
type keyringSlot struct {
	Account string `json:"account"` // the keyring entry's account: random, hex
	Nonce   string `json:"nonce"`   // base64, 24 bytes
	Sealed  string `json:"sealed"`  // base64, the key and its tag
}

// keyringTimeout bounds a call to the keyring service: a D-Bus service
// that hangs must not hang the unlock; the passphrase is asked instead.
const keyringTimeout = 10 * time.Second

// AddKeyring opens the lockbox with the passphrase or recovery key and
// adds (or renews) the keyring slot: a new secret in the keyring, the
// workspace key sealed under it here. The keyring entry is written first
// and removed again if the lockbox cannot be; an older entry of this
// lockbox is removed once the new slot is in place. It returns the new
// entry's account.
func AddKeyring(workspacePath string, secret []byte) (account string, err error) {
	f, key, err := readOpened(workspacePath, secret)
	if err != nil {
		return "", err
	}
	defer Forget(key)
	ks := make([]byte, KeySize)
	id := make([]byte, 16)
	nonce := make([]byte, chacha20poly1305.NonceSizeX)
	for _, b := range [][]byte{ks, id, nonce} {
		if _, err := rand.Read(b); err != nil {
			return "", fmt.Errorf("lockbox: %w", err)
		}
	}
	defer Forget(ks)
	// No KDF: the secret is 256 random bits, not a password, so there is
	// nothing to stretch; it is the sealing key itself.
	aead, err := chacha20poly1305.NewX(ks)
	if err != nil {
		return "", fmt.Errorf("lockbox: %w", err)
	}
	enc := base64.StdEncoding
	slot := &keyringSlot{
		Account: fmt.Sprintf("%x", id),
		Nonce:   enc.EncodeToString(nonce),
		Sealed:  enc.EncodeToString(aead.Seal(nil, nonce, key, []byte(format+" keyring"))),
	}
	if err := keyringCall(func() error { return keyring.Set(KeyringService, slot.Account, enc.EncodeToString(ks)) }); err != nil {
		return "", fmt.Errorf("%w: %v; nothing was changed", ErrNoKeyring, err)
	}
	old := f.Keyring
	f.Keyring = slot
	if err := write(workspacePath, f, true); err != nil {
		_ = keyringCall(func() error { return keyring.Delete(KeyringService, slot.Account) })
		return "", err
	}
	if old != nil && old.Account != slot.Account {
		// Best effort: the old entry opens no slot any more.
		_ = keyringCall(func() error { return keyring.Delete(KeyringService, old.Account) })
	}
	return slot.Account, nil
}

// UnlockKeyring opens the lockbox with the secret in the keyring.
// ErrNoKeyring (or ErrStaleKeyring, which wraps it) when it cannot: the
// caller asks for the passphrase.
func UnlockKeyring(workspacePath string) ([]byte, error) {
	f, err := read(workspacePath)
	if err != nil {
		return nil, err
	}
	if f.Keyring == nil {
		return nil, fmt.Errorf("%w: it was not turned on for this workspace", ErrNoKeyring)
	}
	var stored string
	err = keyringCall(func() (err error) { stored, err = keyring.Get(KeyringService, f.Keyring.Account); return err })
	if errors.Is(err, keyring.ErrNotFound) {
		return nil, fmt.Errorf("%w: the keyring has no entry for it (turned on on another computer or user account?)", ErrNoKeyring)
	} else if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoKeyring, err)
	}
	enc := base64.StdEncoding
	ks, err1 := enc.DecodeString(stored)
	nonce, err2 := enc.DecodeString(f.Keyring.Nonce)
	box, err3 := enc.DecodeString(f.Keyring.Sealed)
	defer Forget(ks)
	if errors.Join(err1, err2, err3) != nil || len(ks) != KeySize || len(nonce) != chacha20poly1305.NonceSizeX {
		return nil, ErrStaleKeyring
	}
	aead, err := chacha20poly1305.NewX(ks)
	if err != nil {
		return nil, ErrStaleKeyring
	}
	key, err := aead.Open(nil, nonce, box, []byte(format+" keyring"))
	if err != nil {
		return nil, ErrStaleKeyring
	}
	return key, nil
}

// RemoveKeyring removes the keyring slot from the lockbox, then its entry
// from the keyring. It needs no passphrase: it takes a way in away. The
// slot goes first, so that an entry left behind (keyring unreachable)
// opens nothing; that is said in the error. It returns the removed
// entry's account ("" when there was no slot); an error with an account
// means the slot is gone but the entry stayed in the keyring.
func RemoveKeyring(workspacePath string) (account string, err error) {
	f, err := read(workspacePath)
	if err != nil {
		return "", err
	}
	if f.Keyring == nil {
		return "", nil
	}
	account = f.Keyring.Account
	f.Keyring = nil
	if err := write(workspacePath, f, true); err != nil {
		return "", err
	}
	err = keyringCall(func() error { return keyring.Delete(KeyringService, account) })
	if err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return account, fmt.Errorf("the keyring no longer opens the workspace, but its entry %s/%s could not be deleted from the keyring (%v): it opens nothing; delete it with the system's keyring tool", KeyringService, account, err)
	}
	return account, nil
}

// HasKeyring reports whether the lockbox has a keyring slot.
func HasKeyring(workspacePath string) (bool, error) {
	f, err := read(workspacePath)
	if err != nil {
		return false, err
	}
	return f.Keyring != nil, nil
}

// KeyringAvailable reports whether this computer has a keyring service
// Bollard can reach, by looking up an entry that is never written.
func KeyringAvailable() error {
	err := keyringCall(func() error { _, err := keyring.Get(KeyringService, "probe"); return err })
	if err == nil || errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return noKeyringService{err}
}

// noKeyringService says there is no keyring to use at all, in its own
// words; it is ErrNoKeyring to errors.Is.
type noKeyringService struct{ cause error }

func (e noKeyringService) Error() string {
	return fmt.Sprintf("no keyring service is reachable on this computer (%v); the passphrase opens the workspace as before", e.cause)
}

func (e noKeyringService) Is(target error) bool { return target == ErrNoKeyring }

// keyringCall runs a keyring call, giving up after keyringTimeout (the
// call is then left to finish on its own).
func keyringCall(call func() error) error {
	done := make(chan error, 1)
	go func() { done <- call() }()
	select {
	case err := <-done:
		return err
	case <-time.After(keyringTimeout):
		return errors.New("the keyring service did not answer")
	}
}
