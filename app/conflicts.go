package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"bollard/model"
	"bollard/storage"
)

// This file is the workspace's side of merging a case package: reading and
// writing records as JSON by type and ID (the merge compares them field by
// field), the version of each record that last travelled, the conflicts
// waiting for the officer, and the other side's audit entries.

// RecordJSON is a record written the way the workspace compares and
// remembers it (the audit trail's form).
func RecordJSON(v any) string { return storage.RecordJSON(v) }

// StoredRecord returns a record as the batch sees it, as JSON, with the
// case it belongs to ("" for entities and relations). found is false when
// the workspace has no such record. An exhibit is read with its files.
func (b *Batch) StoredRecord(recordType, id string) (js, caseID string, found bool, err error) {
	var v any
	switch recordType {
	case model.RecordCase:
		var c model.Case
		c, err = b.tx.CaseByID(id)
		v, caseID = c, c.ID
	case model.RecordSeizure:
		var s model.Seizure
		s, err = b.tx.SeizureByID(id)
		v, caseID = s, s.CaseID
	case model.RecordEntity:
		v, err = b.tx.EntityByID(id)
	case model.RecordCaseLink:
		var l model.CaseLink
		l, err = b.tx.CaseLinkByID(id)
		v, caseID = l, l.CaseID
	case model.RecordRelation:
		v, err = b.tx.RelationByID(id)
	case model.RecordEvent:
		var e model.TimelineEvent
		e, err = b.tx.TimelineEventByID(id)
		v, caseID = e, e.CaseID
	case model.RecordTask:
		var t model.Task
		t, err = b.tx.TaskByID(id)
		v, caseID = t, t.CaseID
	case model.RecordNote:
		var n model.Note
		n, err = b.tx.NoteByID(id)
		v, caseID = n, n.CaseID
	case model.RecordEvidence:
		var e model.EvidenceItem
		e, err = b.tx.EvidenceByID(id)
		v, caseID = e, e.CaseID
	case model.RecordCustody:
		var ev model.CustodyEvent
		ev, err = b.tx.CustodyEventByID(id)
		if err == nil {
			var item model.EvidenceItem
			item, err = b.tx.EvidenceByID(ev.ItemID)
			v, caseID = ev, item.CaseID
		}
	default:
		return "", "", false, fmt.Errorf("no record type %q", recordType)
	}
	if errors.Is(err, model.ErrNotFound) {
		return "", "", false, nil
	}
	if err != nil {
		return "", "", false, err
	}
	return RecordJSON(v), caseID, true, nil
}

// RefTaken reports which record already uses a ref: a case ref (caseID
// ""), a seizure ref or an exhibit ref of a case. It returns "" when the
// ref is free.
func (b *Batch) RefTaken(recordType, caseID, ref string) (string, error) {
	var id string
	var err error
	switch recordType {
	case model.RecordCase:
		var c model.Case
		c, err = b.tx.CaseByRef(ref)
		id = c.ID
	case model.RecordSeizure:
		var s model.Seizure
		s, err = b.tx.SeizureByRef(caseID, ref)
		id = s.ID
	case model.RecordEvidence:
		var e model.EvidenceItem
		e, err = b.tx.EvidenceByRef(ref)
		id = e.ID
	default:
		return "", fmt.Errorf("a %s has no ref", recordType)
	}
	if errors.Is(err, model.ErrNotFound) {
		return "", nil
	}
	return id, err
}

// ExchangeBase returns the version of a record that last travelled, as
// JSON; ok is false when it never did.
func (b *Batch) ExchangeBase(recordType, id string) (string, bool, error) {
	return b.tx.ExchangeBase(recordType, id)
}

// RecordVersions returns every version of a record this workspace has
// known (its own audit trail's and the other workspaces' entries it kept),
// newest first.
func (b *Batch) RecordVersions(recordType, id string) ([]string, error) {
	return b.tx.RecordVersions(recordType, id)
}

// SetExchangeBase remembers the version of a record that travelled now.
func (b *Batch) SetExchangeBase(recordType, id, js string) error {
	return b.tx.SetExchangeBase(recordType, id, js, b.now)
}

// OpenConflict returns the conflict waiting on a record, if any.
func (b *Batch) OpenConflict(recordType, id string) (model.Conflict, bool, error) {
	return b.tx.OpenConflict(recordType, id)
}

// PutConflict records a conflict (replacing one already open on the same
// record), received now.
func (b *Batch) PutConflict(c *model.Conflict) error {
	if c.ID == "" {
		c.ID = model.NewID()
	}
	c.ReceivedAt = b.now
	return b.tx.PutConflict(c)
}

// AddForeignAudit keeps another workspace's audit entry as it came,
// reporting whether it was new here. The workspace's own entries are not
// kept twice: they are already in its trail.
func (b *Batch) AddForeignAudit(e model.AuditEntry) (bool, error) {
	if e.Workspace == b.workspace {
		return false, nil
	}
	if !model.ValidID(e.Workspace) || e.Seq < 1 || e.RecordID == "" || e.Hash == "" {
		return false, model.Invalid("audit entry", fmt.Sprint(e.Seq), "is not a complete audit entry of another workspace")
	}
	return b.tx.AddForeignAudit(e)
}

