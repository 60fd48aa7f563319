package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"bollard/app/search"
	"bollard/model"
	"bollard/storage"
)

// Batch is one unit of work on a workspace, made by its officer at one
// moment: everything done through it is saved together or not at all.
// Workspace.Change hands one out.
type Batch struct {
	tx        *storage.Tx
	blobs     *storage.Blobs // where attached files are kept
	officer   model.Officer
	workspace string
	now       time.Time
	// createdHere are the cases this batch created: an imported case that
	// arrives archived still receives its contents in the same batch.
	createdHere map[string]bool
	// changed is, for each case whose contents this batch changed, the
	// latest change, so that the case's "last change" follows its contents.
	changed map[string]model.Record
	// seizureNumbers is, by case, the highest SZ-NNNN number known to be
	// taken in this batch (see lastSeizureNumber).
	seizureNumbers map[string]int
	// activeCases are the cases activeCase has read, with the transaction's
	// CaseWrites when it read them: a spreadsheet of 100,000 seizures for
	// one case reads that case once, not 100,000 times.
	activeCases map[string]checkedCase
	// put and remove are the search index's changes, made once the batch is saved.
	put    []search.Doc
	remove []string
}

func newBatch(tx *storage.Tx, o model.Officer, workspace string, now time.Time) *Batch {
	tx.SetAuthor(o.Author(), workspace, now)
	return &Batch{tx: tx, officer: o, workspace: workspace, now: now,
		createdHere: map[string]bool{}, changed: map[string]model.Record{}, seizureNumbers: map[string]int{},
		activeCases: map[string]checkedCase{}}
}

// Officer is the officer in whose name the batch writes.
func (b *Batch) Officer() model.Officer { return b.officer }

// Now is the moment the batch's changes are made at.
func (b *Batch) Now() time.Time { return b.now }

// stampNew gives a new record its identity and author. A record that
// arrives with its own history (from an import, or the demo) keeps it, once
// that history is checked: a record cannot be made in the future, changed
// before it was made, or credited to half an author.
func (b *Batch) stampNew(kind string, r *model.Record) error {
	if r.ID != "" && !model.ValidID(r.ID) {
		return model.Invalid(kind+" id", r.ID, "should be a UUID such as 7c9e6679-7425-40de-944b-e07fc1f90ae7")
	}
	by := b.officer.Author()
	if r.CreatedAt.IsZero() {
		r.Stamp(by, b.workspace, b.now)
		return nil
	}
	if r.ID == "" {
		r.ID = model.NewID()
	}
	if r.Workspace == "" {
		r.Workspace = b.workspace
	}
	if r.CreatedBy == (model.Author{}) {
		r.CreatedBy = by
	}
	if r.UpdatedAt.IsZero() {
		r.UpdatedAt, r.UpdatedBy = r.CreatedAt, r.CreatedBy
	}
	if r.UpdatedBy == (model.Author{}) {
		r.UpdatedBy = by
	}
	switch {
	case !model.ValidID(r.Workspace):
		return model.Invalid(kind+" workspace", r.Workspace, "should be the UUID of the workspace the record was made in")
	case r.CreatedAt.After(b.now):
		return model.Invalid(kind+" created_at", r.CreatedAt.Format(time.RFC3339), "cannot be in the future")
	case r.UpdatedAt.Before(r.CreatedAt):
		return model.Invalid(kind+" updated_at", r.UpdatedAt.Format(time.RFC3339), "cannot be before it was created (%s)", r.CreatedAt.Format(time.RFC3339))
	case r.UpdatedAt.After(b.now):
		return model.Invalid(kind+" updated_at", r.UpdatedAt.Format(time.RFC3339), "cannot be in the future")
	case r.CreatedBy.Name == "" || r.UpdatedBy.Name == "":
		return model.Invalid(kind+" author", "", "an author needs a name")
	}
	return nil
}

// contentsChanged notes that a record in a case was added or edited: the
// case's last change moves up to it when the batch is saved.
func (b *Batch) contentsChanged(caseID string, r model.Record) {
	if last, ok := b.changed[caseID]; !ok || r.UpdatedAt.After(last.UpdatedAt) {
		b.changed[caseID] = r
	}
}

// finish moves each changed case's last change up to its latest content.
func (b *Batch) finish() error {
	for caseID, r := range b.changed {
		if err := b.tx.TouchCase(caseID, r.UpdatedAt, r.UpdatedBy); err != nil {
			return err
		}
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
	checked, ok := b.activeCases[caseID]
	if !ok || checked.writes != b.tx.CaseWrites() {
		c, err := b.tx.CaseByID(caseID)
		if err != nil {
			return c, err
		}
		checked = checkedCase{c: c, writes: b.tx.CaseWrites()}
		b.activeCases[caseID] = checked
	}
	c := checked.c
	// A copy of its own: the caller may change the one it is handed.
	c.ThreatTypes, c.PartnerAgencies = slices.Clone(c.ThreatTypes), slices.Clone(c.PartnerAgencies)
	if c.Status == model.StatusArchived && !b.createdHere[c.ID] {
		return c, fmt.Errorf("case %s is archived: restore it before changing it", c.Ref)
	}
	return c, nil
}

// checkedCase is a case as activeCase read it, and when.
type checkedCase struct {
	c      model.Case
	writes int // the transaction's CaseWrites at the time
}

// Case returns the case with that ID as the batch sees it.
func (b *Batch) Case(id string) (model.Case, error) { return b.tx.CaseByID(id) }

// Relation returns the relation with that ID as the batch sees it.
func (b *Batch) Relation(id string) (model.Relation, error) { return b.tx.RelationByID(id) }

// SameEntity returns the entity already in the workspace that e is about,
// found by an identifier that names one thing (IMO, container number, IBAN,
// VIN, LEI). e must have been validated, so that its identifiers are in
// their canonical form.
func (b *Batch) SameEntity(e model.Entity) (model.Entity, bool, error) {
	found, err := b.tx.EntityByIdentifier(e)
	if errors.Is(err, model.ErrNotFound) {
		return model.Entity{}, false, nil
	}
	return found, err == nil, err
}

// Entity returns the entity with that ID as the batch sees it.
func (b *Batch) Entity(id string) (model.Entity, error) { return b.tx.EntityByID(id) }
