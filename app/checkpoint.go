package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"bollard/model"
	"bollard/storage"
	"bollard/storage/disk"
)

// AuditHead returns the audit trail's last entry: its number and hash are
// what a checkpoint records and what the window shows.
func (w *Workspace) AuditHead(ctx context.Context) (model.AuditEntry, error) {
	var e model.AuditEntry
	err := w.read(ctx, func(tx *storage.Tx) (err error) {
		e, err = tx.AuditHead()
		return err
	})
	return e, err
}

// Checkpoint signs a statement of where the audit trail stands now, with
// the workspace's own key, in the officer's name.
func (w *Workspace) Checkpoint(ctx context.Context) (model.Checkpoint, error) {
	var cp model.Checkpoint
	// A write: the key is made the first time it is needed, and the head
	// read under the write lock is the head at the moment of signing.
	err := w.store.Write(ctx, func(tx *storage.Tx) error {
		o, err := tx.Officer()
		if err != nil {
			return err
		}
		tx.SetAuthor(o.Author(), w.id, w.Now()) // for the key's audit entry, made the first time
		key, err := tx.SigningKey()
		if err != nil {
			return err
		}
		head, err := tx.AuditHead()
		if err != nil {
			return err
		}
		cp = model.Checkpoint{Workspace: w.id, Seq: head.Seq, Hash: head.Hash, At: w.Now().UTC().Truncate(time.Second), By: o.Author()}
		cp.Sign(key)
		return nil
	})
	return cp, err
}

// WriteCheckpoint writes a checkpoint to a file, as indented JSON. A
// checkpoint is kept to prove later what the trail held, and the new one
// often replaces the last: it is written to a temp file beside path,
// synced, and renamed over it, and the folder synced, so that a crash or a
// full disk at any moment leaves the previous checkpoint whole or the new
// one, never neither.
func WriteCheckpoint(path string, cp model.Checkpoint) error {
	b, err := json.MarshalIndent(cp, "", "  ")
	if err != nil {
		return err
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fmt.Errorf("%s is a folder: name a file for the checkpoint", path)
	}
	dir := filepath.Dir(path)
	tmp, err := disk.CreateTemp(dir, "."+filepath.Base(path)+".*.partial") // the owner only, like every file Bollard writes
	if err != nil {
		return fmt.Errorf("write the checkpoint %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // gone after the rename; left only after a failure
	_, err = tmp.Write(append(b, '\n'))
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = disk.Replace(tmp.Name(), path)
	}
	if err != nil && !disk.IsInUse(err) {
		err = fmt.Errorf("write the checkpoint %s: %w", path, err)
	}
	if err != nil {
		return err
	}
	return disk.SyncFolder(dir)
}

// ReadCheckpoint reads a checkpoint file written by WriteCheckpoint,
// refusing one that is not a checkpoint or is not signed.
func ReadCheckpoint(path string) (model.Checkpoint, error) {
	var cp model.Checkpoint
	b, err := os.ReadFile(path)
	if err != nil {
		return cp, disk.InUse(path, err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cp); err != nil {
		return cp, fmt.Errorf("%s is not a Bollard checkpoint: %v", path, err)
	}
	if cp.Seq < 0 || cp.Signature == "" || cp.PublicKey == "" {
		return cp, fmt.Errorf("%s is not a signed Bollard checkpoint", path)
	}
	return cp, nil
}
