package app

import (
	"context"

	"bollard/model"
)

// AddRelation records a relation between two entities.
func (b *Batch) AddRelation(r *model.Relation) error { return b.add(r) }

// UpdateRelation saves an edited relation; the two entities it ties stay.
func (b *Batch) UpdateRelation(r *model.Relation) error { return b.update(r) }

// entitiesRelated refuses a relation whose ends are not entities of the
// workspace.
func entitiesRelated(b *Batch, r *model.Relation, _ *where) error {
	for _, id := range []string{r.FromID, r.ToID} {
		if _, err := b.tx.EntityByID(id); err != nil {
			return err
		}
	}
	return nil
}

// AddRelation records a relation on its own; see Batch.AddRelation.
func (w *Workspace) AddRelation(ctx context.Context, r model.Relation) (model.Relation, error) {
	return change(ctx, w, r, (*Batch).AddRelation)
}

// UpdateRelation saves an edited relation on its own.
func (w *Workspace) UpdateRelation(ctx context.Context, r model.Relation) (model.Relation, error) {
	return change(ctx, w, r, (*Batch).UpdateRelation)
}
