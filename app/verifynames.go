package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"bollard/model"
)

// recordNames knows, for verify's findings, what the records it names are
// called by an investigator: a case by its ref, an entity by its name, an
// exhibit by its exhibit ref. It is filled in one pass over the workspace,
// only when there is something to report.
type recordNames struct {
	cases    map[string]string // case ID -> ref
	entities map[string]string // entity ID -> "person Jorge Muñoz"
	exhibits map[string]string // evidence item ID -> exhibit ref
}

func newRecordNames() *recordNames {
	return &recordNames{cases: map[string]string{}, entities: map[string]string{}, exhibits: map[string]string{}}
}

// learn remembers the name of a record, if it is of a kind others are named by.
func (n *recordNames) learn(recordType, id, recordJSON string) {
	switch recordType {
	case model.RecordCase, model.RecordEntity, model.RecordEvidence:
	default:
		return
	}
	var r struct {
		Ref        string `json:"ref"`
		Name       string `json:"name"`
		Kind       string `json:"kind"`
		ExhibitRef string `json:"exhibit_ref"`
	}
	if json.Unmarshal([]byte(recordJSON), &r) != nil {
		return
	}
	switch recordType {
	case model.RecordCase:
		n.cases[id] = r.Ref
	case model.RecordEntity:
		n.entities[id] = strings.ReplaceAll(r.Kind, "_", " ") + " " + r.Name
	case model.RecordEvidence:
		n.exhibits[id] = r.ExhibitRef
	}
}

func (n *recordNames) caseRef(id string) string {
	if ref := n.cases[id]; ref != "" {
		return ref
	}
	return "case " + id
}

func (n *recordNames) entity(id string) string {
	if name := n.entities[id]; name != "" {
		return name
	}
	return "entity " + id
}

func (n *recordNames) exhibit(id string) string {
	if ref := n.exhibits[id]; ref != "" {
		return ref
	}
	return id
}

// label names a record for a finding, with its case where it has one:
// "seizure DEMO-2026-0072/SZ-0001", "exhibit DEMO-2026-0072/EX-001",
// "task “Request bank records” of DEMO-2026-0072". recordJSON is the
// record as it is now or as its last audit entry left it.
func (n *recordNames) label(recordType, id, recordJSON string) string {
	var r struct {
		CaseID     string `json:"case_id"`
		ItemID     string `json:"item_id"`
		EntityID   string `json:"entity_id"`
		FromID     string `json:"from_id"`
		ToID       string `json:"to_id"`
		Ref        string `json:"ref"`
		ExhibitRef string `json:"exhibit_ref"`
		Name       string `json:"name"`
		Kind       string `json:"kind"`
		Title      string `json:"title"`
		Role       string `json:"role"`
		Type       string `json:"type"`
		Action     string `json:"action"`
		At         string `json:"at"`
		Agency     string `json:"agency"`
		PublicKey  string `json:"public_key"`
	}
	if recordJSON == "" || json.Unmarshal([]byte(recordJSON), &r) != nil {
		return recordType + " " + id
	}
	of := func(what string) string { return what + " of " + n.caseRef(r.CaseID) }
	switch recordType {
	case model.RecordCase:
		return "case " + r.Ref
	case model.RecordSeizure:
		return "seizure " + n.caseRef(r.CaseID) + "/" + r.Ref
	case model.RecordEvidence:
		return "exhibit " + r.ExhibitRef
	case model.RecordAttachment:
		return fmt.Sprintf("attachment %s of exhibit %s", r.Name, n.exhibit(r.ItemID))
	case model.RecordCustody:
		return fmt.Sprintf("custody event (%s, %s) of exhibit %s", r.Action, r.At, n.exhibit(r.ItemID))
	case model.RecordEntity:
		return strings.ReplaceAll(r.Kind, "_", " ") + " " + r.Name
	case model.RecordCaseLink:
		return fmt.Sprintf("link of %s to %s as %s", n.entity(r.EntityID), n.caseRef(r.CaseID), r.Role)
	case model.RecordRelation:
		return fmt.Sprintf("relation %s %s %s", n.entity(r.FromID), strings.ReplaceAll(r.Type, "_", " "), n.entity(r.ToID))
	case model.RecordTask, model.RecordEvent:
		return of(fmt.Sprintf("%s “%s”", recordType, r.Title))
	case model.RecordNote:
		return of("note " + id)
	case model.RecordPartner:
		return fmt.Sprintf("partner %s (%s, key %s)", r.Name, r.Agency, r.PublicKey)
	case model.RecordKey:
		return "the workspace's " + id + " key"
	}
	return recordType + " " + id
}

// fieldChanges lists, field by field, how a record now differs from what
// its last audit entry recorded: `description "40 kg" → "4 kg"`. Fields
// that are the same are left out; ignore names fields not compared. Values
// are compared decoded: a field whose bytes differ but whose value is the
// same (`"A&B"` and `"A\u0026B"`) is not a change of value, and is listed
// in reencoded instead: its bytes were rewritten outside Bollard.
func fieldChanges(recorded, now string, ignore map[string]bool) (changes string, reencoded []string) {
	var was, is map[string]json.RawMessage
	if json.Unmarshal([]byte(recorded), &was) != nil || json.Unmarshal([]byte(now), &is) != nil {
		return "", nil
	}
	keys := map[string]bool{}
	for k := range was {
		keys[k] = true
	}
	for k := range is {
		keys[k] = true
	}
	var names []string
	for k := range keys {
		if ignore[k] || bytes.Equal(was[k], is[k]) {
			continue
		}
		if sameValue(was[k], is[k]) {
			reencoded = append(reencoded, k)
			continue
		}
		names = append(names, k)
	}
	sort.Strings(names)
	sort.Strings(reencoded)
	var out []string
	for _, k := range names {
		out = append(out, fmt.Sprintf("%s %s → %s", k, shortValue(was[k]), shortValue(is[k])))
	}
	return strings.Join(out, "; "), reencoded
}

// sameValue reports whether two JSON values, present both, decode to the
// same value.
func sameValue(a, b json.RawMessage) bool {
	if a == nil || b == nil {
		return false
	}
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}

// shortValue writes a JSON value for a finding, cut to a readable length.
func shortValue(v json.RawMessage) string {
	if v == nil {
		return "(none)"
	}
	s := string(v)
	if r := []rune(s); len(r) > 80 {
		s = string(r[:80]) + "…"
	}
	return s
}
