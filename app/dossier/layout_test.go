package dossier_test

import (
	"strings"
	"testing"

	"bollard/app"
	"bollard/app/dossier"
	"bollard/model"
)

// Units are labels like any other: a Spanish prosecutor reads "cigarrillos".
func TestUnitsInTheReadersLanguage(t *testing.T) {
	w := mustOpen(t)
	f := mustCaseFile(t, w, 3) // the third seizure is of cigarettes, counted in sticks
	for _, tc := range []struct {
		lang       model.Language
		want, not  string
		totalsWant string
	}{
		{model.Spanish, "10.000 cigarrillos", "sticks", "10.000 cigarrillos"},
		{model.Portuguese, "10.000 cigarros", "sticks", "10.000 cigarros"},
		{model.French, "10\u00a0000 cigarettes", "sticks", "10\u00a0000 cigarettes"},
		{model.English, "10,000 sticks", "cigarrillos", "10,000 sticks"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			ps := pages(t, render(t, f, dossier.Options{Language: tc.lang}))
			all := flatten(strings.Join(ps, "\n"))
			if !strings.Contains(all, flatten(tc.want)) || strings.Contains(all, tc.not) {
				t.Errorf("want %q and no %q in:\n%s", tc.want, tc.not, all)
			}
			// The timeline prints the quantity of each seizure, too.
			timeline := flatten(ps[pageListed(t, ps[1], dossier.Label("timeline", tc.lang))-1])
			if !strings.Contains(timeline, flatten(tc.totalsWant)) {
				t.Errorf("the timeline does not show %q:\n%s", tc.totalsWant, timeline)
			}
		})
	}
}

// flatten reads text as one line with single spaces, as pdftotext breaks
// lines where the PDF wraps them.
func flatten(s string) string { return strings.Join(strings.Fields(s), " ") }

