package app

import (
	"context"
	"errors"
	"fmt"
	"os"

	"bollard/storage"
	"bollard/storage/lockbox"
)

// An encrypted workspace is a workspace file encrypted by SQLite3MC, an
// attachment folder whose files are encrypted with age, and a lockbox
// beside them holding the workspace key sealed under the officer's
// passphrase (and a recovery key, when one was made). Nothing that unlocks
// it is stored in the clear: the signing key and the age identity live in
// the encrypted database.

// ErrEncrypted says a workspace is encrypted and was opened without its
// passphrase: Unlock opens it.
var ErrEncrypted = errors.New("the workspace is encrypted: unlock it with its passphrase")

// IsEncrypted reports whether the workspace at path is encrypted: it has a
// lockbox.
func IsEncrypted(path string) (bool, error) { return lockbox.Exists(path) }

// Create makes a new encrypted workspace at path: its lockbox sealed under
// passphrase (and under a recovery key when recovery is true, returned to
// be printed once), then the encrypted workspace file. It refuses a path
// where a workspace or a lockbox already is. When it fails it removes what
// it made, or names what it could not.
func Create(ctx context.Context, path string, passphrase []byte, recovery bool) (*Workspace, string, error) {
	if st, err := os.Stat(path); err == nil && st.Size() > 0 {
		return nil, "", fmt.Errorf("a workspace already exists at %s; nothing was changed", path)
	}
	made := absentNames(newWorkspaceNames(path))
	key, code, err := lockbox.Create(path, passphrase, lockbox.Options{Recovery: recovery})
	if errors.Is(err, lockbox.ErrExists) {
		return nil, "", err // another's lockbox: not ours to remove
	}
	if err != nil {
		return nil, "", undoCreate(path, made, err)
	}
	w, err := openKeyed(ctx, path, key)
	if err != nil {
		return nil, "", undoCreate(path, made, err)
	}
	return w, code, nil
}

// Unlock opens the encrypted workspace at path with its passphrase or its
// recovery key. A wrong one is lockbox.ErrWrongSecret, which says nothing
// of what the workspace holds.
func Unlock(ctx context.Context, path string, secret []byte) (*Workspace, error) {
	if err := settleEncrypting(path); err != nil {
		return nil, err
	}
	key, err := lockbox.Unlock(path, secret)
	if err != nil {
		return nil, err
	}
	return openKeyed(ctx, path, key)
}

// openKeyed opens the encrypted workspace with its workspace key, which it
// takes over: the Workspace keeps the attachment key and forgets the rest.
func openKeyed(ctx context.Context, path string, key []byte) (*Workspace, error) {
	dbKey := lockbox.DatabaseKey(key)
	attachmentKey := lockbox.AttachmentKey(key)
	lockbox.Forget(key)
	store, err := storage.OpenEncrypted(ctx, path, dbKey)
	lockbox.Forget(dbKey)
	if err != nil {
		lockbox.Forget(attachmentKey)
		return nil, err
	}
	w, err := openOn(ctx, store, func(w *Workspace) (*storage.Blobs, error) {
		w.attachmentKey = attachmentKey
		return w.openBlobs(ctx, path)
	})
	if err != nil {
		lockbox.Forget(attachmentKey)
	}
	return w, err
}

// Encrypted reports whether the workspace is encrypted.
func (w *Workspace) Encrypted() bool { return w.attachmentKey != nil }

// ChangePassphrase seals the workspace key under a new passphrase, opened
// with the current passphrase or the recovery key. Only the lockbox is
// rewritten; the data is not re-encrypted.
func ChangePassphrase(path string, secret, newPassphrase []byte) error {
	return lockbox.ChangePassphrase(path, secret, newPassphrase)
}

// NewRecoveryKey makes a new recovery key for the workspace at path, opened
// with its passphrase or its current recovery key, which stops working.
func NewRecoveryKey(path string, secret []byte) (string, error) {
	return lockbox.NewRecoveryKey(path, secret)
}

// refuseEncrypted refuses to open an encrypted workspace as a plaintext
// one, saying what is needed, and an encrypted file whose lockbox is gone.
func refuseEncrypted(path string) error {
	if ok, err := lockbox.Exists(path); err != nil {
		return err
	} else if ok {
		return fmt.Errorf("%s: %w", path, ErrEncrypted)
	}
	st, err := os.Stat(path)
	if err != nil || st.Size() == 0 {
		return nil
	}
	if plain, err := storage.IsPlaintext(path); err != nil {
		return err
	} else if !plain {
		return fmt.Errorf("%s is encrypted or damaged, and its lockbox %s is missing: without the lockbox it cannot be unlocked; restore the lockbox from a backup; nothing was changed", path, lockbox.Path(path))
	}
	return nil
}
