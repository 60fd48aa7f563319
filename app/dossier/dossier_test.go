package dossier_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"bollard/app"
	"bollard/app/demo"
	"bollard/app/dossier"
	"bollard/model"
)

// withEvidence adds two exhibits to the case file, with photographs and a
// chain of custody, as the evidence register will hold them.
func withEvidence(t *testing.T, f app.CaseFile) (app.CaseFile, dossier.Options) {
	t.Helper()
	open, atts := writePhotos(t, 2, 640, 480, false)
	intact := false
	f.Evidence = []app.Exhibit{
		{
			Item: model.EvidenceItem{Record: model.Record{ID: "9d3c6f5e-1111-4222-8333-944455556666", UpdatedAt: testNow},
				ExhibitRef: f.Case.Ref + "/EX-001", Kind: model.EvidencePhoto, Description: "Photographs of the container door",
				SeizureID: f.Seizures[0].ID, StorageLocation: "Algeciras evidence room", SealNumber: "SVA-77812",
				Attachments: atts},
			Custody: []model.CustodyEvent{
				{Action: model.CustodySeized, At: testNow.Add(-5 * time.Hour), To: model.Author{Name: "Begoña Ibáñez Ruiz", Agency: "SVA"}, Place: "Algeciras"},
				{Action: model.CustodyTransferred, At: testNow.Add(-2 * time.Hour), From: model.Author{Name: "Begoña Ibáñez Ruiz", Agency: "SVA"},
					To: model.Author{Name: "Laboratorio de Aduanas", Agency: "AEAT"}, SealNumber: "SVA-77812", SealIntact: &intact},
			},
		},
		{Item: model.EvidenceItem{ExhibitRef: f.Case.Ref + "/EX-002", Kind: model.EvidenceDocument, Description: "Bill of lading MEDUGY123456"}},
	}
	return f, dossier.Options{Photo: open}
}

