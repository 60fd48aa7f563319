package app

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"bollard/model"
	"bollard/storage"
)

// raiseConflict records a conflict a merge found, received now (replacing
// one already open on the same record). The same conflict already waiting
// (the same incoming version, the same fields) is not raised again:
// raised is false then.
func (b *Batch) raiseConflict(c *model.Conflict) (raised bool, err error) {
	open, ok, err := b.tx.OpenConflict(c.RecordType, c.RecordID)
	if err != nil {
		return false, err
	}
	kind, _ := model.KindNamed(c.RecordType)
	if ok && sameVersion(kind, open.Incoming, c.Incoming) && slices.Equal(open.Fields, c.Fields) {
		return false, nil
	}
	if c.ID == "" {
		c.ID = model.NewID()
	}
	c.ReceivedAt = b.now
	return true, b.tx.PutConflict(c)
}

// ConflictView is a conflict as the officer chooses on it: the record's
// name, and each conflicting field with both values.
type ConflictView struct {
	model.Conflict
	CaseRef string          `json:"case_ref"`
	Label   string          `json:"label"` // e.g. "seizure SZ-0003", "vessel MV Northern Star"
	Fields  []ConflictField `json:"fields"`
}

// ConflictField is one field changed on both sides to different values.
type ConflictField struct {
	Name   string          `json:"name"`
	Base   json.RawMessage `json:"base,omitempty"`
	Mine   json.RawMessage `json:"mine"`
	Theirs json.RawMessage `json:"theirs"`
}

// Conflicts lists the conflicts waiting for a choice, field by field; only
// those of one case when caseRef is not "".
func (w *Workspace) Conflicts(ctx context.Context, caseRef string) ([]ConflictView, error) {
	var out []ConflictView
	err := w.read(ctx, func(tx *storage.Tx) error {
		caseID := ""
		if caseRef != "" {
			c, err := tx.CaseByRef(caseRef)
			if err != nil {
				return err
			}
			caseID = c.ID
		}
		list, err := tx.OpenConflicts(caseID)
		if err != nil {
			return err
		}
		for _, c := range list {
			v, err := conflictView(tx, c)
			if err != nil {
				return err
			}
			out = append(out, v)
		}
		return nil
	})
	return out, err
}

func conflictView(tx *storage.Tx, c model.Conflict) (ConflictView, error) {
	b := &Batch{tx: tx}
	mineJS, _, found, err := b.storedRecord(c.RecordType, c.RecordID)
	if err != nil {
		return ConflictView{}, err
	}
	mine, theirs, base := fieldsOf(mineJS), fieldsOf(c.Incoming), fieldsOf(c.Base)
	v := ConflictView{Conflict: c, Label: conflictLabel(tx, c, mineJS, found)}
	if c.CaseID != "" {
		if cs, err := tx.CaseByID(c.CaseID); err == nil {
			v.CaseRef = cs.Ref
		}
	}
	for _, f := range c.Fields {
		v.Fields = append(v.Fields, ConflictField{Name: f, Base: base[f], Mine: orNull(mine[f]), Theirs: orNull(theirs[f])})
	}
	return v, nil
}

// conflictLabel names the record in a conflict for the officer, as it
// stands here (mine) or, when it is no longer here, as it came in. The
// conflict is shown with its case's ref, so the label leaves it out.
func conflictLabel(tx *storage.Tx, c model.Conflict, mine string, found bool) string {
	names := newRecordNames(tx)
	if !found {
		return names.label(c.RecordType, c.RecordID, c.Incoming, false) + " (no longer here)"
	}
	return names.label(c.RecordType, c.RecordID, mine, false)
}

// Keep mine or take theirs: how a conflict is settled by the officer.
// Settled is how it closes itself: the two sides came to agree, or the
// partner settled it having seen ours, and sent the result.
const (
	KeepMine   = "mine"
	TakeTheirs = "theirs"
	Settled    = "settled"
)

