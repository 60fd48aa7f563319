package app

import (
	"context"
	"errors"
	"fmt"

	"bollard/model"
	"bollard/storage"
)

// CreateEntity records a new person, company, vessel, container...
func (b *Batch) CreateEntity(e *model.Entity) error { return b.add(e) }

// UpdateEntity saves an edited entity; its identity and history are kept.
func (b *Batch) UpdateEntity(e *model.Entity) error { return b.update(e) }

// LinkEntity records that an entity plays a role in a case. An entity has
// one link to a case: linking it again changes the role of that link (and
// puts it back if it was removed), an edit that travels as one, never a
// second link beside the first.
func (b *Batch) LinkEntity(l *model.CaseLink) error {
	if l.ID == "" && l.CaseID != "" && l.EntityID != "" {
		old, err := b.tx.CaseLinkOf(l.CaseID, l.EntityID)
		switch {
		case err == nil && !old.Removed && old.Role == l.Role:
			return fmt.Errorf("%w: the entity is already linked to the case as %s", model.ErrConflict, old.Role)
		case err == nil:
			old.Role, old.Removed = l.Role, false
			if l.Note != "" {
				old.Note = l.Note
			}
			if err := b.update(&old); err != nil {
				return err
			}
			*l = old
			return nil
		case !errors.Is(err, model.ErrNotFound):
			return err
		}
		l.ID = model.LinkID(l.CaseID, l.EntityID)
	}
	return b.add(l)
}

// UpdateLink saves a link's new role or note: the way a role changes.
func (b *Batch) UpdateLink(l *model.CaseLink) error { return b.update(l) }

// locateLink finds the case a link is made in. The link is checked first,
// so that one that names no case says so in the link's own words.
func locateLink(b *Batch, r model.Recorded) (where, error) {
	l := r.(*model.CaseLink)
	if err := l.Validate(); err != nil {
		return where{}, err
	}
	c, err := b.activeCase(l.CaseID)
	return where{c: c}, err
}

// entityLinked refuses a link to an entity the workspace does not hold,
// and a second live link of the entity to the case.
func entityLinked(b *Batch, l *model.CaseLink, _ *where) error {
	if _, err := b.tx.EntityByID(l.EntityID); err != nil {
		return err
	}
	return oneLinkPerCase(b, l)
}

// oneLinkPerCase refuses a link that would stand beside another live link
// of the same entity to the same case: the role of that one is changed
// instead.
func oneLinkPerCase(b *Batch, l *model.CaseLink) error {
	if l.Removed {
		return nil
	}
	other, err := b.tx.CaseLinkOf(l.CaseID, l.EntityID)
	switch {
	case errors.Is(err, model.ErrNotFound):
		return nil
	case err != nil:
		return err
	case other.ID != l.ID && !other.Removed:
		return fmt.Errorf("%w: the entity is already linked to the case as %s; change that link's role instead",
			model.ErrConflict, other.Role)
	}
	return nil
}

// editLink keeps an edited link the only live link of its entity to its
// case.
func editLink(b *Batch, r, _ model.Recorded, _ where, _ bool) error {
	return oneLinkPerCase(b, r.(*model.CaseLink))
}

// UnlinkEntity takes an entity's role out of a case: a tombstone on its
// link, which travels to the partners. The entity stays, with its part in
// every other case.
func (b *Batch) UnlinkEntity(l *model.CaseLink) error {
	r, err := b.Remove(model.RecordCaseLink, l.ID)
	if err != nil {
		return err
	}
	*l = *r.(*model.CaseLink)
	return nil
}

// CreateEntity records a new entity on its own; see Batch.CreateEntity.
func (w *Workspace) CreateEntity(ctx context.Context, e model.Entity) (model.Entity, error) {
	return change(ctx, w, e, (*Batch).CreateEntity)
}

// UpdateEntity saves an edited entity on its own; see Batch.UpdateEntity.
func (w *Workspace) UpdateEntity(ctx context.Context, e model.Entity) (model.Entity, error) {
	return change(ctx, w, e, (*Batch).UpdateEntity)
}

// LinkEntity links an entity to a case on its own; see Batch.LinkEntity.
func (w *Workspace) LinkEntity(ctx context.Context, l model.CaseLink) (model.CaseLink, error) {
	return change(ctx, w, l, (*Batch).LinkEntity)
}

// UpdateLink saves a link's new role or note on its own; see Batch.UpdateLink.
func (w *Workspace) UpdateLink(ctx context.Context, l model.CaseLink) (model.CaseLink, error) {
	return change(ctx, w, l, (*Batch).UpdateLink)
}

// UnlinkEntity removes the case link with that ID.
func (w *Workspace) UnlinkEntity(ctx context.Context, linkID string) error {
	_, err := change(ctx, w, model.CaseLink{Record: model.Record{ID: linkID}}, (*Batch).UnlinkEntity)
	return err
}

// Entity returns the entity with that ID.
func (w *Workspace) Entity(ctx context.Context, id string) (model.Entity, error) {
	var e model.Entity
	err := w.read(ctx, func(tx *storage.Tx) (err error) {
		e, err = tx.EntityByID(id)
		return err
	})
	return e, err
}

// Entities lists the entities of a kind ("" for every kind), by name.
func (w *Workspace) Entities(ctx context.Context, kind model.EntityKind) ([]model.Entity, error) {
	var es []model.Entity
	err := w.read(ctx, func(tx *storage.Tx) (err error) {
		es, err = tx.Entities(kind)
		return err
	})
	return es, err
}

// Appearance is one case an entity appears in, and its role there.
type Appearance struct {
	Case model.Case
	Link model.CaseLink
}

// RelatedEntity is one relation of an entity, with the entity at its other end.
type RelatedEntity struct {
	Relation model.Relation
	Other    model.Entity
}

// EntityFile is everything known about an entity: every case it appears in
// with its role, and every relation it takes part in. It is how an
// investigator follows a shell company from one case to the next.
type EntityFile struct {
	Entity      model.Entity
	Appearances []Appearance
	Relations   []RelatedEntity
}

// EntityFile gathers the entity's file from one snapshot of the workspace.
func (w *Workspace) EntityFile(ctx context.Context, id string) (EntityFile, error) {
	var f EntityFile
	err := w.read(ctx, func(tx *storage.Tx) error {
		var err error
		if f.Entity, err = tx.EntityByID(id); err != nil {
			return err
		}
		links, err := tx.EntityCases(id)
		if err != nil {
			return err
		}
		for _, l := range links {
			c, err := tx.CaseByID(l.CaseID)
			if err != nil {
				return err
			}
			f.Appearances = append(f.Appearances, Appearance{Case: c, Link: l})
		}
		rels, err := tx.EntityRelations(id)
		if err != nil {
			return err
		}
		for _, r := range rels {
			otherID := r.ToID
			if otherID == id {
				otherID = r.FromID
			}
			other, err := tx.EntityByID(otherID)
			if err != nil {
				return err
			}
			f.Relations = append(f.Relations, RelatedEntity{Relation: r, Other: other})
		}
		return nil
	})
	return f, err
}
