package app

import (
	"context"

	"bollard/model"
	"bollard/storage"
)

// The workspace-wide lists the window shows beside the case list: every
// entity, seizure, exhibit and task across the cases. Records of archived
// cases are left out, as they are from the case list and the search.

// ExhibitRow is an exhibit with its chain of custody, and the ref of its case.
type ExhibitRow struct {
	CaseRef string
	Exhibit
}

// EntityList lists every entity of a kind ("" for every kind) by kind and
// name, each with the number of cases it appears in.
func (w *Workspace) EntityList(ctx context.Context, kind model.EntityKind) ([]model.EntityRow, error) {
	var rows []model.EntityRow
	err := w.read(ctx, func(tx *storage.Tx) (err error) {
		rows, err = tx.EntitiesInCases(kind)
		return err
	})
	return rows, err
}

// SeizureList lists every seizure, latest first.
func (w *Workspace) SeizureList(ctx context.Context) ([]model.SeizureRow, error) {
	var rows []model.SeizureRow
	err := w.read(ctx, func(tx *storage.Tx) (err error) {
		rows, err = tx.AllSeizures()
		return err
	})
	return rows, err
}

// TaskList lists every task and assistance request: those still waiting
// first, soonest due first, then those answered, done or cancelled.
func (w *Workspace) TaskList(ctx context.Context) ([]model.TaskRow, error) {
	var rows []model.TaskRow
	err := w.read(ctx, func(tx *storage.Tx) (err error) {
		rows, err = tx.AllTasks()
		return err
	})
	return rows, err
}

// EvidenceList lists every exhibit, by case and exhibit number, with its
// chain of custody (for who holds it, whether it is closed and whether a
// seal was found broken) but without its attached files.
func (w *Workspace) EvidenceList(ctx context.Context) ([]ExhibitRow, error) {
	var rows []ExhibitRow
	err := w.read(ctx, func(tx *storage.Tx) error {
		items, err := tx.AllEvidence()
		if err != nil {
			return err
		}
		byItem := map[string][]model.CustodyEvent{}
		err = tx.EachCaseCustodyEvent(func(ev model.CustodyEvent) error {
			byItem[ev.ItemID] = append(byItem[ev.ItemID], ev)
			return nil
		})
		if err != nil {
			return err
		}
		rows = make([]ExhibitRow, len(items))
		for i, it := range items {
			rows[i] = ExhibitRow{CaseRef: it.CaseRef, Exhibit: Exhibit{Item: it.Item, Custody: byItem[it.Item.ID]}}
		}
		return nil
	})
	return rows, err
}

// BlobDir is the folder beside the workspace file where the files attached
// to exhibits are kept.
func (w *Workspace) BlobDir() string { return w.blobs.Dir() }
