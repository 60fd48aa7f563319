package app

import (
	"context"
	"errors"
	"strings"

	"bollard/app/search"
	"bollard/model"
	"bollard/storage"
)

// AddEvidence records a new exhibit in its case (e.CaseID). It gets the
// case's next <CASE-REF>/EX-NNN unless it has a ref. Files are attached with
// AttachFiles or Workspace.AddEvidence.
func (b *Batch) AddEvidence(e *model.EvidenceItem) error {
	c, err := b.activeCase(e.CaseID)
	if err != nil {
		return err
	}
	if err := b.checkSeizureOf(c, e.SeizureID); err != nil {
		return err
	}
	if e.ExhibitRef != "" {
		// A ref given (an imported exhibit) must be one of this case's
		// numbers, or it would take another case's.
		_, ok := model.ParseExhibitSeq(e.ExhibitRef)
		if !ok || !strings.EqualFold(e.ExhibitRef[:strings.LastIndex(e.ExhibitRef, "/EX-")], c.Ref) {
			return model.Invalid("exhibit ref", e.ExhibitRef, "should be %s/EX-NNN, an exhibit number of this case", c.Ref)
		}
	}
	if err := e.Validate(b.now); err != nil {
		return err
	}
	if err := b.stampNew("exhibit", &e.Record); err != nil {
		return err
	}
	files := e.Attachments
	e.Attachments = nil
	if err := b.tx.InsertEvidence(e); err != nil {
		return err
	}
	e.Attachments = files
	b.contentsChanged(e.CaseID, e.Record)
	b.index(search.EvidenceDoc(*e, c.Ref))
	return nil
}

// UpdateEvidence saves an edited exhibit: its description, kind, seizure,
// storage and acquisition. Its case, ref and files are kept; files are only
// ever added.
func (b *Batch) UpdateEvidence(e *model.EvidenceItem) error {
	old, err := b.tx.EvidenceByID(e.ID)
	if err != nil {
		return err
	}
	c, err := b.activeCase(old.CaseID)
	if err != nil {
		return err
	}
	if err := b.checkSeizureOf(c, e.SeizureID); err != nil {
		return err
	}
	if err := edited(&e.Record, old.Record, "exhibit "+old.ExhibitRef); err != nil {
		return err
	}
	e.CaseID, e.ExhibitRef, e.Attachments = old.CaseID, old.ExhibitRef, old.Attachments
	e.Touch(b.officer.Author(), b.now)
	if err := e.Validate(b.now); err != nil {
		return err
	}
	if err := b.tx.UpdateEvidence(e); err != nil {
		return err
	}
	b.contentsChanged(e.CaseID, e.Record)
	b.index(search.EvidenceDoc(*e, c.Ref))
	return nil
}

// checkSeizureOf refuses a seizure that is not in the exhibit's case.
func (b *Batch) checkSeizureOf(c model.Case, seizureID string) error {
	if seizureID == "" {
		return nil
	}
	s, err := b.tx.SeizureByID(seizureID)
	if errors.Is(err, model.ErrNotFound) || (err == nil && s.CaseID != c.ID) {
		return model.Invalid("seizure", seizureID, "should be a seizure of case %s", c.Ref)
	}
	return err
}

// AddEvidence records a new exhibit with the files at paths attached. The
// files are copied into the workspace first; if the exhibit cannot be
// saved, the copies are removed again and nothing is left behind.
func (w *Workspace) AddEvidence(ctx context.Context, e model.EvidenceItem, paths ...string) (model.EvidenceItem, error) {
	files, err := w.storeFiles(paths)
	if err != nil {
		return e, err
	}
	err = w.Change(ctx, func(b *Batch) error {
		if err := b.AddEvidence(&e); err != nil {
			return err
		}
		return b.attachAndIndex(&e, files)
	})
	if err != nil {
		w.dropAfterFailedSave(ctx, files, err)
	}
	return e, err
}

// AttachFiles adds the files at paths to the exhibit with that ID; see
// AddEvidence.
func (w *Workspace) AttachFiles(ctx context.Context, itemID string, paths ...string) (model.EvidenceItem, error) {
	var e model.EvidenceItem
	files, err := w.storeFiles(paths)
	if err != nil {
		return e, err
	}
	err = w.Change(ctx, func(b *Batch) error {
		if e, err = b.tx.EvidenceByID(itemID); err != nil {
			return err
		}
		if _, err := b.activeCase(e.CaseID); err != nil {
			return err
		}
		return b.attachAndIndex(&e, files)
	})
	if err != nil {
		w.dropAfterFailedSave(ctx, files, err)
	}
	return e, err
}

