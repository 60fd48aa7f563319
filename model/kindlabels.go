package model

import (
	"encoding/json"
	"fmt"
)

// Names tells a record's label what the records it points at are called,
// so that a finding, a history line or a conflict reads "seizure
// ESA-2026-0001/SZ-0004" or "relation person Jorge Muñoz owns organisation
// Muñoz Trading SL" instead of UUIDs. Each method falls back to something
// that still tells the record apart when the ID is not known.
type Names interface {
	// CaseRef is the ref of the case with that ID: "ESA-2026-0001".
	CaseRef(caseID string) string
	// Entity is the entity with that ID as its own label reads:
	// "person Jorge Muñoz".
	Entity(entityID string) string
	// Exhibit is the exhibit ref of the evidence item with that ID:
	// "ESA-2026-0001/EX-001".
	Exhibit(itemID string) string
}

// Label names a record for an officer, as its kind's entry in Kinds says.
// withCase names the case of a record that belongs to one ("seizure
// ESA-2026-0001/SZ-0004", "task “Request bank records” of ESA-2026-0001");
// without it the label is for a reader who knows the case already
// ("seizure SZ-0004").
func Label(r Recorded, n Names, withCase bool) string {
	return KindOf(r).Label(r, n, withCase)
}

// LabelJSON names a record of that kind from its JSON: an audit entry's
// before or after, a stored record, a conflict's incoming record. JSON
// that does not read as the kind (empty, or written outside Bollard) and a
// kind that is not in Kinds give "<kind> <id>", which still tells the
// record apart.
func LabelJSON(kind, id, recordJSON string, n Names, withCase bool) string {
	r, err := RecordFromJSON(kind, recordJSON)
	if err != nil {
		return kind + " " + id
	}
	return Label(r, n, withCase)
}

// RecordFromJSON reads a record of that kind from its JSON, as the audit
// trail and case packages carry it.
func RecordFromJSON(kind, recordJSON string) (Recorded, error) {
	k, ok := KindNamed(kind)
	if !ok {
		return nil, fmt.Errorf("read a %s: not a kind of record a case holds", kind)
	}
	r := k.New()
	if err := json.Unmarshal([]byte(recordJSON), r); err != nil {
		return nil, fmt.Errorf("read a %s: %w", kind, err)
	}
	return r, nil
}

// ofCase ends a label with the case it belongs to, when asked to.
func ofCase(label, caseID string, n Names, withCase bool) string {
	if !withCase {
		return label
	}
	return label + " of " + n.CaseRef(caseID)
}

// labelCase: "case ESA-2026-0001".
func labelCase(r Recorded, _ Names, _ bool) string {
	return "case " + r.(*Case).Ref
}

// labelEntity: "person Jorge Muñoz", "bank account ES91 2100 0418 4502 0005 1332".
func labelEntity(r Recorded, _ Names, _ bool) string {
	e := r.(*Entity)
	return e.Kind.Label() + " " + e.Name
}

// labelCaseLink: "link of person Jorge Muñoz to ESA-2026-0001 as consignee".
func labelCaseLink(r Recorded, n Names, withCase bool) string {
	l := r.(*CaseLink)
	if !withCase {
		return fmt.Sprintf("link of %s as %s", n.Entity(l.EntityID), l.Role.Label())
	}
	return fmt.Sprintf("link of %s to %s as %s", n.Entity(l.EntityID), n.CaseRef(l.CaseID), l.Role.Label())
}

// labelRelation: "relation person Jorge Muñoz owns organisation Muñoz
// Trading SL". A relation ties entities, which belong to no one case.
func labelRelation(r Recorded, n Names, _ bool) string {
	rel := r.(*Relation)
	return fmt.Sprintf("relation %s %s %s", n.Entity(rel.FromID), labelOf(nil, rel.Type), n.Entity(rel.ToID))
}

// labelSeizure: "seizure ESA-2026-0001/SZ-0004", or "seizure SZ-0004".
func labelSeizure(r Recorded, n Names, withCase bool) string {
	s := r.(*Seizure)
	if !withCase {
		return "seizure " + s.Ref
	}
	return "seizure " + n.CaseRef(s.CaseID) + "/" + s.Ref
}

// labelEvent: "timeline event “Container unloaded” of ESA-2026-0001".
func labelEvent(r Recorded, n Names, withCase bool) string {
	e := r.(*TimelineEvent)
	return ofCase(RecordEvent+" “"+e.Title+"”", e.CaseID, n, withCase)
}

// labelTask: "task “Request bank records” of ESA-2026-0001".
func labelTask(r Recorded, n Names, withCase bool) string {
	t := r.(*Task)
	return ofCase(RecordTask+" “"+t.Title+"”", t.CaseID, n, withCase)
}

// labelNote: "note 3f2b8c1e-… of ESA-2026-0001". Notes have no title and
// may say the same thing twice: the ID tells them apart.
func labelNote(r Recorded, n Names, withCase bool) string {
	note := r.(*Note)
	return ofCase("note "+note.ID, note.CaseID, n, withCase)
}

// labelEvidence: "exhibit ESA-2026-0001/EX-001"; the exhibit ref holds its
// case's ref already.
func labelEvidence(r Recorded, _ Names, _ bool) string {
	return "exhibit " + r.(*EvidenceItem).ExhibitRef
}

// labelAttachment: "attachment IMG_2041.jpg of exhibit ESA-2026-0001/EX-001".
func labelAttachment(r Recorded, n Names, _ bool) string {
	a := r.(*Attachment)
	return "attachment " + a.Name + " of exhibit " + n.Exhibit(a.ItemID)
}

// labelCustody: "custody event (sealed, 2026-11-27 09:30) of exhibit
// ESA-2026-0001/EX-001".
func labelCustody(r Recorded, n Names, _ bool) string {
	c := r.(*CustodyEvent)
	return fmt.Sprintf("custody event (%s, %s) of exhibit %s", c.Action.Label(), c.At.UTC().Format("2006-01-02 15:04"), n.Exhibit(c.ItemID))
}

// labelReview: "review of attachment 3f2b8c1e-… of exhibit
// ESA-2026-0001/EX-001". The review names its file by ID, not by name: a
// file is often named after the person in it.
func labelReview(r Recorded, n Names, _ bool) string {
	v := r.(*AttachmentReview)
	return "review of attachment " + v.AttachmentID + " of exhibit " + n.Exhibit(v.ItemID)
}
