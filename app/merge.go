package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"

	"bollard/model"
)

// Bundle is what another workspace sends, as a merge takes it: its
// records, the versions of them it last exchanged, and its audit entries
// about them. app/exchange reads one out of a case package's content;
// Workspace.Merge merges it.
type Bundle struct {
	// Records are the records of every kind, each kind's in the order
	// they came; an exhibit carries its files (Attachments). The merge
	// takes the kinds in model.Kinds order, a record after those it points
	// at, and may renumber the records it adds.
	Records []model.Recorded
	// Bases are, by record ID, the sender's last-exchanged version of each
	// record that had travelled before, as JSON: the ancestor a three-way
	// merge compares with.
	Bases map[string]string
	// Audit are the audit entries about the records: the sender's own and
	// those it kept from other workspaces.
	Audit []model.AuditEntry
	// Workspace is the sender's workspace ID: its own audit entries say
	// which versions its records have had.
	Workspace string
	// Settled are, by record ID, the versions of other workspaces the
	// sender settled a conflict on the record against: versions it has
	// seen and decided on, although its record never took them.
	Settled map[string][]string
}

// MergeSummary says what merging a package did, record by record.
type MergeSummary struct {
	Added     int `json:"added"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Conflicts int `json:"conflicts"`
	// Settled are the conflicts open here that the package closed: the
	// partner settled them, or both sides now agree.
	Settled int `json:"settled"`
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

// MergeOptions are what a merge needs besides the bundle.
type MergeOptions struct {
	// FromKey is the signer's public key, kept with each conflict.
	FromKey string
	// File opens an attachment file of the package by its SHA-256.
	File func(sha256 string) (io.ReadCloser, error)
	// From is where the bundle came from: the partner's officer, the
	// package and its signing key. Every audit entry the merge writes
	// carries it and is credited to the partner's officer. Zero credits
	// the changes to this workspace's officer.
	From model.Provenance
}

// Merge merges another workspace's records into this one by UUID, in one
// transaction: all of them, or, at the first refused record, none.
//
// A record whose UUID is, here, another kind of record or a record of
// another case refuses the whole bundle (mergebelong.go). A record new
// here is added. One with the same values as ours is unchanged. One
// changed only on the other side (its history holds ours) replaces ours;
// one changed only here is kept. One changed on both sides is merged
// field by field against the last version both knew: a field changed on
// one side takes that side's value; a field changed on both to different
// values, or a removal on one side against an edit on the other, is a
// conflict, which keeps ours and waits, with the incoming record, for the
// officer to choose (see ResolveConflict). Removals are tombstones and
// merge like any field. Custody events and attachments are only ever
// added (a union by UUID); so are the other side's audit entries. A
// conflict open here that the other side settled, or whose two sides now
// agree, closes. Afterwards every record that travelled remembers its
// merged version as the next merge's ancestor.
func (w *Workspace) Merge(ctx context.Context, in Bundle, opt MergeOptions) (MergeSummary, error) {
	byKind := recordsByKind(in.Records)
	// Records are named in errors as the bundle names them: a link by
	// its entity and case there.
	names := newRecordNames(nil)
	for _, r := range in.Records {
		names.learn(r)
	}
	if err := validateIncoming(byKind, names, w.Now()); err != nil {
		return MergeSummary{}, err
	}
	staged := w.staging()
	defer staged.Drop(ctx)
	for _, sha := range attachedFiles(byKind[model.RecordEvidence]) {
		if opt.File == nil {
			return MergeSummary{}, fmt.Errorf("the package does not carry file %s", sha)
		}
		if err := staged.Add(sha, func() (io.ReadCloser, error) { return opt.File(sha) }); err != nil {
			return MergeSummary{}, fmt.Errorf("file %s: %w", sha, err)
		}
	}
	var sum MergeSummary
	err := w.Change(ctx, func(b *Batch) error {
		b.tx.SetReceived(opt.From)
		m := newMerger(b, in, opt)
		m.names = names
		if err := m.run(byKind); err != nil {
			return err
		}
		sum = *m.sum
		return nil
	})
	if err != nil {
		return MergeSummary{}, err
	}
	if sum.Refs == nil {
		sum.Refs = []string{}
	}
	if sum.Renumbered == nil {
		sum.Renumbered = []string{}
	}
	return sum, nil
}

// recordsByKind sorts records by the name of their kind, each kind's in
// the order given.
func recordsByKind(records []model.Recorded) map[string][]model.Recorded {
	out := map[string][]model.Recorded{}
	for _, r := range records {
		out[r.RecordKind()] = append(out[r.RecordKind()], r)
	}
	return out
}

// validateIncoming applies the model's validation to every incoming
// record, which also puts identifiers in their canonical form, so that the
// comparison with the workspace's records is of like with like.
func validateIncoming(byKind map[string][]model.Recorded, names model.Names, now time.Time) error {
	for _, k := range model.Kinds {
		if appKinds[k.Name].merge == nil && len(byKind[k.Name]) > 0 {
			return fmt.Errorf("the package lists %s records of their own: they travel only with the record they belong to", k.Name)
		}
		for _, r := range byKind[k.Name] {
			if err := r.ValidateAt(now); err != nil {
				return fmt.Errorf("%s: %w", model.Label(r, names, false), err)
			}
		}
	}
	return nil
}

// attachedFiles lists the SHA-256 of every file the exhibits attach, once.
func attachedFiles(items []model.Recorded) []string {
	var out []string
	for _, r := range items {
		for _, a := range r.(*model.EvidenceItem).Attachments {
			if !slices.Contains(out, a.SHA256) {
				out = append(out, a.SHA256)
			}
		}
	}
	return out
}

// merger is one merge in progress, inside the batch.
type merger struct {
	b       *Batch
	opt     MergeOptions
	sum     *MergeSummary
	audit   []model.AuditEntry
	carried map[string]string // record ID → the sender's ancestor
	// history is, by record ID, every version the sender's own audit
	// entries say the record had.
	history map[string][]string
	// settledThere are, by record ID, the versions the sender settled
	// conflicts against (Bundle.Settled).
	settledThere map[string][]string
	// entities maps an incoming entity's ID to the entity here: itself, or
	// one already here with the same identifier (IMO, IBAN...).
	entities map[string]string
	// caseRefs is each incoming case's ref here.
	caseRefs map[string]string
	// attachments maps an incoming exhibit's file to the attachment here
	// that is the same file (by UUID, or by SHA-256 when both sides
	// attached it apart), for the reviews of it.
	attachments map[string]string
	// travelled are the records merged, whose merged version becomes the
	// ancestor; held are the ancestors of records left in conflict.
	travelled []typeID
	held      map[typeID]string
	// anyCase is the case a conflict on a shared record (an entity, a
	// relation) is listed under.
	anyCase string
	// names names the records in errors, as the bundle names them.
	names model.Names
}

type typeID struct{ typ, id string }

func newMerger(b *Batch, in Bundle, opt MergeOptions) *merger {
	m := &merger{b: b, opt: opt, sum: &MergeSummary{}, audit: in.Audit, carried: in.Bases, history: map[string][]string{},
		entities: map[string]string{}, caseRefs: map[string]string{}, attachments: map[string]string{}, held: map[typeID]string{}, settledThere: in.Settled}
	if m.settledThere == nil {
		m.settledThere = map[string][]string{}
	}
	// The versions the sender's records have had are its own entries'.
	// Those it kept from others (ours among them) say only that it
	// received them: sending ours back, with a conflict on it still open
	// there, is no sign that it took ours.
	for _, e := range in.Audit {
		if e.After != "" && e.Workspace != b.workspace && (in.Workspace == "" || e.Workspace == in.Workspace) {
			m.history[e.RecordID] = append(m.history[e.RecordID], e.After)
		}
	}
	if m.carried == nil {
		m.carried = map[string]string{}
	}
	for _, r := range in.Records {
		if r.RecordKind() == model.RecordCase {
			m.anyCase = r.RecordID()
			break
		}
	}
	return m
}

// run merges the records kind by kind, then keeps the other side's audit
// entries and remembers the ancestors.
func (m *merger) run(byKind map[string][]model.Recorded) error {
	if err := m.checkBelonging(byKind); err != nil {
		return err
	}
	for _, k := range model.Kinds {
		if err := m.kind(k, byKind[k.Name]); err != nil {
			return err
		}
	}
	if err := m.settleAgreed(); err != nil {
		return err
	}
	if err := m.keepAudit(); err != nil {
		return err
	}
	return m.rememberBases()
}

// kind merges the incoming records of one kind. A record that must come
// after another of its kind (a custody event after the one it corrects)
// waits for it.
func (m *merger) kind(k model.Kind, records []model.Recorded) error {
	rule := appKinds[k.Name].merge
	if rule == nil { // travels inside another record; validateIncoming refused any on its own
		return nil
	}
	pending := slices.Clone(records)
	if rule.order != nil {
		slices.SortStableFunc(pending, rule.order)
	}
	for len(pending) > 0 {
		var later []model.Recorded
		for _, r := range pending {
			if rule.after != nil {
				if first := rule.after(r); first != "" && !m.has(k.Name, first) {
					later = append(later, r)
					continue
				}
			}
			if err := m.record(rule, r); err != nil {
				return fmt.Errorf("%s: %w", model.Label(r, m.names, false), err)
			}
		}
		if len(later) == len(pending) {
			return fmt.Errorf("%s %s", model.Label(later[0], m.names, false), rule.stuck)
		}
		pending = later
	}
	return nil
}

// record merges one incoming record the way its kind says.
func (m *merger) record(rule *mergeRule, r model.Recorded) error {
	if rule.prepare != nil {
		if here, err := rule.prepare(m, r); err != nil || here {
			return err
		}
	}
	insert := func() error { return m.b.add(r) }
	if rule.insert != nil {
		insert = func() error { return rule.insert(m, r) }
	}
	if err := m.merge(r, insert); err != nil {
		return err
	}
	if rule.merged != nil {
		return rule.merged(m, r)
	}
	return nil
}

func (m *merger) has(typ, id string) bool {
	_, _, found, _ := m.b.storedRecord(typ, id)
	return found
}

// keepAudit keeps the other side's audit entries that are new here.
func (m *merger) keepAudit() error {
	for _, e := range m.audit {
		added, err := m.b.addForeignAudit(e)
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

// merge merges one incoming record with the workspace's; insert adds it
// when the workspace does not have it.
func (m *merger) merge(r model.Recorded, insert func() error) error {
	kind, id := model.KindOf(r), r.RecordID()
	typ := kind.Name
	incoming := recordJSON(r)
	local, caseID, found, err := m.b.storedRecord(typ, id)
	if err != nil {
		return err
	}
	if !found {
		if err := insert(); err != nil {
			return err
		}
		m.sum.Added++
		m.travelled = append(m.travelled, typeID{typ, id})
		return nil
	}
	m.travelled = append(m.travelled, typeID{typ, id})
	if kind.AppendOnly {
		m.sum.Unchanged++
		return nil
	}
	if sameVersion(kind, local, incoming) {
		// The same values on both sides: both keep the later last change,
		// so that both hold the same record, and a conflict on it closes.
		m.sum.Unchanged++
		if laterChange(incoming, local) {
			if err := m.b.saveMerged(typ, []byte(incoming)); err != nil {
				return err
			}
		}
		return m.settled(typ, id)
	}
	// What each side has known of the record: its audit trail's versions
	// (the sender's travel in the package) and the version each side last
	// exchanged. Ours is an ancestor of theirs: take theirs; theirs of
	// ours: keep ours; else merge against the last version both knew.
	localBase, _, err := m.b.tx.ExchangeBase(typ, id)
	if err != nil {
		return err
	}
	ours, err := m.b.tx.RecordVersions(typ, id)
	if err != nil {
		return err
	}
	ours = append(ours, localBase)
	theirs := append(slices.Clone(m.history[id]), m.carried[id])
	theirs = append(theirs, m.settledThere[id]...)
	if containsVersion(kind, theirs, local) {
		// Changed on their side only, after they saw ours: theirs stands,
		// and a conflict open here on the record was settled there (a
		// resolution is a change the partner receives).
		m.sum.Updated++
		if err := m.b.saveMerged(typ, []byte(incoming)); err != nil {
			return err
		}
		return m.settled(typ, id)
	}
	if containsVersion(kind, ours, incoming) { // changed on our side only
		m.sum.Unchanged++
		return nil
	}
	// With no version both have known, every field the two changed
	// differently is a conflict: neither side's last-sent version is an
	// ancestor the other ever saw.
	ancestor := latestCommon(kind, ours, theirs)
	return m.threeWay(kind, id, caseID, local, incoming, ancestor)
}

// threeWay merges a record changed on both sides, field by field.
func (m *merger) threeWay(kind model.Kind, id, caseID, local, incoming, ancestor string) error {
	typ := kind.Name
	mine, theirs, base := fieldsOf(local), fieldsOf(incoming), fieldsOf(ancestor)
	merged, held := fieldsOf(local), fieldsOf(local)
	var conflicting, takenFields, keptFields []string
	for _, k := range keysOf(mine, theirs, base) {
		if kind.FixedField(k) || equalValue(mine[k], theirs[k]) {
			continue
		}
		switch {
		case ancestor != "" && equalValue(base[k], mine[k]): // only theirs changed it
			takenFields = append(takenFields, k)
		case ancestor != "" && equalValue(base[k], theirs[k]): // only ours changed it
			keptFields = append(keptFields, k)
		default:
			conflicting = append(conflicting, k)
		}
	}
	// A removal on one side and an edit on the other is a conflict: the
	// officer says whether the record goes, with the edit, or stays.
	if removedOneSideEditedOther(takenFields, keptFields) {
		takenFields = slices.DeleteFunc(takenFields, func(k string) bool { return k == removedField })
		conflicting = append(conflicting, removedField)
	}
	for _, k := range takenFields {
		set(merged, k, theirs[k])
		set(held, k, theirs[k])
	}
	for _, k := range conflicting {
		set(held, k, base[k])
	}
	taken := len(takenFields) > 0
	if taken {
		later := local
		if laterChange(incoming, local) {
			later = incoming
		}
		lf := fieldsOf(later)
		merged["updated_at"], merged["updated_by"] = lf["updated_at"], lf["updated_by"]
		js, _ := json.Marshal(merged)
		if err := m.b.saveMerged(typ, js); err != nil {
			return err
		}
	}
	if len(conflicting) == 0 {
		m.sum.Updated++
		return m.settled(typ, id)
	}
	// The ancestor remembered keeps the conflicting fields as they were, so
	// that the conflict stands until the officer settles it.
	js, _ := json.Marshal(held)
	m.held[typeID{typ, id}] = string(js)
	if caseID == "" {
		caseID = m.anyCase
	}
	raised, err := m.b.raiseConflict(&model.Conflict{RecordType: typ, RecordID: id, CaseID: caseID, Incoming: incoming,
		Base: ancestor, Fields: conflicting, FromKey: m.opt.FromKey, FromPackage: m.opt.From.Package})
	if err != nil {
		return err
	}
	if raised {
		m.sum.Conflicts++
	} else {
		m.sum.Unchanged++ // the same conflict, already waiting
	}
	return nil
}

// rememberBases makes each merged record's version the ancestor of the
// next merge.
func (m *merger) rememberBases() error {
	for _, r := range m.travelled {
		js, ok := m.held[r]
		if !ok {
			var found bool
			var err error
			if js, _, found, err = m.b.storedRecord(r.typ, r.id); err != nil {
				return err
			} else if !found {
				continue
			}
		}
		if err := m.b.setExchangeBase(r.typ, r.id, js); err != nil {
			return err
		}
	}
	return nil
}
