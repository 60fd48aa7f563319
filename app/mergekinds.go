package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"bollard/model"
)

// mergeRule is what merging differs in from one kind of record to
// another: how one new here is added. The three-way merge itself
// (merger.merge) is the same for all, and records are named in its errors
// as everywhere else (model.Label).
type mergeRule struct {
	// prepare readies an incoming record before it is merged: the entities
	// it names become those here. here says the record is already in the
	// workspace in another form (the same vessel, under another UUID).
	prepare func(m *merger, r model.Recorded) (here bool, err error)
	// insert adds a record the workspace does not have, when the write
	// path's add is not enough.
	insert func(m *merger, r model.Recorded) error
	// merged runs once the record is merged: its ref here is noted, its
	// files added.
	merged func(m *merger, r model.Recorded) error
	// order sorts the kind's records before they are merged; after names
	// the record of the same kind one must follow (the custody event it
	// corrects), and stuck says why a record whose predecessor never comes
	// is refused.
	order func(a, b model.Recorded) int
	after func(r model.Recorded) string
	stuck string
}

// mergeRules are the merge's part of each kind's entry in appKinds; a
// kind without one (attachments) travels only with its exhibit.
var (
	mergeCase     = &mergeRule{insert: typed(insertCase), merged: typed(caseMerged)}
	mergeEntity   = &mergeRule{prepare: prepareEntity}
	mergeLink     = &mergeRule{prepare: typedPrepare(prepareLink)}
	mergeRelation = &mergeRule{prepare: typedPrepare(prepareRelation)}
	mergeSeizure  = &mergeRule{insert: typed(insertSeizure)}
	mergeExhibit  = &mergeRule{insert: typed(insertExhibit), merged: typed(exhibitMerged)}
	mergeCustody  = &mergeRule{
		insert: func(m *merger, r model.Recorded) error { return m.b.addAsRecorded(r) },
		order: func(a, b model.Recorded) int {
			return a.(*model.CustodyEvent).At.Compare(b.(*model.CustodyEvent).At)
		},
		after: func(r model.Recorded) string { return r.(*model.CustodyEvent).Corrects },
		stuck: "corrects an event that is neither here nor in the package"}
	mergeReview = &mergeRule{prepare: typedPrepare(prepareIncomingReview)}
	// mergeAdded is the rule of the kinds whose records are simply added.
	mergeAdded = &mergeRule{}
)

// insertCase adds a case, under a ref of this workspace's when its own is
// another case's here.
func insertCase(m *merger, in *model.Case) error {
	c := *in // errors name the case by the ref it came with
	if c.Ref != "" {
		if taken, err := m.b.refTaken(model.RecordCase, "", c.Ref); err != nil {
			return err
		} else if taken != "" {
			old := c.Ref
			c.Ref = ""
			defer func() { m.renumbered("case", old, c.Ref) }()
		}
	}
	return m.b.CreateCase(&c)
}

// caseMerged notes the case's ref here, which its seizures and exhibits
// are numbered under.
func caseMerged(m *merger, c *model.Case) error {
	here, err := m.b.Case(c.ID)
	if err != nil {
		return err
	}
	m.caseRefs[c.ID] = here.Ref
	m.sum.Refs = append(m.sum.Refs, here.Ref)
	return nil
}

// prepareEntity takes an entity new here that is the same vessel, account…
// as one already here (by an identifier that names one thing) as that
// one: linked to it, and ours kept.
func prepareEntity(m *merger, r model.Recorded) (bool, error) {
	e := r.(*model.Entity)
	if _, _, found, err := m.b.storedRecord(model.RecordEntity, e.ID); err != nil {
		return false, err
	} else if !found {
		same, ok, err := m.b.SameEntity(*e)
		if err != nil {
			return false, err
		}
		if ok {
			m.entities[e.ID] = same.ID
			m.sum.Unchanged++
			return true, nil
		}
	}
	m.entities[e.ID] = e.ID
	return false, nil
}

