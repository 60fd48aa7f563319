package app

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"fmt"
	"strings"

	"bollard/storage"
	"bollard/storage/lockbox"
)

// OpenReadOnly opens an existing workspace only to check it (verify): it
// writes nothing, migrates nothing, sweeps nothing and creates no folder,
// so a 0444 copy, a write-blocked stick or a read-only folder can be
// checked, and checking leaves the files byte for byte as they were.
// Anything that would write through it fails with storage.ErrReadOnly.
func OpenReadOnly(ctx context.Context, path string) (*Workspace, error) {
	if err := refuseWhileEncrypting(path); err != nil {
		return nil, err
	}
	if err := refuseEncrypted(path); err != nil {
		return nil, err
	}
	store, err := storage.OpenReadOnly(ctx, path)
	if err != nil {
		return nil, err
	}
	return openOn(ctx, store, func(w *Workspace) (*storage.Blobs, error) { return storage.ReadWorkspaceBlobs(path, w.id, nil) })
}

// UnlockReadOnly is OpenReadOnly for an encrypted workspace, unlocked with
// its passphrase or recovery key.
func UnlockReadOnly(ctx context.Context, path string, secret []byte) (*Workspace, error) {
	if err := refuseWhileEncrypting(path); err != nil {
		return nil, err
	}
	key, err := lockbox.Unlock(path, secret)
	if err != nil {
		return nil, err
	}
	return openReadOnlyKeyed(ctx, path, key)
}

// openReadOnlyKeyed is openKeyed for OpenReadOnly: it takes over key.
func openReadOnlyKeyed(ctx context.Context, path string, key []byte) (*Workspace, error) {
	dbKey := lockbox.DatabaseKey(key)
	attachmentKey := lockbox.AttachmentKey(key)
	lockbox.Forget(key)
	store, err := storage.OpenReadOnlyEncrypted(ctx, path, dbKey)
	lockbox.Forget(dbKey)
	if err != nil {
		lockbox.Forget(attachmentKey)
		return nil, err
	}
	return openOn(ctx, store, func(w *Workspace) (*storage.Blobs, error) {
		w.attachmentKey = attachmentKey
		return storage.ReadWorkspaceBlobs(path, w.id, attachmentKey)
	})
}

// CheckPublicKey refuses a text that is not an ed25519 public key in
// standard base64, as `bollard keys` prints it.
func CheckPublicKey(key string) error {
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(key))
	if err != nil || len(b) != ed25519.PublicKeySize {
		return fmt.Errorf("%q is not an ed25519 public key in base64 (as bollard keys prints it)", key)
	}
	return nil
}
