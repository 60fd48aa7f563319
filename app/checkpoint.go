package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"bollard/model"
	"bollard/storage"
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

// WriteCheckpoint writes a checkpoint to a file, as indented JSON.
func WriteCheckpoint(path string, cp model.Checkpoint) error {
	b, err := json.MarshalIndent(cp, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// ReadCheckpoint reads a checkpoint file written by WriteCheckpoint,
// refusing one that is not a checkpoint or is not signed.
func ReadCheckpoint(path string) (model.Checkpoint, error) {
	var cp model.Checkpoint
	b, err := os.ReadFile(path)
	if err != nil {
		return cp, err
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