// prepareLink ties the link to the entity here. An entity has one link to
// a case: when the entity is linked here under another ID (the same vessel
// recorded on both sides and matched by its IMO, or a link made before
// links were named by their case and entity), the incoming link is a
// version of that one, and is merged with it, its role compared.
func prepareLink(m *merger, l *model.CaseLink) error {
	l.EntityID = m.entities[l.EntityID]
	if m.has(model.RecordCaseLink, l.ID) {
		return nil
	}
	here, err := m.b.tx.CaseLinkOf(l.CaseID, l.EntityID)
	if errors.Is(err, model.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	m.sameRecord(l.ID, here.ID)
	l.ID = here.ID
	// Made on each side apart, the two links were created at different
	// times: ours stays the link's creation, and theirs was saved no
	// earlier than that here.
	if l.UpdatedAt.Before(here.CreatedAt) {
		l.UpdatedAt = here.CreatedAt
	}
	return nil
}

// sameRecord takes what the package says of one record (its versions, its
// last-exchanged one) as said of the record here it is a version of.
func (m *merger) sameRecord(theirID, ourID string) {
	m.history[ourID] = append(m.history[ourID], m.history[theirID]...)
	m.settledThere[ourID] = append(m.settledThere[ourID], m.settledThere[theirID]...)
	if _, ok := m.carried[ourID]; !ok {
		m.carried[ourID] = m.carried[theirID]
	}
}

// prepareRelation ties the relation to the entities here.
func prepareRelation(m *merger, r *model.Relation) error {
	r.FromID, r.ToID = m.entities[r.FromID], m.entities[r.ToID]
	return nil
}

// insertSeizure adds a seizure, under the next ref of its case here when
// its own is another seizure's.
func insertSeizure(m *merger, s *model.Seizure) error {
	if s.Ref != "" {
		if taken, err := m.b.refTaken(model.RecordSeizure, s.CaseID, s.Ref); err != nil {
			return err
		} else if taken != "" {
			old := s.Ref
			s.Ref = ""
			defer func() { m.renumbered("seizure", m.caseRefs[s.CaseID]+" "+old, s.Ref) }()
		}
	}
	return m.b.AddSeizure(s)
}

// insertExhibit adds an exhibit, under the next exhibit ref of its case
// here when its own is taken or another case's.
func insertExhibit(m *merger, e *model.EvidenceItem) error {
	caseRef := m.caseRefs[e.CaseID]
	old := e.ExhibitRef
	if e.ExhibitRef != "" {
		taken, err := m.b.refTaken(model.RecordEvidence, e.CaseID, e.ExhibitRef)
		if err != nil {
			return err
		}
		if taken != "" || !strings.HasPrefix(strings.ToUpper(e.ExhibitRef), strings.ToUpper(caseRef)+"/EX-") {
			e.ExhibitRef = ""
		}
	}
	if err := m.b.AddEvidence(e); err != nil {
		return err
	}
	if old != "" && e.ExhibitRef != old {
		m.renumbered("exhibit", old, e.ExhibitRef)
	}
	return nil
}

// exhibitMerged adds the exhibit's files that are not attached here yet.
func exhibitMerged(m *merger, e *model.EvidenceItem) error {
	here, err := m.b.tx.EvidenceByID(e.ID)
	if err != nil {
		return err
	}
	for _, a := range e.Attachments {
		if i := slices.IndexFunc(here.Attachments, func(h model.Attachment) bool { return h.ID == a.ID || h.SHA256 == a.SHA256 }); i >= 0 {
			m.attachments[a.ID] = here.Attachments[i].ID // their review of it is of ours
			continue
		}
		a.ItemID = e.ID
		if err := m.b.addAsRecorded(&a); err != nil {
			return fmt.Errorf("file %s: %w", a.Name, err)
		}
		m.sum.Files++
	}
	return nil
}

// typed and typedPrepare adapt a function of one kind's record to any
// record of that kind.
func typed[P model.Recorded](fn func(*merger, P) error) func(*merger, model.Recorded) error {
	return func(m *merger, r model.Recorded) error { return fn(m, r.(P)) }
}

func typedPrepare[P model.Recorded](fn func(*merger, P) error) func(*merger, model.Recorded) (bool, error) {
	return func(m *merger, r model.Recorded) (bool, error) {
		return false, fn(m, r.(P))
	}
}
