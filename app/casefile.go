package app

import (
	"context"

	"bollard/model"
	"bollard/storage"
)

// CaseFile is a case with everything recorded in it, read from one snapshot
// of the workspace: what `case show`, the case view and the dossier present.
type CaseFile struct {
	Case      model.Case
	Seizures  []model.Seizure
	Entities  []model.CaseEntity
	Relations []model.Relation
	Timeline  []model.TimelineEvent
	Tasks     []model.Task
	Notes     []model.Note
	Evidence  []Exhibit
}

// Exhibit is an evidence item, with its attached files, and its chain of
// custody, oldest event first.
type Exhibit struct {
	Item       model.EvidenceItem
	SeizureRef string // the ref of the seizure it came from, if any
	Custody    []model.CustodyEvent
	// Reviews are the officers' decisions on what its attached files
	// show, by attachment ID; a file without one was never reviewed.
	Reviews map[string]model.AttachmentReview
}

// CaseFile gathers the case with that ref: what is in it now, without the
// links, relations, tasks and notes removed from it.
func (w *Workspace) CaseFile(ctx context.Context, ref string) (CaseFile, error) {
	return w.caseFile(ctx, ref, storage.Live)
}

// caseFile gathers the case, with its removed records (tombstones) when
// which says so: a package carries them, so that removals travel.
func (w *Workspace) caseFile(ctx context.Context, ref string, which storage.Which) (CaseFile, error) {
	var f CaseFile
	err := w.read(ctx, func(tx *storage.Tx) error {
		var err error
		if f.Case, err = tx.CaseByRef(ref); err != nil {
			return err
		}
		id := f.Case.ID
		if f.Seizures, err = tx.Seizures(id); err != nil {
			return err
		}
		if f.Entities, err = tx.CaseEntities(id, which); err != nil {
			return err
		}
		if f.Relations, err = tx.CaseRelations(id, which); err != nil {
			return err
		}
		if f.Timeline, err = tx.TimelineEvents(id); err != nil {
			return err
		}
		if f.Tasks, err = tx.Tasks(id, which); err != nil {
			return err
		}
		if f.Notes, err = tx.Notes(id, which); err != nil {
			return err
		}
		f.Evidence, err = caseExhibits(tx, id)
		return err
	})
	return f, err
}
