package app

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"bollard/model"
	"bollard/storage"
)

// The workspace's side of an exchange: its records as a merge compares
// them, the version of each that last travelled, and the other workspaces'
// audit entries it keeps.

// storedRecord returns a record as the batch sees it, as JSON, with the
// case it belongs to ("" for entities and relations). found is false when
// the workspace has no such record. An exhibit is read with its files.
func (b *Batch) storedRecord(kind, id string) (js, caseID string, found bool, err error) {
	r, err := b.tx.RecordByID(kind, id)
	if errors.Is(err, model.ErrNotFound) {
		return "", "", false, nil
	}
	if err != nil {
		return "", "", false, err
	}
	return recordJSON(r), b.tx.CaseOf(r), true, nil
}

// refTaken reports which record already uses a ref: a case ref, a seizure
// ref of a case, an exhibit ref. It returns "" when the ref is free.
func (b *Batch) refTaken(kind, caseID, ref string) (string, error) {
	r, err := b.tx.RecordByRef(kind, caseID, ref)
	if errors.Is(err, model.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return r.RecordID(), nil
}

// setExchangeBase remembers the version of a record that travelled now.
func (b *Batch) setExchangeBase(kind, id, js string) error {
	return b.tx.SetExchangeBase(kind, id, js, b.now)
}

// addForeignAudit keeps another workspace's audit entry as it came,
// reporting whether it was new here. The workspace's own entries are not
// kept twice: they are already in its trail.
func (b *Batch) addForeignAudit(e model.AuditEntry) (bool, error) {
	if e.Workspace == b.workspace {
		return false, nil
	}
	if !model.ValidID(e.Workspace) || e.Seq < 1 || e.RecordID == "" || e.Hash == "" {
		return false, model.Invalid("audit entry", fmt.Sprint(e.Seq), "is not a complete audit entry of another workspace")
	}
	return b.tx.AddForeignAudit(e)
}

// caseAuditEntries returns the audit entries about a case and everything
// in it, both this workspace's (oldest first) and those kept from other
// workspaces: what travels with the case in a package.
func (w *Workspace) caseAuditEntries(ctx context.Context, caseID string) ([]model.AuditEntry, error) {
	var out []model.AuditEntry
	err := w.read(ctx, func(tx *storage.Tx) error {
		own, err := tx.CaseAudit(caseID)
		if err != nil {
			return err
		}
		slices.Reverse(own)
		foreign, err := tx.ForeignAudit(caseID)
		out = append(own, foreign...)
		return err
	})
	return out, err
}

// ForeignAudit returns the other workspaces' audit entries about a case.
func (w *Workspace) ForeignAudit(ctx context.Context, caseID string) ([]model.AuditEntry, error) {
	var out []model.AuditEntry
	err := w.read(ctx, func(tx *storage.Tx) (err error) {
		out, err = tx.ForeignAudit(caseID)
		return err
	})
	return out, err
}
