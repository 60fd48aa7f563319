package app

import (
	"context"
	"fmt"
	"strings"

	"bollard/app/search"
	"bollard/model"
	"bollard/storage"
)

// CreateCase opens a new case. What the officer left empty is filled from
// the profile: status open, priority normal, the default handling marking,
// the officer as lead officer and their agency as lead agency, opened today.
// The case gets the next ref of the officer's prefix unless it has one.
func (b *Batch) CreateCase(c *model.Case) error { return b.add(c) }

// UpdateCase saves an edited case. Its identity, ref and history are kept
// from the stored case whatever c carries. Archiving and restoring have
// their own use cases, which remember the status the case had.
func (b *Batch) UpdateCase(c *model.Case) error { return b.update(c) }

// fillCase fills what the officer left empty in a new case from the profile.
func fillCase(b *Batch, c *model.Case, _ *where) error {
	if c.Status == "" {
		c.Status = model.StatusOpen
	}
	if c.Priority == "" {
		c.Priority = model.PriorityNormal
	}
	if strings.TrimSpace(c.HandlingMarking) == "" {
		c.HandlingMarking = b.officer.DefaultMarking
	}
	if c.LeadAgency == "" {
		c.LeadAgency = b.officer.Agency
	}
	if c.LeadOfficer == "" {
		c.LeadOfficer = b.officer.Name
	}
	if c.OpenedOn.IsZero() {
		c.OpenedOn = model.DateOf(b.now)
	}
	return nil
}

// insertCase stores a new case, numbered with the officer's prefix unless
// it has a ref. An imported case that arrives archived still receives its
// contents in this batch.
func (b *Batch) insertCase(c *model.Case) error {
	if err := b.tx.InsertCase(c, b.officer.RefPrefix); err != nil {
		return err
	}
	b.createdHere[c.ID] = true
	return nil
}

// editCase keeps a case's archiving its workspace's own business: an
// officer archives through ArchiveCase, which remembers the status for a
// restore, and a merged version leaves this workspace's status as it is.
func editCase(_ *Batch, r, stored model.Recorded, _ where, merged bool) error {
	c := r.(*model.Case)
	if c.Status != model.StatusArchived {
		return nil
	}
	if !merged {
		return model.Invalid("status", string(c.Status), "archive the case instead (it keeps its status for a restore)")
	}
	c.Status = stored.(*model.Case).Status
	return nil
}

// ArchiveCase is what deleting a case does: the case leaves the working
// lists, keeps everything in it, and can be restored.
func (b *Batch) ArchiveCase(c *model.Case) error {
	old, err := b.tx.CaseByRef(c.Ref)
	if err != nil {
		return err
	}
	if old.Status == model.StatusArchived {
		return fmt.Errorf("case %s is already archived", old.Ref)
	}
	*c = old
	c.Touch(b.officer.Author(), b.now)
	if err := b.tx.ArchiveCase(c); err != nil {
		return err
	}
	*c, err = b.tx.CaseByID(c.ID)
	if err != nil {
		return err
	}
	// An archived case, and what is in it, leaves the search as it leaves the lists.
	docs, err := b.caseDocs(*c)
	for _, d := range docs {
		b.unindex(d.ID)
	}
	return err
}

// RestoreCase brings an archived case back with the status it had.
func (b *Batch) RestoreCase(c *model.Case) error {
	old, err := b.tx.CaseByRef(c.Ref)
	if err != nil {
		return err
	}
	if old.Status != model.StatusArchived {
		return fmt.Errorf("case %s is not archived", old.Ref)
	}
	*c = old
	c.Touch(b.officer.Author(), b.now)
	if err := b.tx.RestoreCase(c); err != nil {
		return err
	}
	if *c, err = b.tx.CaseByID(c.ID); err != nil {
		return err
	}
	docs, err := b.caseDocs(*c)
	for _, d := range docs {
		b.index(d)
	}
	return err
}

// caseDocs are the search documents of a case and of what is in it.
func (b *Batch) caseDocs(c model.Case) ([]search.Doc, error) {
	docs := []search.Doc{search.CaseDoc(c)}
	seizures, err := b.tx.Seizures(c.ID)
	if err != nil {
		return nil, err
	}
	for _, s := range seizures {
		docs = append(docs, search.SeizureDoc(s, c.Ref))
	}
	tasks, err := b.tx.Tasks(c.ID, storage.Live)
	if err != nil {
		return nil, err
	}
	for _, t := range tasks {
		docs = append(docs, search.TaskDoc(t, c.Ref))
	}
	notes, err := b.tx.Notes(c.ID, storage.Live)
	if err != nil {
		return nil, err
	}
	for _, n := range notes {
		docs = append(docs, search.NoteDoc(n, c.Ref))
	}
	exhibits, err := b.tx.EvidenceItems(c.ID)
	if err != nil {
		return nil, err
	}
	for _, e := range exhibits {
		docs = append(docs, search.EvidenceDoc(e, c.Ref))
	}
	return docs, nil
}

// CreateCase opens a new case on its own; see Batch.CreateCase.
func (w *Workspace) CreateCase(ctx context.Context, c model.Case) (model.Case, error) {
	return change(ctx, w, c, (*Batch).CreateCase)
}

// UpdateCase saves an edited case on its own; see Batch.UpdateCase.
func (w *Workspace) UpdateCase(ctx context.Context, c model.Case) (model.Case, error) {
	return change(ctx, w, c, (*Batch).UpdateCase)
}

// ArchiveCase archives the case with that ref.
func (w *Workspace) ArchiveCase(ctx context.Context, ref string) (model.Case, error) {
	return change(ctx, w, model.Case{Ref: ref}, (*Batch).ArchiveCase)
}

// RestoreCase restores the archived case with that ref.
func (w *Workspace) RestoreCase(ctx context.Context, ref string) (model.Case, error) {
	return change(ctx, w, model.Case{Ref: ref}, (*Batch).RestoreCase)
}

// Cases lists the cases that pass the filter, most recently changed first.
func (w *Workspace) Cases(ctx context.Context, f model.CaseFilter) ([]model.Case, error) {
	var cases []model.Case
	err := w.read(ctx, func(tx *storage.Tx) (err error) {
		cases, err = tx.Cases(f)
		return err
	})
	return cases, err
}

// CountCases returns how many cases the workspace holds, archived ones included.
func (w *Workspace) CountCases(ctx context.Context) (int, error) {
	var n int
	err := w.read(ctx, func(tx *storage.Tx) (err error) {
		n, err = tx.CountCases()
		return err
	})
	return n, err
}

// Case returns the case with that ref.
func (w *Workspace) Case(ctx context.Context, ref string) (model.Case, error) {
	var c model.Case
	err := w.read(ctx, func(tx *storage.Tx) (err error) {
		c, err = tx.CaseByRef(ref)
		return err
	})
	return c, err
}
