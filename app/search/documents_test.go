package search

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"bollard/model"
)

func TestEntityDocHoldsEveryIdentifier(t *testing.T) {
	e := model.Entity{
		Record: model.Record{ID: "e1"}, Kind: model.KindVessel, Name: "MSC AURORA", Aliases: []string{"AURORA I"}, Country: "PA",
		Identifiers: model.Identifiers{
			DocumentNumber: "P123", RegistrationNumber: "R456", VATNumber: "ESB12345678", EORI: "ES12345678901", LEI: "5493001KJTIIGC8Y1R12",
			IMO: "9074729", MMSI: "636012345", CallSign: "D5AB7", ContainerNumber: "MSCU1234566", Plate: "1234BCD",
			VIN: "WVWZZZ1JZXW000001", Phone: "+442079460958", Email: "ops@example.com", IBAN: "ES9121000418450200051332",
			WalletAddress: "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh",
		},
	}
	d := EntityDoc(e)
	want := []string{
		"MSC AURORA", "AURORA I", "P123", "R456", "ESB12345678", "ES12345678901", "5493001KJTIIGC8Y1R12",
		"IMO 9074729", "MMSI 636012345", "D5AB7", "MSCU1234566", "1234BCD", "WVWZZZ1JZXW000001",
		"+442079460958", "ops@example.com", "ES91 2100 0418 4502 0005 1332", "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh",
	}
	if !slices.Equal(d.Fields, want) {
		t.Errorf("Fields = %q\nwant     %q", d.Fields, want)
	}
	if d.ID != "e1" || d.Kind != KindEntity || d.Title != "MSC AURORA" || d.CaseRef != "" {
		t.Errorf("EntityDoc = %+v", d)
	}
	if d.Context != "vessel · PA · IMO 9074729" {
		t.Errorf("Context = %q", d.Context)
	}
	// an identifier that is also the name is indexed once
	box := EntityDoc(model.Entity{Record: model.Record{ID: "e2"}, Kind: model.KindContainer, Name: "MSCU1234566", Identifiers: model.Identifiers{ContainerNumber: "MSCU1234566"}})
	if !slices.Equal(box.Fields, []string{"MSCU1234566"}) {
		t.Errorf("container Fields = %q", box.Fields)
	}
}

func TestRecordDocs(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	c := CaseDoc(model.Case{Record: model.Record{ID: "c1"}, Ref: "ESA-2026-0001", Title: "Cocaine in reefers", OperationName: "Operation Tidewater",
		Status: model.StatusActive, Corridor: model.CorridorEULAC, LeadAgency: "AEAT", Summary: "Reefers from Guayaquil."})
	if c.Title != "ESA-2026-0001 Cocaine in reefers" || c.CaseRef != "ESA-2026-0001" || c.Kind != KindCase ||
		!slices.Equal(c.Fields, []string{"ESA-2026-0001", "Cocaine in reefers", "Operation Tidewater", "Reefers from Guayaquil."}) {
		t.Errorf("CaseDoc = %+v", c)
	}
	s := SeizureDoc(model.Seizure{Record: model.Record{ID: "s1"}, Ref: "SZ-0001", SeizedAt: at, PlaceName: "Antwerp", LOCODE: "BEANR",
		Description: "cocaine in banana boxes", ContainerNumbers: []string{"MSCU1234566", "TGHU7654321"}, SealNumbers: []string{"EU1234567"},
		TransportDocument: "MEDUGY123456"}, "ESA-2026-0001")
	if s.Context != "seizure SZ-0001 in ESA-2026-0001 · Antwerp (BEANR) · 2026-03-02" || s.CaseRef != "ESA-2026-0001" {
		t.Errorf("SeizureDoc context %q", s.Context)
	}
	for _, f := range []string{"ESA-2026-0001 SZ-0001", "MSCU1234566", "TGHU7654321", "EU1234567", "MEDUGY123456", "BEANR", "Antwerp"} {
		if !slices.Contains(s.Fields, f) {
			t.Errorf("SeizureDoc fields %q lack %q", s.Fields, f)
		}
	}
	ev := EvidenceDoc(model.EvidenceItem{Record: model.Record{ID: "x1"}, ExhibitRef: "ESA-2026-0001/EX-003", Description: "Photographs",
		Kind: model.EvidencePhoto, Attachments: []model.Attachment{{Name: "IMG_2041.jpg"}, {Name: "report.pdf"}}}, "ESA-2026-0001")
	if !slices.Contains(ev.Fields, "IMG_2041.jpg") || !slices.Contains(ev.Fields, "report.pdf") || ev.Kind != KindEvidence {
		t.Errorf("EvidenceDoc = %+v", ev)
	}
	task := TaskDoc(model.Task{Record: model.Record{ID: "t1"}, Kind: model.TaskAssistanceRequest, Title: "Bank records", Partner: "HMRC",
		Status: model.TaskSent, DueOn: model.Date{Year: 2026, Month: 4, Day: 1}}, "ESA-2026-0001")
	if task.Context != "assistance request to HMRC in ESA-2026-0001 · sent · due 2026-04-01" {
		t.Errorf("TaskDoc context %q", task.Context)
	}
}

func TestNoteDocLines(t *testing.T) {
	long := strings.Repeat("word ", 200) + "needle"
	n := NoteDoc(model.Note{Record: model.Record{ID: "n1"}, Body: "First line about the AURORA\n\n  second line  \n" + long}, "ESA-2026-0001")
	if n.Title != "First line about the AURORA" || n.Fields[1] != "second line" {
		t.Errorf("NoteDoc = title %q fields %q", n.Title, n.Fields[:2])
	}
	for _, f := range n.Fields {
		if len(f) > noteLineMax {
			t.Errorf("a field of %d bytes", len(f))
		}
	}
	ix := New()
	ix.Put(n)
	hits := search(t, ix, "needle", Options{})
	if len(hits) != 1 || !strings.Contains(hits[0].Doc.Fields[hits[0].Field], "needle") {
		t.Errorf("a word deep in a long line: %+v", hits)
	}
	if got := NoteDoc(model.Note{Body: strings.Repeat("é", 500)}, "").Title; len([]rune(got)) != 80 || !strings.HasSuffix(got, "…") {
		t.Errorf("long title %q", got)
	}
}

func TestDocsFromRecordsAreFound(t *testing.T) {
	ix := New()
	ix.Put(EntityDoc(model.Entity{Record: model.Record{ID: "a1"}, Kind: model.KindBankAccount, Name: "Cuenta", Identifiers: model.Identifiers{IBAN: "ES9121000418450200051332"}}))
	for _, q := range []string{"ES91 2100 0418 4502 0005 1332", "es9121000418450200051332", "0418 4502"} {
		hits, _ := ix.Search(context.Background(), q, Options{})
		if len(hits) != 1 {
			t.Errorf("%q found %d", q, len(hits))
		}
	}
}
