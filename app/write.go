package app

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"time"

	"bollard/model"
)

// This file is the one way a record of any kind is written: the forms, the
// command line, imports and merges all come through it. A new record is
// located in its case (an archived case is refused), readied by its kind,
// validated, checked against the workspace, stamped and inserted; an edit
// is checked against the stored record, keeps what never changes, and is
// validated and saved. Either way the case's last change follows, and the
// search index is told. What differs by kind is in the table of kinds.go.

// add writes a new record of any kind as officers, imports and merges make
// it.
func (b *Batch) add(r model.Recorded) error {
	k := rulesFor(r)
	return b.insert(r, k, k.added)
}

// addAsRecorded writes an append-only record (a custody event, an
// attachment) as another workspace recorded it: merges union such records,
// so the checks that compare an officer's new one with this workspace's
// chain give way to those of the kind's recorded rules.
func (b *Batch) addAsRecorded(r model.Recorded) error {
	k := rulesFor(r)
	if k.recorded == nil {
		return b.insert(r, k, k.added)
	}
	return b.insert(r, k, *k.recorded)
}

// insert is add with the rules for how the record came.
func (b *Batch) insert(r model.Recorded, k kindRules, rules newRules) error {
	var at where
	if k.locate != nil {
		var err error
		if at, err = k.locate(b, r); err != nil {
			return err
		}
	}
	if rules.prepare != nil {
		if err := rules.prepare(b, r, &at); err != nil {
			return err
		}
	}
	if err := r.ValidateAt(b.now); err != nil {
		return err
	}
	if err := removable(r); err != nil {
		return err
	}
	if rules.check != nil {
		if err := rules.check(b, r, &at); err != nil {
			return err
		}
	}
	if err := b.idFree(r); err != nil {
		return err
	}
	if rec := recordOf(r); rec != nil {
		if err := b.stampNew(k.labelOf(r), rec); err != nil {
			return err
		}
	}
	insert := k.insert
	if insert == nil {
		insert = func(b *Batch, r model.Recorded) error { return b.tx.InsertRecord(r) }
	}
	if err := insert(b, r); err != nil {
		return err
	}
	b.written(r, k, at)
	return nil
}

// update saves an officer's edit of a stored record: refused when somebody
// saved the record since the officer read it, stamped as the officer's
// change now.
func (b *Batch) update(r model.Recorded) error { return b.save(r, false) }

// updateMerged saves a version of a stored record that a merge settled on.
// It keeps the version's own last change (who and when), so that both
// workspaces hold the same record, unless the version has none (an
// officer's choice on a conflict), which makes it the officer's change now.
func (b *Batch) updateMerged(r model.Recorded) error { return b.save(r, true) }

// save is update or updateMerged. What never changes (the record's identity,
// creation, and its kind's fixed fields) is kept from the stored record
// whatever r carries.
func (b *Batch) save(r model.Recorded, merged bool) error {
	kind, k := model.KindOf(r), rulesFor(r)
	stored, at, err := b.stored(kind, k, r)
	if err != nil {
		return err
	}
	if k.edit != nil {
		if err := k.edit(b, r, stored, at, merged); err != nil {
			return err
		}
	}
	rec, old := recordOf(r), recordOf(stored)
	if merged {
		if err := b.keepMerged(rec, *old); err != nil {
			return err
		}
	} else if err := edited(rec, *old, model.Label(stored, newRecordNames(b.tx), true)); err != nil {
		return err
	}
	keepFixed(kind, r, stored)
	if !merged {
		rec.Touch(b.officer.Author(), b.now)
	}
	if err := r.ValidateAt(b.now); err != nil {
		return err
	}
	if err := removable(r); err != nil {
		return err
	}
	if err := b.tx.UpdateRecord(r); err != nil {
		return err
	}
	b.written(r, k, at)
	return nil
}

// stored reads the stored record an edit is of, and where it sits. A case
// is where it sits itself: an archived one is restored before it is edited.
func (b *Batch) stored(kind model.Kind, k kindRules, r model.Recorded) (model.Recorded, where, error) {
	if kind.Name == model.RecordCase {
		c, err := b.activeCase(r.RecordID())
		return &c, where{c: c}, err
	}
	stored, err := b.tx.RecordByID(kind.Name, r.RecordID())
	if err != nil || k.locate == nil {
		return stored, where{}, err
	}
	at, err := k.locate(b, stored)
	return stored, at, err
}

