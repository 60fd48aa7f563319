package app

import (
	"context"

	"bollard/app/search"
	"bollard/model"
)

// AddTimelineEvent records an event in a case's timeline.
func (b *Batch) AddTimelineEvent(e *model.TimelineEvent) error {
	if _, err := b.activeCase(e.CaseID); err != nil {
		return err
	}
	if err := e.Validate(b.now); err != nil {
		return err
	}
	if err := b.stampNew("timeline event", &e.Record); err != nil {
		return err
	}
	if err := b.tx.InsertTimelineEvent(e); err != nil {
		return err
	}
	b.contentsChanged(e.CaseID, e.Record)
	return nil
}

// AddNote adds a note to a case. Notes are never edited afterwards.
func (b *Batch) AddNote(n *model.Note) error {
	c, err := b.activeCase(n.CaseID)
	if err != nil {
		return err
	}
	if err := n.Validate(); err != nil {
		return err
	}
	if err := b.stampNew("note", &n.Record); err != nil {
		return err
	}
	if err := b.tx.InsertNote(n); err != nil {
		return err
	}
	b.contentsChanged(n.CaseID, n.Record)
	b.index(search.NoteDoc(*n, c.Ref))
	return nil
}

// AddTimelineEvent records an event on its own; see Batch.AddTimelineEvent.
func (w *Workspace) AddTimelineEvent(ctx context.Context, e model.TimelineEvent) (model.TimelineEvent, error) {
	return change(ctx, w, e, (*Batch).AddTimelineEvent)
}

// AddNote adds a note on its own; see Batch.AddNote.
func (w *Workspace) AddNote(ctx context.Context, n model.Note) (model.Note, error) {
	return change(ctx, w, n, (*Batch).AddNote)
}
