package app

import (
	"context"

	"bollard/model"
)

// AddTimelineEvent records an event in a case's timeline.
func (b *Batch) AddTimelineEvent(e *model.TimelineEvent) error { return b.add(e) }

// AddNote adds a note to a case. Notes are never edited afterwards.
func (b *Batch) AddNote(n *model.Note) error { return b.add(n) }

// AddTimelineEvent records an event on its own; see Batch.AddTimelineEvent.
func (w *Workspace) AddTimelineEvent(ctx context.Context, e model.TimelineEvent) (model.TimelineEvent, error) {
	return change(ctx, w, e, (*Batch).AddTimelineEvent)
}

// AddNote adds a note on its own; see Batch.AddNote.
func (w *Workspace) AddNote(ctx context.Context, n model.Note) (model.Note, error) {
	return change(ctx, w, n, (*Batch).AddNote)
}
