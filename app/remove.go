package app

import (
	"context"
	"fmt"

	"bollard/model"
)

// Removing a link, a relation, a task or a note leaves a tombstone
// (model.Record.Removed) instead of deleting the row. The removal is then
// an edit like any other: audited, carried in the case's packages, merged
// three-way with the partner's copy (a removal on one side and an edit on
// the other is a conflict), and undone by putting the record back. What
// the officer sees, the dossier and the exports leave removed records out.

// Remove takes the record of that kind and ID out of its case, as the
// officer's change now. A kind that cannot be removed (model.Kind.Removable)
// is refused; a record already removed is left as it is.
func (b *Batch) Remove(kind, id string) (model.Recorded, error) {
	k, ok := model.KindNamed(kind)
	if !ok || !k.Removable {
		return nil, fmt.Errorf("a %s cannot be removed", kind)
	}
	r, err := b.tx.RecordByID(kind, id)
	if err != nil {
		return nil, err
	}
	if rec := recordOf(r); !rec.Removed {
		rec.Removed = true
		if err := b.update(r); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// Remove takes a record out of its case on its own; see Batch.Remove.
func (w *Workspace) Remove(ctx context.Context, kind, id string) (model.Recorded, error) {
	var r model.Recorded
	err := w.Change(ctx, func(b *Batch) (err error) {
		r, err = b.Remove(kind, id)
		return err
	})
	return r, err
}

// RemoveTask removes the task with that ID from its case.
func (w *Workspace) RemoveTask(ctx context.Context, id string) error {
	_, err := w.Remove(ctx, model.RecordTask, id)
	return err
}

// RemoveNote removes the note with that ID from its case. Its words stay in
// the audit trail.
func (w *Workspace) RemoveNote(ctx context.Context, id string) error {
	_, err := w.Remove(ctx, model.RecordNote, id)
	return err
}

// RemoveRelation deletes the relation with that ID between two entities;
// both entities stay. A relation that has ended is better ended (its
// Until date) than removed: removal says it never should have been
// recorded.
func (w *Workspace) RemoveRelation(ctx context.Context, id string) error {
	_, err := w.Remove(ctx, model.RecordRelation, id)
	return err
}

// removable refuses a tombstone on a record whose kind is never removed.
func removable(r model.Recorded) error {
	if rec := recordOf(r); rec != nil && rec.Removed && !model.KindOf(r).Removable {
		return fmt.Errorf("a %s cannot be removed", r.RecordKind())
	}
	return nil
}
