package app

import (
	"context"

	"bollard/app/search"
	"bollard/model"
	"bollard/storage"
)

// AddSeizure records a seizure in its case (s.CaseID). It gets the case's
// next SZ-NNNN ref unless it has one.
func (b *Batch) AddSeizure(s *model.Seizure) error {
	c, err := b.activeCase(s.CaseID)
	if err != nil {
		return err
	}
	if err := s.Validate(b.now); err != nil {
		return err
	}
	if err := b.stampNew("seizure", &s.Record); err != nil {
		return err
	}
	if s.Ref == "" {
		n, err := b.lastSeizureNumber(s.CaseID)
		if err != nil {
			return err
		}
		s.Ref = model.FormatSeizureRef(n + 1)
	}
	if err := b.tx.InsertSeizure(s); err != nil {
		return err
	}
	if n, ok := model.ParseSeizureRef(s.Ref); ok && n > b.seizureNumbers[s.CaseID] {
		b.seizureNumbers[s.CaseID] = n
	}
	b.contentsChanged(s.CaseID, s.Record)
	b.index(search.SeizureDoc(*s, c.Ref))
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

// UpdateSeizure saves an edited seizure; its case, ref and history are kept.
func (b *Batch) UpdateSeizure(s *model.Seizure) error {
	old, err := b.tx.SeizureByID(s.ID)
	if err != nil {
		return err
	}
	c, err := b.activeCase(old.CaseID)
	if err != nil {
		return err
	}
	if err := edited(&s.Record, old.Record, "seizure "+c.Ref+"/"+old.Ref); err != nil {
		return err
	}
	s.CaseID, s.Ref = old.CaseID, old.Ref
	s.Touch(b.officer.Author(), b.now)
	if err := s.Validate(b.now); err != nil {
		return err
	}
	if err := b.tx.UpdateSeizure(s); err != nil {
		return err
	}
	b.contentsChanged(s.CaseID, s.Record)
	b.index(search.SeizureDoc(*s, c.Ref))
	return nil
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
