package search

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"bollard/model"
)

// The recall test: testdata/recall.tsv holds the queries investigators
// type (misspelt, unaccented, reordered, identifiers in part, with digits
// wrong, with their printed spaces, in Cyrillic or Greek or in their Latin
// transliteration), each with the record it must find in the top 5, among
// about 2,000 records: the records sought, decoys made to be confused with
// them (similar names, container numbers a digit apart), and synthetic
// records of every kind around them. Run with -v to see each query's rank.

// recallCorpus builds the fixed corpus.
func recallCorpus() []Doc {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	var docs []Doc
	n := 0
	id := func() model.Record {
		n++
		return model.Record{ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", n), CreatedAt: at, CreatedBy: model.Author{Name: "Ana Ruiz"}}
	}
	ent := func(k model.EntityKind, name string, set func(*model.Entity)) {
		e := model.Entity{Record: id(), Kind: k, Name: name}
		if set != nil {
			set(&e)
		}
		docs = append(docs, EntityDoc(e))
	}
	person := func(name, country string, aliases ...string) {
		ent(model.KindPerson, name, func(e *model.Entity) { e.Country, e.Aliases = country, aliases })
	}
	org := func(name, country string, set func(*model.Entity)) {
		ent(model.KindOrganisation, name, func(e *model.Entity) {
			e.Country = country
			if set != nil {
				set(e)
			}
		})
	}
	vessel := func(name, imo, mmsi, flag string) {
		ent(model.KindVessel, name, func(e *model.Entity) { e.IMO, e.MMSI, e.Flag = imo, mmsi, flag })
	}
	box := func(number string) {
		ent(model.KindContainer, number, func(e *model.Entity) { e.ContainerNumber = number })
	}
	account := func(name, iban string) {
		ent(model.KindBankAccount, name, func(e *model.Entity) { e.IBAN = iban })
	}
	phone := func(number string) {
		ent(model.KindPhone, number, func(e *model.Entity) { e.Phone = number })
	}

	// the companies, and companies named like them
	org("Muñoz Rojas Trading S.A.", "CO", func(e *model.Entity) { e.VATNumber, e.Aliases = "CO900123456", []string{"MRT"} })
	org("Munoz Rosas Trading S.A.S.", "CO", nil)
	org("Rojas Muñiz Logistics", "EC", nil)
	org("Hafenlogistik Groß GmbH", "DE", func(e *model.Entity) { e.EORI = "DE123456789012345" })
	org("Hafenlogistik Grass GmbH", "DE", nil)
	org("Đorđević Transport d.o.o.", "RS", nil)
	org("Œuvre Textiles SARL", "FR", nil)
	org("Atlántico Bananas Export S.A.", "EC", func(e *model.Entity) { e.RegistrationNumber = "R0991234567001" })

	// the people, and people named like them
	person("María José García Muñoz", "ES")
	person("María José García Núñez", "ES")
	person("José Luis Gonçalves", "PT")
	person("José Luis Gonzales", "MX")
	person("Łukasz Wiśniewski", "PL")
	person("Jürgen Strauß", "DE")
	person("Jürgen Strauch", "DE")
	person("Дмитрий Иванов", "RU", "Dmitri Ivanov")
	person("Сергей Щербаков", "RU")
	person("Сергей Щербатов", "RU")
	person("Γεώργιος Παπαδόπουλος", "GR")
	person("Ευάγγελος Νικολάου", "GR")
	person("Søren Ødegaard", "DK")
	person("Çağlar Yılmaz", "TR")
	person("Siobhán O'Brien", "IE")
	person("Chukwuemeka Okafor", "NG")
	person("Nguyễn Thị Hương", "VN")
	person("Bjørn Ærsøe", "DK")
	person("Ahmet Kılıç", "TR")
	person("Hans Müller-Lüdenscheidt", "DE")
	person("Pedro Muñoz Rojas", "CO")

	// the vessels, and vessels named like them
	vessel("MSC AURORA", "9074729", "636012345", "LR")
	vessel("MSC AURIGA", "9074731", "636012346", "LR")
	vessel("MAERSK AURORA", "9434712", "219012345", "DK")
	vessel("CMA CGM LISBOA", "9454436", "228012345", "FR")

	// the containers, and containers a digit or two apart
	for _, b := range []string{"MSCU1234566", "MSCU1234576", "MSCU1243566", "MSCU2234566", "MSKU1234566", "TGHU7654321", "TGHU7654312"} {
		box(b)
	}

	// the accounts, phones and others
	account("Cuenta Muñoz Rojas", "ES9121000418450200051332")
	account("ES9121000418450200051334", "ES9121000418450200051334")
	account("Konto Hafenlogistik", "DE89370400440532013000")
	phone("+442079460958")
	phone("+442079460959")
	phone("+442079460985")
	ent(model.KindEmail, "j.okafor@protonmail.com", func(e *model.Entity) { e.Email = "j.okafor@protonmail.com" })
	ent(model.KindVehicle, "Volkswagen Passat 1234 BCD", func(e *model.Entity) { e.Plate, e.VIN = "1234BCD", "WVWZZZ1JZXW000001" })
	ent(model.KindAddress, "Kaaistraat 12, 2000 Antwerpen", nil)

	// the case and what hangs from it
	const ref = "ESA-2026-0001"
	docs = append(docs, CaseDoc(model.Case{Record: id(), Ref: ref, Title: "Cocaine in reefer containers from Guayaquil",
		OperationName: "Operation Tidewater", Status: model.StatusActive, Corridor: model.CorridorEULAC}))
	docs = append(docs, CaseDoc(model.Case{Record: id(), Ref: "ESA-2026-0002", Title: "Cigarettes through Algeciras",
		OperationName: "Operation Cormorant", Status: model.StatusOpen, Corridor: model.CorridorIntraEU}))
	docs = append(docs, SeizureDoc(model.Seizure{Record: id(), Ref: "SZ-0001", SeizedAt: at, PlaceName: "Antwerp", LOCODE: "BEANR",
		Description: "cocaine in banana boxes", ContainerNumbers: []string{"MSCU1234566"}, SealNumbers: []string{"EU1234567"},
		TransportDocument: "MEDUGY123456"}, ref))
	docs = append(docs, EvidenceDoc(model.EvidenceItem{Record: id(), ExhibitRef: ref + "/EX-003", Description: "Photographs of the reefer insulation",
		Kind: model.EvidencePhoto, Attachments: []model.Attachment{{Name: "IMG_2041.jpg"}, {Name: "scanner_report.pdf"}}}, ref))
	docs = append(docs, TaskDoc(model.Task{Record: id(), Kind: model.TaskAssistanceRequest, Title: "Request bank records of Muñoz Rojas Trading",
		Partner: "AEAT", LegalBasis: "Naples II, art. 10", Status: model.TaskSent}, ref))
	docs = append(docs, NoteDoc(model.Note{Record: id(), Body: "Informant says the Tidewater consignment arrives on the MSC AURORA.\nCheck the reefer plugs."}, ref))

	// and around them, records of every kind
	filler := newCorpus(11).docs(1900)
	return append(docs, filler...)
}

// recallCase is one line of testdata/recall.tsv.
type recallCase struct {
	query, want, why string
	line             int
}

func readRecall(t *testing.T) []recallCase {
	t.Helper()
	f, err := os.Open("testdata/recall.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []recallCase
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) != 3 {
			t.Fatalf("recall.tsv:%d: want query, expected record and why, tab-separated", line)
		}
		out = append(out, recallCase{query: cols[0], want: cols[1], why: cols[2], line: line})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRecall(t *testing.T) {
	docs := recallCorpus()
	ix := New()
	ix.Put(docs...)
	known := map[string]bool{}
	for _, d := range docs {
		known[d.ID], known[d.Title] = true, true
	}
	cases := readRecall(t)
	if len(cases) < 60 {
		t.Errorf("recall.tsv has %d queries, want at least 60", len(cases))
	}
	found := 0
	for _, c := range cases {
		if !known[c.want] {
			t.Errorf("recall.tsv:%d: no record has the ID or title %q", c.line, c.want)
			continue
		}
		hits, err := ix.Search(context.Background(), c.query, Options{Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		r := 0
		for i, h := range hits {
			if h.Doc.ID == c.want || h.Doc.Title == c.want {
				r = i + 1
				break
			}
		}
		if r >= 1 && r <= 5 {
			found++
			t.Logf("rank %d  %-36q → %s (%s)", r, c.query, c.want, c.why)
			continue
		}
		var top []string
		for _, h := range hits[:min(5, len(hits))] {
			top = append(top, h.Doc.Title)
		}
		t.Errorf("recall.tsv:%d: %q (%s) should find %q in the top 5; rank %d, top 5 %q", c.line, c.query, c.why, c.want, r, top)
	}
	t.Logf("%d of %d queries found their record in the top 5, among %d records", found, len(cases), len(docs))
}