// attachAndIndex attaches stored files to an exhibit and indexes it again
// with their names.
func (b *Batch) attachAndIndex(e *model.EvidenceItem, files []storedFile) error {
	if len(files) == 0 {
		return nil
	}
	if err := b.attach(e, files); err != nil {
		return err
	}
	c, err := b.tx.CaseByID(e.CaseID)
	if err != nil {
		return err
	}
	last := e.Attachments[len(e.Attachments)-1]
	b.contentsChanged(e.CaseID, model.Record{UpdatedAt: last.AddedAt, UpdatedBy: last.AddedBy})
	b.index(search.EvidenceDoc(*e, c.Ref))
	return nil
}

// UpdateEvidence saves an edited exhibit on its own; see Batch.UpdateEvidence.
func (w *Workspace) UpdateEvidence(ctx context.Context, e model.EvidenceItem) (model.EvidenceItem, error) {
	return change(ctx, w, e, (*Batch).UpdateEvidence)
}

// Exhibit returns the exhibit with that ref (CASE-REF/EX-NNN, any letter
// case), its files and its chain of custody.
func (w *Workspace) Exhibit(ctx context.Context, ref string) (Exhibit, error) {
	var x Exhibit
	err := w.read(ctx, func(tx *storage.Tx) (err error) {
		if x.Item, err = tx.EvidenceByRef(ref); err != nil {
			return err
		}
		if x.Item.SeizureID != "" {
			s, err := tx.SeizureByID(x.Item.SeizureID)
			if err != nil {
				return err
			}
			x.SeizureRef = s.Ref
		}
		x.Custody, err = tx.CustodyEvents(x.Item.ID)
		return err
	})
	return x, err
}

// caseExhibits reads a case's exhibits with their custody.
func caseExhibits(tx *storage.Tx, caseID string) ([]Exhibit, error) {
	items, err := tx.EvidenceItems(caseID)
	if err != nil {
		return nil, err
	}
	events, err := tx.CaseCustodyEvents(caseID)
	if err != nil {
		return nil, err
	}
	seizures, err := tx.Seizures(caseID)
	if err != nil {
		return nil, err
	}
	refs := map[string]string{}
	for _, s := range seizures {
		refs[s.ID] = s.Ref
	}
	byItem := map[string][]model.CustodyEvent{}
	for _, ev := range events {
		byItem[ev.ItemID] = append(byItem[ev.ItemID], ev)
	}
	out := make([]Exhibit, len(items))
	for i, it := range items {
		out[i] = Exhibit{Item: it, SeizureRef: refs[it.SeizureID], Custody: byItem[it.ID]}
	}
	return out, nil
}

// standing are the exhibit's custody events that stand: all but those a
// later event corrects.
func (x Exhibit) standing() []model.CustodyEvent {
	corrected := map[string]bool{}
	for _, ev := range x.Custody {
		if ev.Corrects != "" {
			corrected[ev.Corrects] = true
		}
	}
	var out []model.CustodyEvent
	for _, ev := range x.Custody {
		if !corrected[ev.ID] {
			out = append(out, ev)
		}
	}
	return out
}

// Holder is who holds the exhibit after its custody events so far: nobody
// (the zero Author) when it was destroyed or nobody is recorded as holding it.
func (x Exhibit) Holder() model.Author {
	if end, ok := x.Closed(); ok && end.Action == model.CustodyDestroyed {
		return model.Author{}
	}
	events := x.standing()
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].To.Name != "" {
			return events[i].To
		}
	}
	return model.Author{}
}

// Closed returns the event that ended the exhibit's custody (returned or
// destroyed), if one stands.
func (x Exhibit) Closed() (model.CustodyEvent, bool) {
	for _, ev := range x.standing() {
		if ev.Action.Final() {
			return ev, true
		}
	}
	return model.CustodyEvent{}, false
}

// SealBroken reports whether a standing custody event found the seal broken.
func (x Exhibit) SealBroken() bool {
	for _, ev := range x.standing() {
		if ev.SealIntact != nil && !*ev.SealIntact {
			return true
		}
	}
	return false
}

// last returns the latest standing event, if any.
func (x Exhibit) last() (model.CustodyEvent, bool) {
	events := x.standing()
	if len(events) == 0 {
		return model.CustodyEvent{}, false
	}
	latest := events[0]
	for _, ev := range events[1:] {
		if !ev.At.Before(latest.At) {
			latest = ev
		}
	}
	return latest, true
}
