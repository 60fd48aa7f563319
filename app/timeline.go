package app

import (
	"context"

	"bollard/model"
)

// AddTimelineEvent records an event in a case's timeline.
func (b *Batch) AddTimelineEvent(e *model.TimelineEvent) error {
	if err := checkNewID("timeline event", &e.Record); err != nil {
		return err
	}
	if _, err := b.activeCase(e.CaseID); err != nil {
		return err
	}
	if err := e.Validate(b.now); err != nil {
		return err
	}
	b.stampNew(&e.Record)
	return b.tx.InsertTimelineEvent(e)
}

// AddNote adds a note to a case. Notes are never edited afterwards.
func (b *Batch) AddNote(n *model.Note) error {
	if err := checkNewID("note", &n.Record); err != nil {
		return err
	}
	if _, err := b.activeCase(n.CaseID); err != nil {
		return err
	}
	if err := n.Validate(); err != nil {
		return err
	}
	b.stampNew(&n.Record)
	return b.tx.InsertNote(n)
}

// AddTimelineEvent records an event on its own; see Batch.AddTimelineEvent.
func (w *Workspace) AddTimelineEvent(ctx context.Context, e model.TimelineEvent) (model.TimelineEvent, error) {
	return change(ctx, w, e, (*Batch).AddTimelineEvent)
}

// AddNote adds a note on its own; see Batch.AddNote.
func (w *Workspace) AddNote(ctx context.Context, n model.Note) (model.Note, error) {
	return change(ctx, w, n, (*Batch).AddNote)
}