// everyKindCase records one entity of every kind, each related to the
// next, so that the chart and its legend show them all.
func everyKindCase(t *testing.T, w *app.Workspace) app.CaseFile {
	t.Helper()
	c, err := w.CreateCase(ctx, model.Case{Title: "Every kind", Corridor: model.CorridorEULAC, ThreatTypes: []model.ThreatType{model.ThreatTBML},
		HandlingMarking: "LIMITE", LeadAgency: "SVA"})
	if err != nil {
		t.Fatal(err)
	}
	entities := []model.Entity{
		{Kind: model.KindPerson, Name: "Juan Carlos Muñoz Rojas"},
		{Kind: model.KindOrganisation, Name: "Gonçalves & Filhos, Lda."},
		{Kind: model.KindVessel, Name: "MSC Aurora"},
		{Kind: model.KindContainer, Name: "MSCU1234566"},
		{Kind: model.KindVehicle, Name: "Volvo FH 4410 KLM", Identifiers: model.Identifiers{Plate: "4410 KLM"}},
		{Kind: model.KindAddress, Name: "Calle Ancha 12, 11201 Algeciras"},
		{Kind: model.KindPhone, Name: "+34 600 123 456"},
		{Kind: model.KindEmail, Name: "jc.munoz@mail.ru"},
		{Kind: model.KindBankAccount, Name: "ES91 2100 0418 4502 0005 1332", Identifiers: model.Identifiers{IBAN: "ES9121000418450200051332"}},
		{Kind: model.KindWallet, Name: "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh"},
	}
	err = w.Change(ctx, func(b *app.Batch) error {
		for i := range entities {
			if err := b.CreateEntity(&entities[i]); err != nil {
				return err
			}
			if err := b.LinkEntity(&model.CaseLink{CaseID: c.ID, EntityID: entities[i].ID, Role: model.RoleOther}); err != nil {
				return err
			}
			if i > 0 {
				err := b.AddRelation(&model.Relation{FromID: entities[0].ID, ToID: entities[i].ID, Type: model.RelUses,
					Source: "Registo comercial", Reliability: "B", Credibility: "2"})
				if err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	f, err := w.CaseFile(ctx, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestChartLegendStaysOnThePage(t *testing.T) {
	w := mustOpen(t)
	f := everyKindCase(t, w)
	sections, _ := dossier.ParseSections("relations")
	for _, lang := range model.Languages {
		t.Run(string(lang), func(t *testing.T) {
			path := render(t, f, dossier.Options{Language: lang, Sections: sections})
			if words := overflowing(t, path); len(words) > 0 {
				t.Errorf("%d words outside the margins, e.g. %q", len(words), words[:min(5, len(words))])
			}
			flat := strings.Join(strings.Fields(strings.Join(pages(t, path), "\n")), " ")
			for _, k := range model.EntityKinds {
				if l := dossier.Choice("kind", string(k), lang); !strings.Contains(flat, l) {
					t.Errorf("the legend does not name %q", l)
				}
			}
		})
	}
}

func TestLongMarkingsFit(t *testing.T) {
	w := mustOpen(t)
	f := mustCaseFile(t, w, 3)
	for _, marking := range []string{
		"RESTREINT UE/EU RESTRICTED – LAW ENFORCEMENT SENSITIVE ONLY",
		strings.Repeat("W", dossier.MaxMarking),
		strings.Repeat("MW ", dossier.MaxMarking/3)[:dossier.MaxMarking],
	} {
		t.Run(marking[:12], func(t *testing.T) {
			path := render(t, f, dossier.Options{Marking: marking})
			if words := overflowing(t, path); len(words) > 0 {
				t.Errorf("%d words outside the margins, e.g. %q", len(words), words[:min(5, len(words))])
			}
			for i, p := range pages(t, path) {
				if n := strings.Count(p, strings.TrimSpace(marking)); n < 2 {
					t.Errorf("page %d: the marking appears %d times whole, want top and bottom", i+1, n)
				}
			}
		})
	}
	t.Run("longer than a case's marking may be", func(t *testing.T) {
		_, err := dossier.Write(ctx, new(strings.Builder), f, dossier.Options{Marking: strings.Repeat("X", dossier.MaxMarking+1)})
		if err == nil || dossier.CheckMarking(strings.Repeat("X", dossier.MaxMarking)) != nil {
			t.Fatalf("a marking of %d characters: %v", dossier.MaxMarking+1, err)
		}
	})
}

// Column headings wrap between words, never inside one, in any language.
func TestColumnHeadingsKeepTheirWords(t *testing.T) {
	w := mustOpen(t)
	f, opt := withEvidence(t, mustCaseFile(t, w, 3))
	headings := []string{"when", "event", "place", "seizure", "commodity", "quantity", "value", "transport", "count", "total",
		"name", "role", "country", "identifiers", "notes", "from", "relation", "to", "period", "grading", "source",
		"exhibit", "description", "files", "custody", "task", "partner", "assigned", "dates",
		"record", "record id", "last change", "changed by"}
	for _, lang := range model.Languages {
		t.Run(string(lang), func(t *testing.T) {
			opt.Language = lang
			path := render(t, f, opt)
			words := map[string]bool{}
			for _, m := range wordBox.FindAllStringSubmatch(tool(t, "pdftotext", "-bbox", path, "-"), -1) {
				words[htmlText(m[5])] = true
			}
			for _, key := range headings {
				for _, word := range strings.Fields(dossier.Label(key, lang)) {
					if !words[word] {
						t.Errorf("heading %q: the word %q is broken", dossier.Label(key, lang), word)
					}
				}
			}
		})
	}
}

// htmlText undoes the escapes of pdftotext -bbox.
func htmlText(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'", "&#39;", "'").Replace(s)
}

// A word longer than any identifier (a pasted dump, a hostile package's
// megabyte of one "word") is printed in part, with how much was left out,
// in the reader's language; a long identifier is printed whole, broken
// across lines, inside the margins.
func TestUnbrokenWordsArePrintedSanely(t *testing.T) {
	w := mustOpen(t)
	f := mustCaseFile(t, w, 1)
	wallet := "bc1q" + strings.Repeat("xy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh", 3)
	f.Notes[0].Body = "Wallet " + wallet + " then a dump: " + strings.Repeat("Q", 23000) + " end of note."
	for _, tc := range []struct {
		lang model.Language
		said string
	}{
		{model.English, "[3,000 more characters of this unbroken text not printed]"},
		{model.Spanish, "[3.000 caracteres más de este texto sin espacios no impresos]"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			path := render(t, f, dossier.Options{Language: tc.lang})
			if words := overflowing(t, path); len(words) > 0 {
				t.Errorf("%d words outside the margins, e.g. %q", len(words), words[:min(5, len(words))])
			}
			text := strings.Join(pages(t, path), "")
			joined := strings.Join(strings.Fields(text), "")
			if !strings.Contains(joined, wallet) {
				t.Errorf("the wallet address is not printed whole")
			}
			if n := strings.Count(joined, "Q"); n < 20000 || n > 20100 {
				t.Errorf("%d Qs printed, want the first 20000 of 23000", n)
			}
			if !strings.Contains(flatten(text), tc.said) || !strings.Contains(flatten(text), "end of note.") {
				t.Errorf("the note does not say what was left out (%q) or loses its end", tc.said)
			}
		})
	}
}
