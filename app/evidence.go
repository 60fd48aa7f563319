package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"bollard/model"
	"bollard/storage"
)

// AddEvidence records a new exhibit in its case (e.CaseID). It gets the
// case's next <CASE-REF>/EX-NNN unless it has a ref. Files are attached with
// AttachFiles or Workspace.AddEvidence.
func (b *Batch) AddEvidence(e *model.EvidenceItem) error { return b.add(e) }

// UpdateEvidence saves an edited exhibit: its description, kind, seizure,
// storage and acquisition. Its case, ref and files are kept; files are only
// ever added.
func (b *Batch) UpdateEvidence(e *model.EvidenceItem) error { return b.update(e) }

// prepareExhibit checks what a new exhibit points at: its seizure, and a
// ref it arrives with (an imported exhibit), which must be one of this
// case's numbers or it would take another case's.
func prepareExhibit(b *Batch, e *model.EvidenceItem, at *where) error {
	if err := b.checkSeizureOf(at.c, e.SeizureID); err != nil {
		return err
	}
	if e.ExhibitRef != "" {
		_, ok := model.ParseExhibitSeq(e.ExhibitRef)
		if !ok || !strings.EqualFold(e.ExhibitRef[:strings.LastIndex(e.ExhibitRef, "/EX-")], at.c.Ref) {
			return model.Invalid("exhibit ref", e.ExhibitRef, "should be %s/EX-NNN, an exhibit number of this case", at.c.Ref)
		}
	}
	return nil
}

// editExhibit checks the seizure an edited or merged exhibit names.
func editExhibit(b *Batch, r, _ model.Recorded, at where, _ bool) error {
	return b.checkSeizureOf(at.c, r.(*model.EvidenceItem).SeizureID)
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
		return b.attach(&e, files)
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
		return b.attach(&e, files)
	})
	if err != nil {
		w.dropAfterFailedSave(ctx, files, err)
	}
	return e, err
}

// copyKept checks, under the write lock, that the copy of an officer's
// file is still in the workspace (another program's failed attach or a
// prune, which hold the same lock, may have removed it since it was made)
// and that the exhibit does not have it already.
func copyKept(b *Batch, a *model.Attachment, at *where) error {
	if has, err := b.blobs.Has(a.SHA256); err != nil || !has {
		return errors.Join(fmt.Errorf("the copy of %s was removed from the workspace's files before it could be attached: attach it again", a.Name), err)
	}
	return notAttached(at.exhibit.Item, a)
}

// notAttached refuses a file an exhibit already has: a file is attached
// once, whatever name it comes under.
func notAttached(item model.EvidenceItem, a *model.Attachment) error {
	for _, had := range item.Attachments {
		if had.SHA256 == a.SHA256 {
			return fmt.Errorf("exhibit %s already has this file, as %s (SHA-256 %s)", item.ExhibitRef, had.Name, had.SHA256)
		}
	}
	return nil
}

// UpdateEvidence saves an edited exhibit on its own; see Batch.UpdateEvidence.
func (w *Workspace) UpdateEvidence(ctx context.Context, e model.EvidenceItem) (model.EvidenceItem, error) {
	return change(ctx, w, e, (*Batch).UpdateEvidence)
}

// Exhibit returns the exhibit with that ref (CASE-REF/EX-NNN, any letter
// case), its files with their reviews, and its chain of custody.
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
		if x.Custody, err = tx.CustodyEvents(x.Item.ID); err != nil {
			return err
		}
		x.Reviews, err = exhibitReviews(tx, x.Item.ID)
		return err
	})
	return x, err
}

// caseExhibits reads a case's exhibits with their custody and the reviews
// of their files.
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
	reviews, err := tx.AttachmentReviews(caseID)
	if err != nil {
		return nil, err
	}
	reviewsOf := map[string][]model.AttachmentReview{}
	for _, r := range reviews {
		reviewsOf[r.ItemID] = append(reviewsOf[r.ItemID], r)
	}
	out := make([]Exhibit, len(items))
	for i, it := range items {
		out[i] = Exhibit{Item: it, SeizureRef: refs[it.SeizureID], Custody: byItem[it.ID],
			Reviews: reviewsByAttachment(reviewsOf[it.ID])}
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