// written notes a record just saved: its case's last change moves up to
// it, and the search finds it as it now is, or no longer once removed.
func (b *Batch) written(r model.Recorded, k kindRules, at where) {
	if at.c.ID != "" && r.RecordKind() != model.RecordCase {
		b.contentsChanged(at.c.ID, k.lastChangeOf(r))
	}
	switch {
	case k.doc == nil:
	case recordOf(r) != nil && recordOf(r).Removed:
		b.unindex(r.RecordID())
	default:
		b.index(k.doc(r, at))
	}
}

// keepMerged gives a merged version the stored record's identity and
// creation, and checks the version's own last change, which a merge keeps.
func (b *Batch) keepMerged(r *model.Record, stored model.Record) error {
	r.ID, r.CreatedAt, r.CreatedBy, r.Workspace = stored.ID, stored.CreatedAt, stored.CreatedBy, stored.Workspace
	r.Version = stored.Version // read in this transaction: nothing saved in between
	if r.UpdatedBy.Name == "" || r.UpdatedAt.IsZero() {
		r.Touch(b.officer.Author(), b.now)
	}
	switch {
	case r.UpdatedAt.After(b.now):
		return model.Invalid("updated_at", r.UpdatedAt.Format(time.RFC3339), "cannot be in the future")
	case r.UpdatedAt.Before(r.CreatedAt):
		return model.Invalid("updated_at", r.UpdatedAt.Format(time.RFC3339), "cannot be before it was created (%s)", r.CreatedAt.Format(time.RFC3339))
	}
	return nil
}

// keepFixed gives an edited record the stored record's values of the
// fields its kind never changes once made (model.Kind.Fixed): its case,
// its ref, the records it ties together, an exhibit's files.
func keepFixed(kind model.Kind, r, stored model.Recorded) {
	to, from := reflect.ValueOf(r).Elem(), reflect.ValueOf(stored).Elem()
	for _, name := range kind.Fixed {
		i := fieldNamed(to.Type(), name)
		to.Field(i).Set(from.Field(i))
	}
}

// fieldNamed is the index of the struct field written as name in JSON,
// the name model.Kinds gives it. A name the kind's type lacks is a mistake
// in the table.
func fieldNamed(t reflect.Type, name string) int {
	for i := range t.NumField() {
		if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); tag == name {
			return i
		}
	}
	panic("app: " + t.Name() + " has no field " + name)
}

// recordOf is a record's identity, creation and last change; nil for a
// kind whose records have none of their own (attachments).
func recordOf(r model.Recorded) *model.Record {
	if kept, ok := r.(interface{ Bookkeeping() *model.Record }); ok {
		return kept.Bookkeeping()
	}
	return nil
}

// saveMerged saves a version of an existing record that a merge settled
// on, given as JSON: the partner's version, or a field-by-field merge of
// both sides; see updateMerged. The kind's rules and the model's validation
// apply. Records that are never edited (custody events, attachments)
// cannot be saved this way.
func (b *Batch) saveMerged(recordType string, js []byte) error {
	kind, ok := model.KindNamed(recordType)
	if !ok || kind.AppendOnly {
		return fmt.Errorf("a %s is never edited, so a merge cannot change it", recordType)
	}
	r := kind.New()
	if err := json.Unmarshal(js, r); err != nil {
		return fmt.Errorf("read the merged version: %w", err)
	}
	return b.updateMerged(r)
}

// idFree refuses a new record that comes with the UUID of a record the
// workspace already holds, of any kind: a JSON file or a package whose
// seizure bore a case's UUID would otherwise make two records one ID, and
// every later package of the case would be refused.
func (b *Batch) idFree(r model.Recorded) error {
	id := r.RecordID()
	if id == "" {
		return nil
	}
	for _, k := range model.Kinds {
		js, _, found, err := b.storedRecord(k.Name, id)
		if err != nil {
			return err
		}
		if found {
			return fmt.Errorf("%w: its ID %s is already that of %s here", model.ErrConflict, id,
				newRecordNames(b.tx).label(k.Name, id, js, true))
		}
	}
	return nil
}
