package app

import (
	"context"
	"fmt"
	"time"

	"bollard/model"
	"bollard/storage"
)

// Batch is one unit of work on a workspace, made by its officer at one
// moment: everything done through it is saved together or not at all.
// Workspace.Change hands one out.
type Batch struct {
	tx        *storage.Tx
	officer   model.Officer
	workspace string
	now       time.Time
}

// Officer is the officer in whose name the batch writes.
func (b *Batch) Officer() model.Officer { return b.officer }

// Now is the moment the batch's changes are made at.
func (b *Batch) Now() time.Time { return b.now }

// stampNew gives a new record its identity and author. A record that
// arrives with its own history (from an import, or the demo) keeps it, and
// only what is missing is filled in.
func (b *Batch) stampNew(r *model.Record) {
	by := b.officer.Author()
	if r.CreatedAt.IsZero() {
		r.Stamp(by, b.workspace, b.now)
		return
	}
	if r.ID == "" {
		r.ID = model.NewID()
	}
	if r.Workspace == "" {
		r.Workspace = b.workspace
	}
	if r.CreatedBy.Name == "" {
		r.CreatedBy = by
	}
	if r.UpdatedAt.IsZero() {
		r.UpdatedAt, r.UpdatedBy = r.CreatedAt, r.CreatedBy
	}
	if r.UpdatedBy.Name == "" {
		r.UpdatedBy = by
	}
}

// checkNewID refuses an ID that is not a UUID: IDs travel between
// workspaces and must stay unique everywhere.
func checkNewID(kind string, r *model.Record) error {
	if r.ID != "" && !model.ValidID(r.ID) {
		return model.Invalid(kind+" id", r.ID, "should be a UUID such as 7c9e6679-7425-40de-944b-e07fc1f90ae7")
	}
	return nil
}

// change runs one Batch method as a unit of work of its own, for callers
// that change a single record.
func change[T any](ctx context.Context, w *Workspace, v T, fn func(*Batch, *T) error) (T, error) {
	err := w.Change(ctx, func(b *Batch) error { return fn(b, &v) })
	return v, err
}

// activeCase returns the case with that ID, refusing an archived one:
// an archived case is restored before anything is added to it.
func (b *Batch) activeCase(caseID string) (model.Case, error) {
	if caseID == "" {
		return model.Case{}, model.Invalid("case", "", "is required")
	}
	c, err := b.tx.CaseByID(caseID)
	if err != nil {
		return c, err
	}
	if c.Status == model.StatusArchived {
		return c, fmt.Errorf("case %s is archived: restore it before changing it", c.Ref)
	}
	return c, nil
}

// Case returns the case with that ID as the batch sees it.
func (b *Batch) Case(id string) (model.Case, error) { return b.tx.CaseByID(id) }

// Entity returns the entity with that ID as the batch sees it.
func (b *Batch) Entity(id string) (model.Entity, error) { return b.tx.EntityByID(id) }
