package app

import (
	"context"

	"bollard/model"
)

// AddTask records a task, or a request for assistance to a partner agency.
// A new task without a status is open.
func (b *Batch) AddTask(t *model.Task) error { return b.add(t) }

// UpdateTask saves an edited task; its case and history are kept.
func (b *Batch) UpdateTask(t *model.Task) error { return b.update(t) }

// fillTask makes a new task a to-do, and open, unless it says otherwise.
func fillTask(_ *Batch, t *model.Task, _ *where) error {
	if t.Kind == "" {
		t.Kind = model.TaskTodo
	}
	if t.Status == "" {
		t.Status = model.TaskOpen
	}
	return nil
}

// AddTask records a task on its own; see Batch.AddTask.
func (w *Workspace) AddTask(ctx context.Context, t model.Task) (model.Task, error) {
	return change(ctx, w, t, (*Batch).AddTask)
}

// UpdateTask saves an edited task on its own; see Batch.UpdateTask.
func (w *Workspace) UpdateTask(ctx context.Context, t model.Task) (model.Task, error) {
	return change(ctx, w, t, (*Batch).UpdateTask)
}
