package app

import (
	"context"

	"bollard/storage"
)

// RecordPlainWorkspace writes to the audit trail that this workspace was
// made NOT encrypted on purpose (init --plain), by the officer when set.
func (w *Workspace) RecordPlainWorkspace(ctx context.Context) error {
	return w.store.Write(ctx, func(tx *storage.Tx) error {
		if err := w.stampTrust(tx); err != nil {
			return err
		}
		return tx.RecordPlainWorkspace(w.id, storage.PlainWorkspace{Path: w.Path()})
	})
}

// RecordPlainPackage writes to the audit trail that the package at file
// (that SHA-256 and size) carried the cases with those refs in the clear:
// one entry for each, in its case's history, by the officer. Packages are
// encrypted by default; one sent readable by anyone is answered for.
func (w *Workspace) RecordPlainPackage(ctx context.Context, file, sha256 string, size int64, refs []string) error {
	return w.store.Write(ctx, func(tx *storage.Tx) error {
		if err := w.stampTrust(tx); err != nil {
			return err
		}
		for _, ref := range refs {
			c, err := tx.CaseByRef(ref)
			if err != nil {
				return err
			}
			if err := tx.RecordPlainPackage(storage.PlainPackage{SHA256: sha256, File: file, Size: size, CaseID: c.ID, CaseRef: c.Ref}); err != nil {
				return err
			}
		}
		return nil
	})
}
