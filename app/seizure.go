package app

import (
	"context"

	"bollard/model"
	"bollard/storage"
)

// AddSeizure records a seizure in its case (s.CaseID). It gets the case's
// next SZ-NNNN ref unless it has one.
func (b *Batch) AddSeizure(s *model.Seizure) error { return b.add(s) }

// UpdateSeizure saves an edited seizure; its case, ref and history are kept.
func (b *Batch) UpdateSeizure(s *model.Seizure) error { return b.update(s) }

// numberSeizure gives a validated new seizure without a ref its case's
// next SZ-NNNN.
func numberSeizure(b *Batch, s *model.Seizure, _ *where) error {
	if s.Ref != "" {
		return nil
	}
	n, err := b.lastSeizureNumber(s.CaseID)
	if err != nil {
		return err
	}
	s.Ref = model.FormatSeizureRef(n + 1)
	return nil
}

// insertSeizure stores a new seizure and counts its number as taken.
func (b *Batch) insertSeizure(s *model.Seizure) error {
	if err := b.tx.InsertSeizure(s); err != nil {
		return err
	}
	if n, ok := model.ParseSeizureRef(s.Ref); ok && n > b.seizureNumbers[s.CaseID] {
		b.seizureNumbers[s.CaseID] = n
	}
	return nil
}

// lastSeizureNumber is the highest SZ-NNNN number of the case, read once
// per batch and then counted up as the batch adds seizures: a spreadsheet
// of 100,000 rows asks the file once, not 100,000 times.
func (b *Batch) lastSeizureNumber(caseID string) (int, error) {
	if n, ok := b.seizureNumbers[caseID]; ok {
		return n, nil
	}
	n, err := b.tx.LastSeizureNumber(caseID)
	if err == nil {
		b.seizureNumbers[caseID] = n
	}
	return n, err
}

// AddSeizure records a seizure on its own; see Batch.AddSeizure.
func (w *Workspace) AddSeizure(ctx context.Context, s model.Seizure) (model.Seizure, error) {
	return change(ctx, w, s, (*Batch).AddSeizure)
}

// UpdateSeizure saves an edited seizure on its own; see Batch.UpdateSeizure.
func (w *Workspace) UpdateSeizure(ctx context.Context, s model.Seizure) (model.Seizure, error) {
	return change(ctx, w, s, (*Batch).UpdateSeizure)
}

// Seizure returns the seizure with that ID.
func (w *Workspace) Seizure(ctx context.Context, id string) (model.Seizure, error) {
	var s model.Seizure
	err := w.read(ctx, func(tx *storage.Tx) (err error) {
		s, err = tx.SeizureByID(id)
		return err
	})
	return s, err
}

// SeizureByRef returns the seizure with that ref (SZ-NNNN) in a case.
func (w *Workspace) SeizureByRef(ctx context.Context, caseID, ref string) (model.Seizure, error) {
	var s model.Seizure
	err := w.read(ctx, func(tx *storage.Tx) (err error) {
		s, err = tx.SeizureByRef(caseID, ref)
		return err
	})
	return s, err
}
