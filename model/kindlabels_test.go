package model

import (
	"encoding/json"
	"testing"
	"time"
)

// fakeNames names the few records the labels below point at.
type fakeNames struct{}

func (fakeNames) CaseRef(id string) string {
	if id == "case-1" {
		return "ESA-2026-0001"
	}
	return "case " + id
}

func (fakeNames) Entity(id string) string {
	switch id {
	case "jorge":
		return "person Jorge Muñoz"
	case "trading":
		return "organisation Muñoz Trading SL"
	}
	return "entity " + id
}

func (fakeNames) Exhibit(id string) string {
	if id == "item-1" {
		return "ESA-2026-0001/EX-001"
	}
	return id
}

// Every kind in the table is named, with its case and without, the same
// from the record and from its JSON.
func TestEveryKindIsLabelled(t *testing.T) {
	at := time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)
	rec := Record{ID: "rec-1"}
	cases := map[string]struct {
		record            Recorded
		withCase, without string
	}{
		RecordCase: {&Case{Record: rec, Ref: "ESA-2026-0001"}, "case ESA-2026-0001", "case ESA-2026-0001"},
		RecordEntity: {&Entity{Record: rec, Kind: KindBankAccount, Name: "ES91 2100 0418 4502 0005 1332"},
			"bank account ES91 2100 0418 4502 0005 1332", "bank account ES91 2100 0418 4502 0005 1332"},
		RecordCaseLink: {&CaseLink{Record: rec, CaseID: "case-1", EntityID: "jorge", Role: RoleFreightForwader},
			"link of person Jorge Muñoz to ESA-2026-0001 as freight forwarder", "link of person Jorge Muñoz as freight forwarder"},
		RecordRelation: {&Relation{Record: rec, FromID: "jorge", ToID: "trading", Type: RelLocatedAt},
			"relation person Jorge Muñoz located at organisation Muñoz Trading SL",
			"relation person Jorge Muñoz located at organisation Muñoz Trading SL"},
		RecordSeizure: {&Seizure{Record: rec, CaseID: "case-1", Ref: "SZ-0004"}, "seizure ESA-2026-0001/SZ-0004", "seizure SZ-0004"},
		RecordEvent: {&TimelineEvent{Record: rec, CaseID: "case-1", Title: "Container unloaded"},
			"timeline event “Container unloaded” of ESA-2026-0001", "timeline event “Container unloaded”"},
		RecordTask: {&Task{Record: rec, CaseID: "case-1", Title: "Request bank records"},
			"task “Request bank records” of ESA-2026-0001", "task “Request bank records”"},
		RecordNote:     {&Note{Record: rec, CaseID: "case-1", Body: "Reefer booked twice"}, "note rec-1 of ESA-2026-0001", "note rec-1"},
		RecordEvidence: {&EvidenceItem{Record: rec, CaseID: "case-1", ExhibitRef: "ESA-2026-0001/EX-001"}, "exhibit ESA-2026-0001/EX-001", "exhibit ESA-2026-0001/EX-001"},
		RecordAttachment: {&Attachment{ID: "rec-1", ItemID: "item-1", Name: "IMG_2041.jpg"},
			"attachment IMG_2041.jpg of exhibit ESA-2026-0001/EX-001", "attachment IMG_2041.jpg of exhibit ESA-2026-0001/EX-001"},
		RecordCustody: {&CustodyEvent{Record: rec, ItemID: "item-1", Action: CustodySealed, At: at.In(time.FixedZone("CET", 3600))},
			"custody event (sealed, 2026-11-27 09:30) of exhibit ESA-2026-0001/EX-001",
			"custody event (sealed, 2026-11-27 09:30) of exhibit ESA-2026-0001/EX-001"},
		RecordAttachmentReview: {&AttachmentReview{Record: rec, CaseID: "case-1", ItemID: "item-1", AttachmentID: "att-1", Shows: ShowsPersons},
			"review of attachment att-1 of exhibit ESA-2026-0001/EX-001", "review of attachment att-1 of exhibit ESA-2026-0001/EX-001"},
	}
	for _, k := range Kinds {
		t.Run(k.Name, func(t *testing.T) {
			c, ok := cases[k.Name]
			if !ok {
				t.Fatalf("kind %q has no label to check", k.Name)
			}
			if k.Label == nil {
				t.Fatalf("kind %q has no Label in Kinds", k.Name)
			}
			if got := Label(c.record, fakeNames{}, true); got != c.withCase {
				t.Errorf("with its case: %q, want %q", got, c.withCase)
			}
			if got := Label(c.record, fakeNames{}, false); got != c.without {
				t.Errorf("without its case: %q, want %q", got, c.without)
			}
			js, err := json.Marshal(c.record)
			if err != nil {
				t.Fatal(err)
			}
			if got := LabelJSON(k.Name, "rec-1", string(js), fakeNames{}, true); got != c.withCase {
				t.Errorf("from its JSON: %q, want %q", got, c.withCase)
			}
		})
	}
}

// A record whose JSON does not read as its kind, and a kind not in the
// table, are named by kind and ID.
func TestLabelJSONFallsBackToKindAndID(t *testing.T) {
	for name, tc := range map[string]struct{ kind, json string }{
		"no JSON":             {RecordSeizure, ""},
		"not JSON":            {RecordSeizure, "{"},
		"a time that is not":  {RecordCustody, `{"at": "yesterday"}`},
		"a field of the kind": {RecordTask, `{"title": 42}`},
		"not a kind of case":  {"partner", `{"name": "J. Smith"}`},
	} {
		t.Run(name, func(t *testing.T) {
			if got, want := LabelJSON(tc.kind, "rec-1", tc.json, fakeNames{}, true), tc.kind+" rec-1"; got != want {
				t.Errorf("%q, want %q", got, want)
			}
		})
	}
}

// The names a label points at fall back to something that tells the
// record apart when they are not known.
func TestLabelNamesWhatItPointsAt(t *testing.T) {
	r := &Relation{FromID: "gone", ToID: "jorge", Type: RelOwns}
	if got, want := Label(r, fakeNames{}, true), "relation entity gone owns person Jorge Muñoz"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	s := &Seizure{CaseID: "other", Ref: "SZ-0001"}
	if got, want := Label(s, fakeNames{}, true), "seizure case other/SZ-0001"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