// SetExchangeBases remembers the versions of records that travelled now
// (by type, then ID), outside any officer's change: remembering what was
// exported changes no record. A record with an open conflict keeps the
// ancestor the conflict was found against, so that the conflict stands
// until the officer settles it.
func (w *Workspace) SetExchangeBases(ctx context.Context, bases map[string]map[string]string) error {
	now := w.Now()
	return w.store.Write(ctx, func(tx *storage.Tx) error {
		for typ, byID := range bases {
			for id, js := range byID {
				if _, open, err := tx.OpenConflict(typ, id); err != nil || open {
					if err != nil {
						return err
					}
					continue
				}
				if err := tx.SetExchangeBase(typ, id, js, now); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// ExchangeBases returns the versions of these records that last travelled
// (those that never did are left out).
func (w *Workspace) ExchangeBases(ctx context.Context, recordType string, ids []string) (map[string]string, error) {
	out := map[string]string{}
	err := w.read(ctx, func(tx *storage.Tx) error {
		for _, id := range ids {
			js, ok, err := tx.ExchangeBase(recordType, id)
			if err != nil {
				return err
			}
			if ok {
				out[id] = js
			}
		}
		return nil
	})
	return out, err
}

// CaseAuditEntries returns the audit entries about a case and everything
// in it, both this workspace's (oldest first) and those kept from other
// workspaces: what travels with the case in a package.
func (w *Workspace) CaseAuditEntries(ctx context.Context, caseID string) ([]model.AuditEntry, error) {
	var out []model.AuditEntry
	err := w.read(ctx, func(tx *storage.Tx) error {
		own, err := tx.CaseAudit(caseID)
		if err != nil {
			return err
		}
		slices.Reverse(own)
		foreign, err := tx.ForeignAudit(caseID)
		out = append(own, foreign...)
		return err
	})
	return out, err
}

// ForeignAudit returns the other workspaces' audit entries about a case.
func (w *Workspace) ForeignAudit(ctx context.Context, caseID string) ([]model.AuditEntry, error) {
	var out []model.AuditEntry
	err := w.read(ctx, func(tx *storage.Tx) (err error) {
		out, err = tx.ForeignAudit(caseID)
		return err
	})
	return out, err
}

// ConflictView is a conflict as the officer chooses on it: the record's
// name, and each conflicting field with both values.
type ConflictView struct {
	model.Conflict
	CaseRef string          `json:"case_ref"`
	Label   string          `json:"label"` // e.g. "seizure SZ-0003", "entity MV Northern Star"
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
	mineJS, _, found, err := b.StoredRecord(c.RecordType, c.RecordID)
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

func orNull(raw json.RawMessage) json.RawMessage {
	if raw == nil {
		return json.RawMessage("null")
	}
	return raw
}

func fieldsOf(js string) map[string]json.RawMessage {
	m := map[string]json.RawMessage{}
	if js != "" {
		_ = json.Unmarshal([]byte(js), &m)
	}
	return m
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

// Keep mine or take theirs: how a conflict is settled.
const (
	KeepMine   = "mine"
	TakeTheirs = "theirs"
)

// ResolveConflict settles a conflict. Keeping mine leaves the record as it
// is; taking theirs writes the incoming values of the conflicting fields
// into it, an audited change made by the officer. Either way, the incoming
// values count as seen: the record's last-exchanged version takes them, so
// that the next exchange does not raise the same conflict again.
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
		mineJS, _, found, err := b.StoredRecord(c.RecordType, c.RecordID)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("the %s of conflict %s is no longer in the workspace", c.RecordType, id)
		}
		theirs := fieldsOf(c.Incoming)
		if keep == TakeTheirs {
			mine := fieldsOf(mineJS)
			for _, f := range c.Fields {
				setField(mine, f, theirs[f])
			}
			delete(mine, "updated_at") // an officer's choice: this officer, now
			delete(mine, "updated_by")
			js, _ := json.Marshal(mine)
			if err := b.SaveMerged(c.RecordType, js); err != nil {
				return err
			}
		}
		base := fieldsOf(c.Base)
		if c.Base == "" {
			base = fieldsOf(mineJS)
		}
		for _, f := range c.Fields {
			setField(base, f, theirs[f])
		}
		js, _ := json.Marshal(base)
		if err := b.SetExchangeBase(c.RecordType, c.RecordID, string(js)); err != nil {
			return err
		}
		return b.tx.ResolveConflict(id, keep, b.now)
	})
	view.Resolution = keep
	return view, err
}

func setField(m map[string]json.RawMessage, name string, v json.RawMessage) {
	if v == nil {
		delete(m, name)
		return
	}
	m[name] = v
}
