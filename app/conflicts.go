package app

import (
	"encoding/json"
	"fmt"
	"time"

	"bollard/app/search"
	"bollard/model"
)

// This file saves what a merge (merge.go) settles on: a version of a
// record the workspace has, or a custody event another workspace recorded.

// SaveMerged saves a version of an existing record that a merge settled
// on: the partner's version, or a field-by-field merge of both sides. Unlike
// an officer's edit it keeps the version's own last change (who and when),
// so that both workspaces hold the same record; what never changes (its
// identity, case, ref, creation, the entities a relation ties) is kept
// from the stored record. The model's validation applies. Records that are
// never edited (notes, custody events, case links) cannot be saved this way.
func (b *Batch) SaveMerged(recordType string, js []byte) error {
	switch recordType {
	case model.RecordCase:
		var c model.Case
		return saveMerged(b, js, &c, &c.Record, func() error {
			old, err := b.activeCase(c.ID)
			if err != nil {
				return err
			}
			if c.Status == model.StatusArchived {
				c.Status = old.Status // archiving is each workspace's own business
			}
			keep(&c.Record, old.Record)
			c.Ref = old.Ref
			return nil
		}, func() error {
			if err := c.Validate(b.now); err != nil {
				return err
			}
			if err := b.tx.UpdateCase(&c); err != nil {
				return err
			}
			b.index(search.CaseDoc(c))
			return nil
		})
	case model.RecordSeizure:
		var s model.Seizure
		var c model.Case
		return saveMerged(b, js, &s, &s.Record, func() error {
			old, err := b.tx.SeizureByID(s.ID)
			if err != nil {
				return err
			}
			if c, err = b.activeCase(old.CaseID); err != nil {
				return err
			}
			keep(&s.Record, old.Record)
			s.CaseID, s.Ref = old.CaseID, old.Ref
			return nil
		}, func() error {
			if err := s.Validate(b.now); err != nil {
				return err
			}
			if err := b.tx.UpdateSeizure(&s); err != nil {
				return err
			}
			b.contentsChanged(s.CaseID, s.Record)
			b.index(search.SeizureDoc(s, c.Ref))
			return nil
		})
	case model.RecordEntity:
		var e model.Entity
		return saveMerged(b, js, &e, &e.Record, func() error {
			old, err := b.tx.EntityByID(e.ID)
			if err != nil {
				return err
			}
			keep(&e.Record, old.Record)
			return nil
		}, func() error {
			if err := e.Validate(b.now); err != nil {
				return err
			}
			if err := b.tx.UpdateEntity(&e); err != nil {
				return err
			}
			b.index(search.EntityDoc(e))
			return nil
		})
	case model.RecordRelation:
		var r model.Relation
		return saveMerged(b, js, &r, &r.Record, func() error {
			old, err := b.tx.RelationByID(r.ID)
			if err != nil {
				return err
			}
			keep(&r.Record, old.Record)
			r.FromID, r.ToID = old.FromID, old.ToID
			return nil
		}, func() error {
			if err := r.Validate(b.now); err != nil {
				return err
			}
			return b.tx.UpdateRelation(&r)
		})
	case model.RecordEvent:
		var e model.TimelineEvent
		return saveMerged(b, js, &e, &e.Record, func() error {
			old, err := b.tx.TimelineEventByID(e.ID)
			if err != nil {
				return err
			}
			if _, err := b.activeCase(old.CaseID); err != nil {
				return err
			}
			keep(&e.Record, old.Record)
			e.CaseID = old.CaseID
			return nil
		}, func() error {
			if err := e.Validate(b.now); err != nil {
				return err
			}
			if err := b.tx.UpdateTimelineEvent(&e); err != nil {
				return err
			}
			b.contentsChanged(e.CaseID, e.Record)
			return nil
		})
	case model.RecordTask:
		var t model.Task
		var c model.Case
		return saveMerged(b, js, &t, &t.Record, func() error {
			old, err := b.tx.TaskByID(t.ID)
			if err != nil {
				return err
			}
			if c, err = b.activeCase(old.CaseID); err != nil {
				return err
			}
			keep(&t.Record, old.Record)
			t.CaseID = old.CaseID
			return nil
		}, func() error {
			if err := t.Validate(b.now); err != nil {
				return err
			}
			if err := b.tx.UpdateTask(&t); err != nil {
				return err
			}
			b.contentsChanged(t.CaseID, t.Record)
			b.index(search.TaskDoc(t, c.Ref))
			return nil
		})
	case model.RecordEvidence:
		var e model.EvidenceItem
		var c model.Case
		return saveMerged(b, js, &e, &e.Record, func() error {
			old, err := b.tx.EvidenceByID(e.ID)
			if err != nil {
				return err
			}
			if c, err = b.activeCase(old.CaseID); err != nil {
				return err
			}
			keep(&e.Record, old.Record)
			e.CaseID, e.ExhibitRef, e.Attachments = old.CaseID, old.ExhibitRef, old.Attachments
			return b.checkSeizureOf(c, e.SeizureID)
		}, func() error {
			if err := e.Validate(b.now); err != nil {
				return err
			}
			if err := b.tx.UpdateEvidence(&e); err != nil {
				return err
			}
			b.contentsChanged(e.CaseID, e.Record)
			b.index(search.EvidenceDoc(e, c.Ref))
			return nil
		})
	}
	return fmt.Errorf("a %s is never edited, so a merge cannot change it", recordType)
}

