package app

import (
	"context"

	"bollard/model"
)

// AddRelation records a relation between two entities.
func (b *Batch) AddRelation(r *model.Relation) error {
	if err := r.Validate(b.now); err != nil {
		return err
	}
	for _, id := range []string{r.FromID, r.ToID} {
		if _, err := b.tx.EntityByID(id); err != nil {
			return err
		}
	}
	if err := b.stampNew("relation", &r.Record); err != nil {
		return err
	}
	return b.tx.InsertRelation(r)
}

// UpdateRelation saves an edited relation; the two entities it ties stay.
func (b *Batch) UpdateRelation(r *model.Relation) error {
	old, err := b.tx.RelationByID(r.ID)
	if err != nil {
		return err
	}
	if err := edited(&r.Record, old.Record, "relation"); err != nil {
		return err
	}
	r.FromID, r.ToID = old.FromID, old.ToID
	r.Touch(b.officer.Author(), b.now)
	if err := r.Validate(b.now); err != nil {
		return err
	}
	return b.tx.UpdateRelation(r)
}

// AddRelation records a relation on its own; see Batch.AddRelation.
func (w *Workspace) AddRelation(ctx context.Context, r model.Relation) (model.Relation, error) {
	return change(ctx, w, r, (*Batch).AddRelation)
}

// UpdateRelation saves an edited relation on its own.
func (w *Workspace) UpdateRelation(ctx context.Context, r model.Relation) (model.Relation, error) {
	return change(ctx, w, r, (*Batch).UpdateRelation)
}