// settled closes the conflict open on a record, if there is one, because
// a merge just brought the two sides together on it.
func (m *merger) settled(typ, id string) error {
	open, ok, err := m.b.tx.OpenConflict(typ, id)
	if err != nil || !ok {
		return err
	}
	m.sum.Settled++
	return m.b.tx.ResolveConflict(open.ID, Settled, m.b.now)
}

// settleAgreed closes every open conflict whose two sides have become
// equal in the fields it is about (an officer made ours what theirs was):
// nothing is left to choose.
func (m *merger) settleAgreed() error {
	open, err := m.b.tx.OpenConflicts("")
	if err != nil {
		return err
	}
	for _, c := range open {
		mine, _, found, err := m.b.storedRecord(c.RecordType, c.RecordID)
		if err != nil {
			return err
		}
		if found && sameFields(mine, c.Incoming, c.Fields) {
			m.sum.Settled++
			if err := m.b.tx.ResolveConflict(c.ID, Settled, m.b.now); err != nil {
				return err
			}
		}
	}
	return nil
}

// sameFields reports whether two versions hold equal values in the fields.
func sameFields(a, b string, fields []string) bool {
	fa, fb := fieldsOf(a), fieldsOf(b)
	for _, f := range fields {
		if !equalValue(fa[f], fb[f]) {
			return false
		}
	}
	return true
}

// ResolveConflict settles a conflict. Keeping mine saves the record as it
// is, taking theirs with the incoming values of the conflicting fields;
// either is an audited change made by the officer now, a new version that
// the partner receives with the next package and takes (they have seen the
// version it was chosen against), closing their side of the conflict.
// Either way, the incoming values count as seen: the record's
// last-exchanged version takes them, so that the next exchange does not
// raise the same conflict again.
func (w *Workspace) ResolveConflict(ctx context.Context, id, keep string) (ConflictView, error) {
	if keep != KeepMine && keep != TakeTheirs {
		return ConflictView{}, fmt.Errorf("keep %q: choose %q or %q", keep, KeepMine, TakeTheirs)
	}
	var view ConflictView
	err := w.Change(ctx, func(b *Batch) error {
		c, err := b.tx.ConflictByID(id)
		if err != nil {
			return err
		}
		if c.Resolution != "" {
			return fmt.Errorf("conflict %s was already settled (%s)", id, c.Resolution)
		}
		if view, err = conflictView(b.tx, c); err != nil {
			return err
		}
		mineJS, _, found, err := b.storedRecord(c.RecordType, c.RecordID)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("the %s of conflict %s is no longer in the workspace", c.RecordType, id)
		}
		theirs := fieldsOf(c.Incoming)
		mine := fieldsOf(mineJS)
		if keep == TakeTheirs {
			take(mine, theirs, c.Fields)
		}
		js, _ := json.Marshal(mine)
		kind, _ := model.KindNamed(c.RecordType)
		if keep == TakeTheirs && sameVersion(kind, string(js), c.Incoming) {
			// The record becomes theirs as it came: the partner's change,
			// credited to their officer and the package it came in.
			b.tx.SetReceived(model.Provenance{Officer: savedBy(c.Incoming), Package: c.FromPackage, Key: c.FromKey})
			js = []byte(c.Incoming)
		} else {
			delete(mine, "updated_at") // an officer's choice: this officer, now
			delete(mine, "updated_by")
			js, _ = json.Marshal(mine)
		}
		if err := b.saveMerged(c.RecordType, js); err != nil {
			return err
		}
		base := fieldsOf(c.Base)
		if c.Base == "" {
			base = fieldsOf(mineJS)
		}
		take(base, theirs, c.Fields)
		js, _ = json.Marshal(base)
		if err := b.setExchangeBase(c.RecordType, c.RecordID, string(js)); err != nil {
			return err
		}
		return b.tx.ResolveConflict(id, keep, b.now)
	})
	view.Resolution = keep
	return view, err
}

// savedBy is who last saved a version of a record.
func savedBy(version string) model.Author {
	var v struct {
		UpdatedBy model.Author `json:"updated_by"`
	}
	_ = json.Unmarshal([]byte(version), &v)
	return v.UpdatedBy
}
