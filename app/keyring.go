package app

import (
	"context"
	"fmt"
	"os"

	"bollard/storage"
	"bollard/storage/lockbox"
)

// An encrypted workspace may also be opened from the computer's keyring
// (storage/lockbox/keyring.go), when the officer turns that on: a second
// way in, never the only one, since the passphrase always opens it too.

// ErrNoKeyring says the keyring cannot open the workspace (not turned on,
// no entry, a stale entry, or no keyring service): ask for the passphrase.
var ErrNoKeyring = lockbox.ErrNoKeyring

// HasKeyring reports whether the workspace at path may be opened from the
// keyring (its lockbox has a keyring slot).
func HasKeyring(path string) (bool, error) {
	if ok, err := lockbox.Exists(path); err != nil || !ok {
		return false, err
	}
	return lockbox.HasKeyring(path)
}

// KeyringAvailable says why no keyring service is reachable (ErrNoKeyring),
// or nil when one is.
func KeyringAvailable() error { return lockbox.KeyringAvailable() }

// UnlockWithKeyring opens the encrypted workspace at path with the secret
// in the keyring. ErrNoKeyring (wrapped, saying why) when it cannot: the
// caller then asks for the passphrase.
func UnlockWithKeyring(ctx context.Context, path string) (*Workspace, error) {
	if err := settleEncrypting(path); err != nil {
		return nil, err
	}
	key, err := lockbox.UnlockKeyring(path)
	if err != nil {
		return nil, err
	}
	return openKeyed(ctx, path, key)
}

// UnlockReadOnlyWithKeyring is UnlockReadOnly with the keyring's secret.
func UnlockReadOnlyWithKeyring(ctx context.Context, path string) (*Workspace, error) {
	if err := refuseWhileEncrypting(path); err != nil {
		return nil, err
	}
	key, err := lockbox.UnlockKeyring(path)
	if err != nil {
		return nil, err
	}
	return openReadOnlyKeyed(ctx, path, key)
}

// RememberInKeyring lets this encrypted workspace be opened from the
// computer's keyring, proven by its passphrase or recovery key (the open
// workspace does not keep the key the keyring must seal). Turning it on
// again renews the keyring's secret. Audited; the lockbox is written inside
// the audit's transaction, so a failure of either leaves no entry.
func (w *Workspace) RememberInKeyring(ctx context.Context, secret []byte) error {
	if !w.Encrypted() {
		return fmt.Errorf("%s is not encrypted: there is nothing to keep in the keyring; nothing was changed", w.Path())
	}
	return w.store.Write(ctx, func(tx *storage.Tx) error {
		if err := w.stampTrust(tx); err != nil {
			return err
		}
		account, err := lockbox.AddKeyring(w.Path(), secret)
		if err != nil {
			return err
		}
		return tx.RecordKeyringUnlock(storage.KeyringUnlock{Account: account, Host: hostname()}, true)
	})
}

// ForgetKeyring stops this workspace being opened from the keyring: the
// slot leaves the lockbox and its entry the keyring. The passphrase still
// opens it. Audited when there was a slot.
func (w *Workspace) ForgetKeyring(ctx context.Context) error {
	var leftover error
	err := w.store.Write(ctx, func(tx *storage.Tx) error {
		if err := w.stampTrust(tx); err != nil {
			return err
		}
		account, err := lockbox.RemoveKeyring(w.Path())
		if account == "" {
			return err
		}
		// The slot is gone even when the entry could not be deleted: the
		// entry opens nothing, and the trail says the way in was closed.
		leftover = err
		return tx.RecordKeyringUnlock(storage.KeyringUnlock{Account: account, Host: hostname()}, false)
	})
	if err != nil {
		return err
	}
	return leftover
}

func hostname() string {
	h, _ := os.Hostname()
	return h
}
