package app

import (
	"context"

	"bollard/app/search"
	"bollard/model"
)

// AddTask records a task, or a request for assistance to a partner agency.
// A new task without a status is open.
func (b *Batch) AddTask(t *model.Task) error {
	c, err := b.activeCase(t.CaseID)
	if err != nil {
		return err
	}
	if t.Kind == "" {
		t.Kind = model.TaskTodo
	}
	if t.Status == "" {
		t.Status = model.TaskOpen
	}
	if err := t.Validate(b.now); err != nil {
		return err
	}
	if err := b.stampNew("task", &t.Record); err != nil {
		return err
	}
	if err := b.tx.InsertTask(t); err != nil {
		return err
	}
	b.contentsChanged(t.CaseID, t.Record)
	b.index(search.TaskDoc(*t, c.Ref))
	return nil
}

// UpdateTask saves an edited task; its case and history are kept.
func (b *Batch) UpdateTask(t *model.Task) error {
	old, err := b.tx.TaskByID(t.ID)
	if err != nil {
		return err
	}
	c, err := b.activeCase(old.CaseID)
	if err != nil {
		return err
	}
	if err := edited(&t.Record, old.Record, "task "+old.Title); err != nil {
		return err
	}
	t.CaseID = old.CaseID
	t.Touch(b.officer.Author(), b.now)
	if err := t.Validate(b.now); err != nil {
		return err
	}
	if err := b.tx.UpdateTask(t); err != nil {
		return err
	}
	b.contentsChanged(t.CaseID, t.Record)
	b.index(search.TaskDoc(*t, c.Ref))
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
