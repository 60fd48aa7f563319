// Package app holds the use cases that the window and the command line both
// call: open a workspace, create and edit cases, seizures, entities and the
// rest. It decides what is saved together, stamps every record with its
// author, and refuses invalid records before they reach the store.
package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"bollard/model"
	"bollard/storage"
	"bollard/storage/lockbox"
)

// Workspace is an open workspace: one file holding an officer's cases.
type Workspace struct {
	store  *storage.Store
	blobs  *storage.Blobs // the files attached to exhibits, beside the workspace file
	id     string
	search *searchIndex
	// attachmentKey encrypts the attachment files of an encrypted
	// workspace; nil for a plaintext one. Close forgets it.
	attachmentKey []byte
	// Now is the clock. Tests set it to make times, and so refs, predictable.
	Now func() time.Time
}

// Open opens (creating when missing) the workspace file at path.
// An encrypted workspace is refused with ErrEncrypted: Unlock opens it.
func Open(ctx context.Context, path string) (*Workspace, error) {
	if err := settleEncrypting(path); err != nil {
		return nil, err
	}
	return openPlaintext(ctx, path)
}

// openPlaintext is Open, once a conversion that died has been settled.
func openPlaintext(ctx context.Context, path string) (*Workspace, error) {
	if err := refuseEncrypted(path); err != nil {
		return nil, err
	}
	store, err := storage.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	return openOn(ctx, store, func(w *Workspace) (*storage.Blobs, error) { return w.openBlobs(ctx, path) })
}

// openOn makes the Workspace of an open store: it reads the workspace's
// identity, then opens its attachment files with blobs. On failure the
// store is closed.
func openOn(ctx context.Context, store *storage.Store, blobs func(*Workspace) (*storage.Blobs, error)) (*Workspace, error) {
	w := &Workspace{store: store, Now: time.Now, search: newSearchIndex()}
	err := store.Read(ctx, func(tx *storage.Tx) (err error) {
		w.id, err = tx.WorkspaceID()
		return err
	})
	if err == nil {
		w.blobs, err = blobs(w)
	}
	if err != nil {
		store.Close()
		return nil, err
	}
	return w, nil
}

// Close closes the workspace file.
func (w *Workspace) Close() error {
	w.stopIndexing()
	err := errors.Join(w.blobs.Close(), w.store.Close())
	lockbox.Forget(w.attachmentKey)
	return err
}

// Path is the workspace file's path.
func (w *Workspace) Path() string { return w.store.Path() }

// ID is the workspace's own identity.
func (w *Workspace) ID() string { return w.id }

// DefaultPath is where the window and the command line keep the officer's
// workspace when no other is named: $BOLLARD_DB, else bollard.db in the
// user's data folder (~/.local/share/bollard on Linux,
// %LocalAppData%\bollard on Windows, ~/Library/Application Support/bollard on macOS).
func DefaultPath() (string, error) {
	if p := os.Getenv("BOLLARD_DB"); p != "" {
		return p, nil
	}
	dir, err := dataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "bollard", "bollard.db"), nil
}

// DemoPath is where the demo workspace lives: beside the officer's own
// workspace, in a file of its own, so that demo data never mixes with real cases.
func DemoPath(workspacePath string) string {
	demo := filepath.Join(filepath.Dir(workspacePath), "demo.db")
	if filepath.Clean(workspacePath) == demo {
		return filepath.Join(filepath.Dir(workspacePath), "demo-workspace.db")
	}
	return demo
}

// dataDir is the user's data folder: $XDG_DATA_HOME or ~/.local/share on
// Linux and the BSDs, the folder for application data elsewhere.
func dataDir() (string, error) {
	if runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		if d := os.Getenv("XDG_DATA_HOME"); d != "" {
			return d, nil
		}
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, ".local", "share"), nil
		}
	}
	if runtime.GOOS == "windows" {
		// Local, not Roaming, AppData: in a domain the roaming profile is
		// copied to a server at every sign-out or redirected to a share,
		// which would take case material off the laptop and put SQLite's
		// write-ahead log on a network drive, where it does not work.
		if d := os.Getenv("LocalAppData"); d != "" {
			return d, nil
		}
	}
	d, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("cannot find a folder for the workspace: %w (set BOLLARD_DB or use --db)", err)
	}
	return d, nil
}

// Officer returns the workspace's officer profile (zero when not set yet).
func (w *Workspace) Officer(ctx context.Context) (model.Officer, error) {
	var o model.Officer
	err := w.store.Read(ctx, func(tx *storage.Tx) (err error) {
		o, err = tx.Officer()
		return err
	})
	return o, err
}

// SetOfficer checks and saves the officer profile.
func (w *Workspace) SetOfficer(ctx context.Context, o model.Officer) (model.Officer, error) {
	if err := o.Validate(); err != nil {
		return o, err
	}
	return o, w.store.Write(ctx, func(tx *storage.Tx) error { return tx.SetOfficer(o) })
}

// Change runs fn as one unit of work: every change fn makes through the
// Batch is saved together when fn returns nil, and none of them otherwise.
// Changes are made in the name of the workspace's officer; without an
// officer profile nothing can be changed.
func (w *Workspace) Change(ctx context.Context, fn func(b *Batch) error) error {
	var saved *Batch
	err := w.store.Write(ctx, func(tx *storage.Tx) error {
		o, err := tx.Officer()
		if err != nil {
			return err
		}
		if !o.IsSet() {
			return model.ErrNoOfficer
		}
		b := newBatch(tx, o, w.id, w.Now())
		b.blobs = w.blobs
		if err := fn(b); err != nil {
			return err
		}
		saved = b
		return b.finish()
	})
	if err != nil {
		return err
	}
	w.indexChanges(saved.put, saved.remove)
	return nil
}

// read runs fn on one consistent snapshot of the workspace.
func (w *Workspace) read(ctx context.Context, fn func(tx *storage.Tx) error) error {
	return w.store.Read(ctx, fn)
}

// IsNotFound reports whether err says that a record does not exist.
func IsNotFound(err error) bool { return errors.Is(err, model.ErrNotFound) }

// SchemaVersion is the newest workspace schema this build knows.
func SchemaVersion() int { return storage.SchemaVersion() }
