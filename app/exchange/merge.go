package exchange

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"bollard/app"
	"bollard/model"
)

// MergeSummary says what merging a package did, record by record.
type MergeSummary struct {
	Added     int `json:"added"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Conflicts int `json:"conflicts"`
	// Files are the attachment files added to the workspace.
	Files int `json:"files"`
	// AuditEntries are the other side's audit entries kept (new ones only).
	AuditEntries int `json:"audit_entries"`
	// Refs are the refs of the package's cases, here.
	Refs []string `json:"refs"`
	// Renumbered says which incoming records took another ref here,
	// because theirs was already another record's ("case PT-2026-0004 → ES-2026-0012").
	Renumbered []string `json:"renumbered"`
}

// MergeOptions are what a merge needs besides the content.
type MergeOptions struct {
	// FromKey is the signer's public key, kept with each conflict.
	FromKey string
	// File opens an attachment file of the package by its SHA-256.
	File func(sha256 string) (io.ReadCloser, error)
}

// Merge merges a package's content into the workspace by UUID, in one
// transaction: all of it, or, at the first refused record, none of it.
//
// A record new here is added. One equal to ours is unchanged. One changed
// only on the other side since it last travelled (ours is still the
// ancestor) replaces ours; one changed only here is kept. One changed on
// both sides is merged field by field against the ancestor: a field
// changed on one side takes that side's value; a field changed on both to
// different values is a conflict, which keeps ours and waits, with the
// incoming record, for the officer to choose. Notes, custody events and
// case links are only ever added (a union by UUID); so are attachment files
// and the other side's audit entries. Afterwards every record that
// travelled remembers its merged version as the next merge's ancestor.
func Merge(ctx context.Context, w *app.Workspace, c Content, opt MergeOptions) (MergeSummary, error) {
	if err := c.validate(w.Now()); err != nil {
		return MergeSummary{}, err
	}
	staged := w.Staging()
	defer staged.Drop(ctx)
	for _, sha := range c.Files() {
		if opt.File == nil {
			return MergeSummary{}, fmt.Errorf("the package does not carry file %s", sha)
		}
		if err := staged.Add(sha, func() (io.ReadCloser, error) { return opt.File(sha) }); err != nil {
			return MergeSummary{}, fmt.Errorf("file %s: %w", sha, err)
		}
	}
	var sum MergeSummary
	err := w.Change(ctx, func(b *app.Batch) error {
		m := newMerger(b, &c, opt)
		if err := m.run(); err != nil {
			return err
		}
		sum = *m.sum
		return nil
	})
	if err != nil {
		return MergeSummary{}, err
	}
	sum.Refs, sum.Renumbered = orEmpty(sum.Refs), orEmpty(sum.Renumbered)
	return sum, nil
}

// validate applies the model's validation to every incoming record, which
// also puts identifiers in their canonical form, so that the comparison
// with the workspace's records is of like with like.
func (c *Content) validate(now time.Time) error {
	check := func(what, id string, err error) error {
		if err != nil {
			return fmt.Errorf("%s %s: %w", what, id, err)
		}
		return nil
	}
	for i := range c.Cases {
		if err := check("case", c.Cases[i].Ref, c.Cases[i].Validate(now)); err != nil {
			return err
		}
	}
	for i := range c.Entities {
		if err := check("entity", c.Entities[i].Name, c.Entities[i].Validate(now)); err != nil {
			return err
		}
	}
	for i := range c.Links {
		if err := check("case link", c.Links[i].ID, c.Links[i].Validate()); err != nil {
			return err
		}
	}
	for i := range c.Relations {
		if err := check("relation", c.Relations[i].ID, c.Relations[i].Validate(now)); err != nil {
			return err
		}
	}
	for i := range c.Seizures {
		if err := check("seizure", c.Seizures[i].Ref, c.Seizures[i].Validate(now)); err != nil {
			return err
		}
	}
	for i := range c.Timeline {
		if err := check("timeline event", c.Timeline[i].ID, c.Timeline[i].Validate(now)); err != nil {
			return err
		}
	}
	for i := range c.Tasks {
		if err := check("task", c.Tasks[i].Title, c.Tasks[i].Validate(now)); err != nil {
			return err
		}
	}
	for i := range c.Notes {
		if err := check("note", c.Notes[i].ID, c.Notes[i].Validate()); err != nil {
			return err
		}
	}
	for i := range c.Evidence {
		if err := check("exhibit", c.Evidence[i].ExhibitRef, c.Evidence[i].Validate(now)); err != nil {
			return err
		}
	}
	for i := range c.Custody {
		if err := check("custody event", c.Custody[i].ID, c.Custody[i].Validate(now)); err != nil {
			return err
		}
	}
	return nil
}

// merger is one merge in progress, inside the batch.
type merger struct {
	b       *app.Batch
	c       *Content
	opt     MergeOptions
	sum     *MergeSummary
	carried map[string]string // type/id → the sender's ancestor
	// history is, by record ID, every version the sender's audit entries
	// (its own and those it kept from others) say the record had.
	history map[string][]string
	// entities maps an incoming entity's ID to the entity here: itself, or
	// one already here with the same identifier (IMO, IBAN...).
	entities map[string]string
	// caseRefs is each incoming case's ref here.
	caseRefs map[string]string
	// travelled are the records merged, whose merged version becomes the
	// ancestor; held are the ancestors of records left in conflict.
	travelled []typeID
	held      map[typeID]string
	// anyCase is the case a conflict on a shared record (an entity, a
	// relation) is listed under.
	anyCase string
}

type typeID struct{ typ, id string }

func newMerger(b *app.Batch, c *Content, opt MergeOptions) *merger {
	m := &merger{b: b, c: c, opt: opt, sum: &MergeSummary{}, carried: map[string]string{},
		entities: map[string]string{}, caseRefs: map[string]string{}, held: map[typeID]string{}}
	m.history = map[string][]string{}
	for _, e := range c.Audit {
		if e.After != "" {
			m.history[e.RecordID] = append(m.history[e.RecordID], e.After)
		}
	}
	for _, base := range c.Bases {
		m.carried[base.Type+"/"+base.ID] = string(base.Record)
	}
	if len(c.Cases) > 0 {
		m.anyCase = c.Cases[0].ID
	}
	return m
}

func (m *merger) run() error {
	steps := []func() error{m.cases, m.entityList, m.links, m.relations, m.seizures, m.timeline, m.tasks,
		m.notes, m.evidence, m.custody, m.audit, m.rememberBases}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func (m *merger) cases() error {
	for i := range m.c.Cases {
		c := m.c.Cases[i]
		err := m.merge(model.RecordCase, c.ID, c, func() error {
			if c.Ref != "" {
				if taken, err := m.b.RefTaken(model.RecordCase, "", c.Ref); err != nil {
					return err
				} else if taken != "" {
					old := c.Ref
					c.Ref = ""
					defer func() { m.renumbered("case", old, c.Ref) }()
				}
			}
			return m.b.CreateCase(&c)
		})
		if err != nil {
			return fmt.Errorf("case %s: %w", m.c.Cases[i].Ref, err)
		}
		here, err := m.b.Case(c.ID)
		if err != nil {
			return err
		}
		m.caseRefs[c.ID] = here.Ref
		m.sum.Refs = append(m.sum.Refs, here.Ref)
	}
	return nil
}

func (m *merger) entityList() error {
	for i := range m.c.Entities {
		e := m.c.Entities[i]
		if _, _, found, err := m.b.StoredRecord(model.RecordEntity, e.ID); err != nil {
			return err
		} else if !found {
			same, ok, err := m.b.SameEntity(e)
			if err != nil {
				return err
			}
			if ok { // the same vessel, account...: linked, and ours kept
				m.entities[e.ID] = same.ID
				m.sum.Unchanged++
				continue
			}
		}
		m.entities[e.ID] = e.ID
		if err := m.merge(model.RecordEntity, e.ID, e, func() error { return m.b.CreateEntity(&e) }); err != nil {
			return fmt.Errorf("entity %s: %w", e.Name, err)
		}
	}
	return nil
}

func (m *merger) links() error {
	for i := range m.c.Links {
		l := m.c.Links[i]
		l.EntityID = m.entities[l.EntityID]
		err := m.merge(model.RecordCaseLink, l.ID, l, func() error {
			err := m.b.LinkEntity(&l)
			if errors.Is(err, model.ErrConflict) {
				return errAlreadyHere // the same role under another link: ours stands
			}
			return err
		})
		if err != nil {
			return fmt.Errorf("case link %s: %w", l.ID, err)
		}
	}
	return nil
}

func (m *merger) relations() error {
	for i := range m.c.Relations {
		r := m.c.Relations[i]
		r.FromID, r.ToID = m.entities[r.FromID], m.entities[r.ToID]
		if err := m.merge(model.RecordRelation, r.ID, r, func() error { return m.b.AddRelation(&r) }); err != nil {
			return fmt.Errorf("relation %s: %w", r.ID, err)
		}
	}
	return nil
}

func (m *merger) seizures() error {
	for i := range m.c.Seizures {
		s := m.c.Seizures[i]
		err := m.merge(model.RecordSeizure, s.ID, s, func() error {
			if s.Ref != "" {
				if taken, err := m.b.RefTaken(model.RecordSeizure, s.CaseID, s.Ref); err != nil {
					return err
				} else if taken != "" {
					old := s.Ref
					s.Ref = ""
					defer func() { m.renumbered("seizure", m.caseRefs[s.CaseID]+" "+old, s.Ref) }()
				}
			}
			return m.b.AddSeizure(&s)
		})
		if err != nil {
			return fmt.Errorf("seizure %s: %w", s.Ref, err)
		}
	}
	return nil
}

func (m *merger) timeline() error {
	for i := range m.c.Timeline {
		e := m.c.Timeline[i]
		if err := m.merge(model.RecordEvent, e.ID, e, func() error { return m.b.AddTimelineEvent(&e) }); err != nil {
			return fmt.Errorf("timeline event %s: %w", e.Title, err)
		}
	}
	return nil
}

func (m *merger) tasks() error {
	for i := range m.c.Tasks {
		t := m.c.Tasks[i]
		if err := m.merge(model.RecordTask, t.ID, t, func() error { return m.b.AddTask(&t) }); err != nil {
			return fmt.Errorf("task %s: %w", t.Title, err)
		}
	}
	return nil
}

func (m *merger) notes() error {
	for i := range m.c.Notes {
		n := m.c.Notes[i]
		if err := m.merge(model.RecordNote, n.ID, n, func() error { return m.b.AddNote(&n) }); err != nil {
			return fmt.Errorf("note %s: %w", n.ID, err)
		}
	}
	return nil
}

func (m *merger) evidence() error {
	for i := range m.c.Evidence {
		e := m.c.Evidence[i]
		files := e.Attachments
		err := m.merge(model.RecordEvidence, e.ID, e, func() error {
			caseRef := m.caseRefs[e.CaseID]
			old := e.ExhibitRef
			if e.ExhibitRef != "" {
				taken, err := m.b.RefTaken(model.RecordEvidence, e.CaseID, e.ExhibitRef)
				if err != nil {
					return err
				}
				if taken != "" || !strings.HasPrefix(strings.ToUpper(e.ExhibitRef), strings.ToUpper(caseRef)+"/EX-") {
					e.ExhibitRef = ""
				}
			}
			if err := m.b.AddEvidence(&e); err != nil {
				return err
			}
			if old != "" && e.ExhibitRef != old {
				m.renumbered("exhibit", old, e.ExhibitRef)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("exhibit %s: %w", e.ExhibitRef, err)
		}
		if err := m.attachments(e.ID, files); err != nil {
			return fmt.Errorf("exhibit %s: %w", e.ExhibitRef, err)
		}
	}
	return nil
}

// attachments adds the exhibit's files that are not attached here yet.
func (m *merger) attachments(itemID string, files []model.Attachment) error {
	js, _, _, err := m.b.StoredRecord(model.RecordEvidence, itemID)
	if err != nil {
		return err
	}
	var here model.EvidenceItem
	if err := json.Unmarshal([]byte(js), &here); err != nil {
		return err
	}
	for _, a := range files {
		if slices.ContainsFunc(here.Attachments, func(h model.Attachment) bool { return h.ID == a.ID || h.SHA256 == a.SHA256 }) {
			continue
		}
		a.ItemID = itemID
		if err := m.b.AddAttachmentAsRecorded(&a); err != nil {
			return fmt.Errorf("file %s: %w", a.Name, err)
		}
		m.sum.Files++
	}
	return nil
}

// custody adds the custody events not here yet, each after the event it
// corrects.
func (m *merger) custody() error {
	pending := slices.Clone(m.c.Custody)
	slices.SortStableFunc(pending, func(a, b model.CustodyEvent) int { return a.At.Compare(b.At) })
	for len(pending) > 0 {
		var later []model.CustodyEvent
		for _, ev := range pending {
			if ev.Corrects != "" && !m.has(model.RecordCustody, ev.Corrects) {
				later = append(later, ev)
				continue
			}
			if err := m.merge(model.RecordCustody, ev.ID, ev, func() error { return m.b.AddCustodyEventAsRecorded(&ev) }); err != nil {
				return fmt.Errorf("custody event %s: %w", ev.ID, err)
			}
		}
		if len(later) == len(pending) {
			return fmt.Errorf("custody event %s corrects an event that is neither here nor in the package", later[0].ID)
		}
		pending = later
	}
	return nil
}

func (m *merger) has(typ, id string) bool {
	_, _, found, _ := m.b.StoredRecord(typ, id)
	return found
}

func (m *merger) audit() error {
	for _, e := range m.c.Audit {
		added, err := m.b.AddForeignAudit(e)
		if err != nil {
			return err
		}
		if added {
			m.sum.AuditEntries++
		}
	}
	return nil
}

func (m *merger) renumbered(what, from, to string) {
	m.sum.Renumbered = append(m.sum.Renumbered, fmt.Sprintf("%s %s → %s", what, from, to))
}

// errAlreadyHere says an incoming record is already here in another form.
var errAlreadyHere = errors.New("already here")

// appendOnly are the records that are never edited: they are only added.
var appendOnly = map[string]bool{model.RecordNote: true, model.RecordCustody: true, model.RecordCaseLink: true}

// merge merges one incoming record (v, a model value) with the workspace's.
func (m *merger) merge(typ, id string, v any, insert func() error) error {
	incoming := app.RecordJSON(v)
	local, caseID, found, err := m.b.StoredRecord(typ, id)
	if err != nil {
		return err
	}
	if !found {
		switch err := insert(); {
		case errors.Is(err, errAlreadyHere):
			m.sum.Unchanged++
			return nil
		case err != nil:
			return err
		}
		m.sum.Added++
		m.travelled = append(m.travelled, typeID{typ, id})
		return nil
	}
	m.travelled = append(m.travelled, typeID{typ, id})
	if appendOnly[typ] || same(local, incoming) {
		m.sum.Unchanged++
		return nil
	}
	// What each side has known of the record: its audit trail's versions
	// (the sender's travel in the package) and the version each side last
	// exchanged. Ours is an ancestor of theirs: take theirs; theirs of
	// ours: keep ours; else merge against the last version both knew.
	localBase, _, err := m.b.ExchangeBase(typ, id)
	if err != nil {
		return err
	}
	ours, err := m.b.RecordVersions(typ, id)
	if err != nil {
		return err
	}
	ours = append(ours, localBase)
	theirs := append(slices.Clone(m.history[id]), m.carried[typ+"/"+id])
	if containsVersion(theirs, local) { // changed on their side only
		m.sum.Updated++
		return m.b.SaveMerged(typ, []byte(incoming))
	}
	if containsVersion(ours, incoming) { // changed on our side only
		m.sum.Unchanged++
		return nil
	}
	ancestor := ""
	for _, v := range ours {
		if v != "" && containsVersion(theirs, v) {
			ancestor = v
			break
		}
	}
	if ancestor == "" {
		ancestor = cmp.Or(m.carried[typ+"/"+id], localBase)
	}
	return m.threeWay(typ, id, caseID, local, incoming, ancestor)
}

// threeWay merges a record changed on both sides, field by field.
func (m *merger) threeWay(typ, id, caseID, local, incoming, ancestor string) error {
	mine, theirs, base := fields(local), fields(incoming), fields(ancestor)
	merged, held := fields(local), fields(local)
	var conflicting []string
	taken := false
	for _, k := range keysOf(mine, theirs, base) {
		if ignored[k] || equalRaw(mine[k], theirs[k]) {
			continue
		}
		switch {
		case ancestor != "" && equalRaw(base[k], mine[k]): // only theirs changed it
			set(merged, k, theirs[k])
			set(held, k, theirs[k])
			taken = true
		case ancestor != "" && equalRaw(base[k], theirs[k]): // only ours changed it
		default:
			conflicting = append(conflicting, k)
			set(held, k, base[k])
		}
	}
	if taken {
		later := local
		if laterThan(incoming, local) {
			later = incoming
		}
		lf := fields(later)
		merged["updated_at"], merged["updated_by"] = lf["updated_at"], lf["updated_by"]
		js, _ := json.Marshal(merged)
		if err := m.b.SaveMerged(typ, js); err != nil {
			return err
		}
	}
	if len(conflicting) == 0 {
		m.sum.Updated++
		return nil
	}
	// The ancestor remembered keeps the conflicting fields as they were, so
	// that the conflict stands until the officer settles it.
	js, _ := json.Marshal(held)
	m.held[typeID{typ, id}] = string(js)
	if open, ok, err := m.b.OpenConflict(typ, id); err != nil {
		return err
	} else if ok && same(open.Incoming, incoming) && slices.Equal(open.Fields, conflicting) {
		m.sum.Unchanged++ // the same conflict, already waiting
		return nil
	}
	if caseID == "" {
		caseID = m.anyCase
	}
	m.sum.Conflicts++
	return m.b.PutConflict(&model.Conflict{RecordType: typ, RecordID: id, CaseID: caseID, Incoming: incoming,
		Base: ancestor, Fields: conflicting, FromKey: m.opt.FromKey})
}

// rememberBases makes each merged record's version the ancestor of the
// next merge.
func (m *merger) rememberBases() error {
	for _, r := range m.travelled {
		js, ok := m.held[r]
		if !ok {
			var found bool
			var err error
			if js, _, found, err = m.b.StoredRecord(r.typ, r.id); err != nil {
				return err
			} else if !found {
				continue
			}
		}
		if err := m.b.SetExchangeBase(r.typ, r.id, js); err != nil {
			return err
		}
	}
	return nil
}

// ignored are the fields a merge does not compare: the record's last
// change (it follows the merge), what never changes once made (identity,
// creation, case, ref, the ends of a relation), and an exhibit's files
// (only ever added).
var ignored = map[string]bool{
	"updated_at": true, "updated_by": true, "id": true, "created_at": true, "created_by": true, "workspace": true,
	"case_id": true, "ref": true, "exhibit_ref": true, "from_id": true, "to_id": true, "item_id": true,
	"entity_id": true, "attachments": true,
}

func fields(js string) map[string]json.RawMessage {
	m := map[string]json.RawMessage{}
	if js != "" {
		_ = json.Unmarshal([]byte(js), &m)
	}
	return m
}

func keysOf(maps ...map[string]json.RawMessage) []string {
	var keys []string
	for _, m := range maps {
		for k := range m {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)
	return keys
}

func set(m map[string]json.RawMessage, k string, v json.RawMessage) {
	if v == nil {
		delete(m, k)
		return
	}
	m[k] = v
}

// equalRaw compares two JSON values; absent, null, "" , [] and {} are the
// same absence of a value.
func equalRaw(a, b json.RawMessage) bool {
	return string(normal(a)) == string(normal(b))
}

func normal(v json.RawMessage) json.RawMessage {
	switch strings.TrimSpace(string(v)) {
	case "", "null", `""`, "[]", "{}", `"0001-01-01T00:00:00Z"`:
		return nil
	}
	return v
}

// same reports whether two versions of a record hold the same values.
func same(a, b string) bool {
	fa, fb := fields(a), fields(b)
	for _, k := range keysOf(fa, fb) {
		if !ignored[k] && !equalRaw(fa[k], fb[k]) {
			return false
		}
	}
	return true
}

// containsVersion reports whether v is among the versions.
func containsVersion(versions []string, v string) bool {
	for _, x := range versions {
		if x != "" && same(x, v) {
			return true
		}
	}
	return false
}

// laterThan reports whether version a was last changed after version b.
func laterThan(a, b string) bool {
	var ta, tb struct {
		UpdatedAt time.Time `json:"updated_at"`
	}
	_ = json.Unmarshal([]byte(a), &ta)
	_ = json.Unmarshal([]byte(b), &tb)
	return ta.UpdatedAt.After(tb.UpdatedAt)
}