func TestDossierReadsBack(t *testing.T) {
	w := mustOpen(t)
	f, opt := withEvidence(t, mustCaseFile(t, w, 90))
	path := render(t, f, opt)

	if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Fatalf("qpdf --check:\n%s", out)
	}
	ps := pages(t, path)
	meta := info(t, path)
	if meta["Pages"] != fmt.Sprint(len(ps)) {
		t.Fatalf("pdfinfo says %s pages, pdftotext read %d", meta["Pages"], len(ps))
	}

	t.Run("marking and page X of Y on every page", func(t *testing.T) {
		for i, p := range ps {
			if n := strings.Count(p, "RESERVADO"); n < 2 {
				t.Errorf("page %d: the marking appears %d times, want top and bottom", i+1, n)
			}
			if want := fmt.Sprintf("page %d of %d", i+1, len(ps)); !strings.Contains(p, want) {
				t.Errorf("page %d: no %q", i+1, want)
			}
			if !strings.Contains(p, f.Case.Ref) || !strings.Contains(p, "Begoña Ibáñez Ruiz") || !strings.Contains(p, "28 Nov 2026") {
				t.Errorf("page %d: the footer does not name the case, the officer and the date", i+1)
			}
		}
	})
	all := strings.Join(ps, "\n")
	t.Run("every section, and the contents point at it", func(t *testing.T) {
		headings := []string{"Case dossier", "Contents", "Case summary", "Timeline", "Seizures", "Totals by commodity",
			"Persons, organisations and other entities", "Relationship chart", "Evidence register", "Photographs",
			"Tasks and assistance requests", "Notes", "Annex: source records"}
		for _, h := range headings {
			if !strings.Contains(all, h) {
				t.Errorf("no %q in the dossier", h)
			}
		}
		// The contents say the seizures start on page N: page N starts with them.
		contents := ps[1]
		for _, section := range []string{"Seizures", "Photographs", "Annex: source records"} {
			n := pageListed(t, contents, section)
			if n < 1 || n > len(ps) || !strings.Contains(ps[n-1], section) {
				t.Errorf("contents list %q on page %d, which does not show it", section, n)
			}
		}
		if strings.Contains(all, "??") {
			t.Errorf("a label is missing: %q", all[strings.Index(all, "??"):][:30])
		}
	})
	t.Run("names with diacritics and Cyrillic come back unchanged", func(t *testing.T) {
		for _, s := range []string{"Juan Carlos Muñoz Rojas", "Łukasz Wróblewski", "Иван Петрович Иванов", "Gonçalves & Filhos, Lda.",
			"Guayaquil →", "EC → PA → ES", "€ 50 000", "X4471223Q", "14 Mar 1979", "NÉCORA"} {
			if !strings.Contains(all, s) {
				t.Errorf("%q did not come back out of the PDF", s)
			}
		}
	})
	t.Run("seizure totals", func(t *testing.T) {
		// 90 seizures: 30 of cigarettes; of the 60 of cocaine, 30 of 100 kg and 30 of 250.5 kg.
		totals := ps[pageListed(t, ps[1], "Seizures")-1]
		for _, s := range []string{"10,515 kg", "EUR 105,000", "300,000 sticks", "GBP 90,000"} {
			if !strings.Contains(totals, s) {
				t.Errorf("the totals do not show %q:\n%s", s, totals)
			}
		}
	})
	t.Run("the seizures table repeats its header on every page", func(t *testing.T) {
		for i, p := range ps {
			if strings.Contains(p, "SZ-00") && strings.Contains(p, "Muelle Isla Verde") && !strings.Contains(p, "Transport and route") {
				t.Errorf("page %d holds seizures without the table's header", i+1)
			}
		}
	})
	t.Run("nothing overflows a margin", func(t *testing.T) {
		if words := overflowing(t, path); len(words) > 0 {
			t.Errorf("%d words outside the margins, e.g. %q", len(words), words[:min(5, len(words))])
		}
	})
	t.Run("the register and the photographs", func(t *testing.T) {
		for _, s := range []string{"EX-001", "SVA-77812", "SEAL NOT INTACT", "Laboratorio de Aduanas", "container-door-1.jpg"} {
			if !strings.Contains(all, s) {
				t.Errorf("no %q in the register", s)
			}
		}
		if out := tool(t, "pdfimages", "-list", path); strings.Count(out, "\n") < 4 { // two header lines, two images
			t.Errorf("pdfimages finds fewer than 2 images:\n%s", out)
		}
	})
	t.Run("metadata", func(t *testing.T) {
		want := map[string]string{"Title": "Case dossier " + f.Case.Ref, "Subject": f.Case.Title,
			"Author": "Begoña Ibáñez Ruiz (Servicio de Vigilancia Aduanera)", "Creator": "Bollard " + app.Version}
		for k, v := range want {
			if meta[k] != v {
				t.Errorf("pdfinfo %s = %q, want %q", k, meta[k], v)
			}
		}
		if !strings.Contains(meta["Keywords"], "RESERVADO") || !strings.Contains(meta["CreationDate"], "2026") {
			t.Errorf("keywords %q, creation date %q", meta["Keywords"], meta["CreationDate"])
		}
	})
}

// pageListed reads the page number the contents give a section.
func pageListed(t *testing.T, contents, section string) int {
	t.Helper()
	lines := strings.Split(contents, "\n")
	for i, line := range lines {
		if strings.TrimSpace(line) != section {
			continue
		}
		// pdftotext prints the title, then its page number a few lines on.
		var n int
		for _, next := range lines[i+1:] {
			if _, err := fmt.Sscanf(strings.TrimSpace(next), "%d", &n); err == nil {
				return n
			}
		}
	}
	t.Fatalf("the contents do not list %q:\n%s", section, contents)
	return 0
}

func TestSpanishLabels(t *testing.T) {
	w := mustOpen(t)
	f := mustCaseFile(t, w, 3)
	ps := pages(t, render(t, f, dossier.Options{Language: model.Spanish}))
	all := strings.Join(ps, "\n")
	for _, s := range []string{"Expediente del caso", "Índice", "Aprehensiones", "Totales por mercancía", "Cronología",
		"En este expediente", "Anexo: registros de origen", "sospechoso", "página 1 de", "350,5 kg", "EUR 3.500",
		"Cocaína en contenedor de plátanos"} {
		if !strings.Contains(all, s) {
			t.Errorf("no %q in the Spanish dossier", s)
		}
	}
	for _, s := range []string{"Seizures", "Totals by commodity", "page 1 of"} {
		if strings.Contains(all, s) {
			t.Errorf("English label %q in the Spanish dossier", s)
		}
	}
}