// saveMerged decodes a merged version, keeps what never changes (fix),
// checks its last change, and saves it (save).
func saveMerged[T any](b *Batch, js []byte, v *T, r *model.Record, fix, save func() error) error {
	if err := json.Unmarshal(js, v); err != nil {
		return fmt.Errorf("read the merged version: %w", err)
	}
	updatedAt, updatedBy := r.UpdatedAt, r.UpdatedBy
	if err := fix(); err != nil {
		return err
	}
	if updatedBy.Name == "" || updatedAt.IsZero() {
		r.Touch(b.officer.Author(), b.now)
	} else {
		r.UpdatedAt, r.UpdatedBy = updatedAt, updatedBy
	}
	switch {
	case r.UpdatedAt.After(b.now):
		return model.Invalid("updated_at", r.UpdatedAt.Format(time.RFC3339), "cannot be in the future")
	case r.UpdatedAt.Before(r.CreatedAt):
		return model.Invalid("updated_at", r.UpdatedAt.Format(time.RFC3339), "cannot be before it was created (%s)", r.CreatedAt.Format(time.RFC3339))
	}
	return save()
}

// keep gives a merged record the stored record's identity and creation.
func keep(r *model.Record, old model.Record) {
	r.ID, r.CreatedAt, r.CreatedBy, r.Workspace = old.ID, old.CreatedAt, old.CreatedBy, old.Workspace
	r.Version = old.Version // read in this transaction: nothing saved in between
}

// AddCustodyEventAsRecorded adds a custody event that another workspace
// recorded, as it was recorded. Custody events from two workspaces are
// unioned, so the order and closure checks an officer's new event passes
// (which compare it with this workspace's chain) do not apply; the event's
// own validation does, and its exhibit must be here.
func (b *Batch) AddCustodyEventAsRecorded(ev *model.CustodyEvent) error {
	item, err := b.tx.EvidenceByID(ev.ItemID)
	if err != nil {
		return err
	}
	if _, err := b.activeCase(item.CaseID); err != nil {
		return err
	}
	if ev.Corrects != "" {
		if _, err := b.tx.CustodyEventByID(ev.Corrects); err != nil {
			return model.Invalid("corrects", ev.Corrects, "should be an earlier custody event of exhibit %s", item.ExhibitRef)
		}
	}
	if err := ev.Validate(b.now); err != nil {
		return err
	}
	if err := b.stampNew("custody event", &ev.Record); err != nil {
		return err
	}
	if err := b.tx.InsertCustodyEvent(ev); err != nil {
		return err
	}
	b.contentsChanged(item.CaseID, ev.Record)
	return nil
}