func TestRedacted(t *testing.T) {
	w := mustOpen(t)
	f, opt := withEvidence(t, mustCaseFile(t, w, 3))
	opt.Redact = true
	all := strings.Join(pages(t, render(t, f, opt)), "\n")
	for _, p := range persons {
		for _, secret := range []string{p.Name, p.DocumentNumber, p.BirthDate.String(), strings.ToUpper(p.Name)} {
			if secret != "" && strings.Contains(all, secret) {
				t.Errorf("the redacted dossier prints %q", secret)
			}
		}
	}
	if strings.Contains(all, "El Gallego") {
		t.Error("the redacted dossier prints a person's alias")
	}
	for _, s := range []string{"Person A", "Person B", "Person C", "Gonçalves & Filhos, Lda.", "MSCU1234566", "Non-nominal version", "withheld", "What was withheld"} {
		if !strings.Contains(all, s) {
			t.Errorf("no %q in the redacted dossier", s)
		}
	}
}

func TestSameCaseSameBytes(t *testing.T) {
	w := mustOpen(t)
	f, opt := withEvidence(t, mustCaseFile(t, w, 5))
	a, _ := os.ReadFile(render(t, f, opt))
	b, _ := os.ReadFile(render(t, f, opt))
	if !bytes.Equal(a, b) {
		t.Fatal("two dossiers of the same case on the same date differ")
	}
	opt.Date = testDate.Add(24 * time.Hour)
	c, _ := os.ReadFile(render(t, f, opt))
	if bytes.Equal(a, c) {
		t.Fatal("dossiers of two dates are the same bytes")
	}
}

func TestMarkingAndSections(t *testing.T) {
	w := mustOpen(t)
	f := mustCaseFile(t, w, 2)
	sections, err := dossier.ParseSections("notes, seizures")
	if err != nil {
		t.Fatal(err)
	}
	ps := pages(t, render(t, f, dossier.Options{Marking: "LAW ENFORCEMENT SENSITIVE", Sections: sections}))
	all := strings.Join(ps, "\n")
	for i, p := range ps {
		if strings.Count(p, "LAW ENFORCEMENT SENSITIVE") < 2 || strings.Contains(p, "RESERVADO") {
			t.Errorf("page %d does not carry the overriding marking top and bottom", i+1)
		}
	}
	if !strings.Contains(all, "Seizures") || !strings.Contains(all, "Notes") || strings.Contains(all, "Timeline") {
		t.Errorf("sections seizures and notes: got\n%s", all)
	}
	if strings.Index(all, "Totals by commodity") > strings.Index(all, "Second paragraph") {
		t.Error("the sections are not in the dossier's own order")
	}
	t.Run("unknown section", func(t *testing.T) {
		if _, err := dossier.ParseSections("seizures,gossip"); err == nil || !strings.Contains(err.Error(), "gossip") {
			t.Fatalf("ParseSections(gossip) = %v", err)
		}
	})
}

func TestUnreadablePhotoLeavesANotice(t *testing.T) {
	w := mustOpen(t)
	f, opt := withEvidence(t, mustCaseFile(t, w, 1))
	f.Evidence[0].Item.Attachments = append(f.Evidence[0].Item.Attachments,
		model.Attachment{SHA256: strings.Repeat("ab", 32), Name: "missing.jpg", MediaType: "image/jpeg"})
	all := strings.Join(pages(t, render(t, f, opt)), "\n")
	if !strings.Contains(all, "could not be printed") || !strings.Contains(all, "container-door-2.png") {
		t.Fatalf("a missing photo should leave a notice and the others printed:\n%s", all)
	}
}

// TestDemoCases prints every demo case in every language and checks each
// reads back whole: the demo data is the widest sample of real-looking
// cases there is.
func TestDemoCases(t *testing.T) {
	w, err := app.Open(ctx, t.TempDir()+"/demo.db")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := demo.Fill(ctx, w, demo.Options{Cases: 12, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	cases, err := w.Cases(ctx, model.CaseFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		lang := model.Languages[i%len(model.Languages)]
		t.Run(c.Ref+" "+string(lang), func(t *testing.T) {
			f, err := w.CaseFile(ctx, c.Ref)
			if err != nil {
				t.Fatal(err)
			}
			path := render(t, f, dossier.Options{Language: lang, Redact: i%3 == 0})
			tool(t, "qpdf", "--check", path)
			all := strings.Join(pages(t, path), "\n")
			if strings.Contains(all, "??") {
				t.Errorf("a label is missing in %s: %q", lang, all[strings.Index(all, "??"):][:30])
			}
			if words := overflowing(t, path); len(words) > 0 {
				t.Errorf("%d words outside the margins, e.g. %q", len(words), words[:min(5, len(words))])
			}
		})
	}
}
