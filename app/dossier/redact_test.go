package dossier_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"bollard/app"
	"bollard/app/demo"
	"bollard/app/dossier"
	"bollard/model"
)

// contactCase records a person with a short alias and the contacts that
// name them as surely as their name: an e-mail, a phone, a bank account, a
// wallet and a street address, each related to them, and free text that
// quotes all of it.
func contactCase(t *testing.T, w *app.Workspace) app.CaseFile {
	t.Helper()
	c, err := w.CreateCase(ctx, model.Case{
		Title: "Cash couriers through Algeciras", Corridor: model.CorridorEULAC, ThreatTypes: []model.ThreatType{model.ThreatCash},
		HandlingMarking: "RESERVADO", LeadAgency: "SVA",
		Summary: "Al met the crew in Algeciras. Raúl Núñez Márquez, born 09/06/1975 (1975-06-09), writes from raul.nunez.marquez@mail.ru " +
			"and answers on +34600123456; the money goes to ES91 2100 0418 4502 0005 1332 and bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh. " +
			"He lives at Calle Ancha 12, 11201 Algeciras. Alcalá is not him, nor is the Alhambra.",
	})
	if err != nil {
		t.Fatal(err)
	}
	err = w.Change(ctx, func(b *app.Batch) error {
		person := model.Entity{Kind: model.KindPerson, Name: "Raúl Núñez Márquez", Aliases: []string{"Al"}, Country: "ES",
			Identifiers: model.Identifiers{BirthDate: model.Date{Year: 1975, Month: 6, Day: 9}, DocumentNumber: "Y1234567Z"}}
		contacts := []model.Entity{
			{Kind: model.KindEmail, Name: "raul.nunez.marquez@mail.ru"},
			{Kind: model.KindPhone, Name: "+34 600 123 456", Country: "ES"},
			{Kind: model.KindBankAccount, Name: "ES91 2100 0418 4502 0005 1332", Identifiers: model.Identifiers{IBAN: "ES9121000418450200051332"}},
			{Kind: model.KindWallet, Name: "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh"},
			{Kind: model.KindAddress, Name: "Calle Ancha 12, 11201 Algeciras", Country: "ES"},
		}
		if err := b.CreateEntity(&person); err != nil {
			return err
		}
		if err := b.LinkEntity(&model.CaseLink{CaseID: c.ID, EntityID: person.ID, Role: model.RoleSuspect}); err != nil {
			return err
		}
		for i := range contacts {
			e := &contacts[i]
			if err := b.CreateEntity(e); err != nil {
				return fmt.Errorf("%s: %w", e.Name, err)
			}
			if err := b.LinkEntity(&model.CaseLink{CaseID: c.ID, EntityID: e.ID, Role: model.RoleOther, Note: "used by Al"}); err != nil {
				return err
			}
			rel := model.RelUses
			if e.Kind == model.KindAddress {
				rel = model.RelLocatedAt
			}
			if err := b.AddRelation(&model.Relation{FromID: person.ID, ToID: e.ID, Type: rel, Source: "Wiretap of +34 600 123 456"}); err != nil {
				return err
			}
		}
		if err := b.AddTimelineEvent(&model.TimelineEvent{CaseID: c.ID, At: testNow.Add(-24 * 3600e9),
			Title: "Transfer to ES9121000418450200051332", Description: "Al sends the IBAN by e-mail", Place: "Calle Ancha 12, 11201 Algeciras"}); err != nil {
			return err
		}
		return b.AddNote(&model.Note{CaseID: c.ID, Body: "RAÚL NÚÑEZ MÁRQUEZ (DOB 09.06.1975) — Al — uses raul.nunez.marquez@mail.ru."})
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

// secrets are what a redacted dossier must not print of the case's
// persons and contacts: names, aliases, document numbers, birth dates in
// the ways they are typed, e-mails, phones, IBANs, wallets and addresses.
func secrets(f app.CaseFile) []string {
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	for _, ce := range f.Entities {
		e := ce.Entity
		switch e.Kind {
		case model.KindPerson, model.KindEmail, model.KindPhone, model.KindBankAccount, model.KindWallet, model.KindAddress:
		default:
			continue
		}
		add(e.Name)
		for _, a := range e.Aliases {
			add(a)
		}
		id := e.Identifiers
		for _, s := range []string{id.DocumentNumber, id.Phone, id.Email, id.IBAN, id.WalletAddress} {
			add(s)
		}
		if b := id.BirthDate; !b.IsZero() {
			add(b.String())
			add(fmt.Sprintf("%02d/%02d/%04d", b.Day, b.Month, b.Year))
		}
	}
	return out
}

// containsWord finds s in text as whole words: an alias "Al" is in "Al met"
// but not in "Algeciras".
func containsWord(text, s string) bool {
	inWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for from := 0; ; {
		i := strings.Index(text[from:], s)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(s):])
		first, _ := utf8.DecodeRuneInString(s)
		last, _ := utf8.DecodeLastRuneInString(s)
		if (i == 0 || !inWord(before) || !inWord(first)) && (i+len(s) == len(text) || !inWord(after) || !inWord(last)) {
			return true
		}
		from = i + 1
	}
}

func TestRedactedContacts(t *testing.T) {
	w := mustOpen(t)
	f := contactCase(t, w)
	for _, lang := range []model.Language{model.English, model.Spanish} {
		t.Run(string(lang), func(t *testing.T) {
			path := render(t, f, dossier.Options{Language: lang, Redact: true})
			all := strings.Join(pages(t, path), "\n")
			// pdftotext breaks long words and lines; read it as one line.
			flat := strings.Join(strings.Fields(all), " ")
			for _, s := range append(secrets(f), "ES91 2100 0418 4502 0005 1332", "+34600123456", "09.06.1975", "RAÚL NÚÑEZ MÁRQUEZ") {
				if containsWord(all, s) || containsWord(flat, s) {
					t.Errorf("the redacted dossier prints %q", s)
				}
			}
			withheld := "[" + dossier.Label("withheld", lang) + "]"
			for _, s := range []string{fmt.Sprintf(dossier.Label("pseudonym", lang), "A"), withheld, "Algeciras", "Alcalá", "Alhambra",
				dossier.Choice("kind", string(model.KindEmail), lang) + " 1 " + withheld} {
				if !strings.Contains(flat, s) {
					t.Errorf("no %q in the redacted dossier", s)
				}
			}
			if strings.Contains(flat, " Ageciras") || strings.Contains(flat, " Acalá") {
				t.Error("a short alias was taken out of the middle of a word")
			}
		})
	}
	t.Run("unredacted, all of it prints", func(t *testing.T) {
		flat := strings.Join(strings.Fields(strings.Join(pages(t, render(t, f, dossier.Options{})), "\n")), " ")
		for _, s := range []string{"Raúl Núñez Márquez", "raul.nunez.marquez@mail.ru", "+34 600 123 456", "Y1234567Z", "1975-06-09"} {
			if !strings.Contains(flat, s) {
				t.Errorf("no %q in the full dossier", s)
			}
		}
	})
}

// TestRedactedDemoCases prints every demo case redacted and looks for
// every person's name, alias, document number and birth date, and every
// contact's e-mail, phone, IBAN, wallet and address, in what pdftotext
// reads back.
func TestRedactedDemoCases(t *testing.T) {
	w, err := app.Open(ctx, t.TempDir()+"/demo.db")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := demo.Fill(ctx, w, demo.Options{Cases: 12, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	cases, err := w.Cases(ctx, model.CaseFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for i, c := range cases {
		lang := model.Languages[i%len(model.Languages)]
		t.Run(c.Ref+" "+string(lang), func(t *testing.T) {
			f, err := w.CaseFile(ctx, c.Ref)
			if err != nil {
				t.Fatal(err)
			}
			all := strings.Join(pages(t, render(t, f, dossier.Options{Language: lang, Redact: true})), "\n")
			flat := strings.Join(strings.Fields(all), " ")
			for _, s := range secrets(f) {
				checked++
				if containsWord(all, s) || containsWord(flat, s) {
					t.Errorf("the redacted dossier prints %q", s)
				}
			}
		})
	}
	if checked < 50 {
		t.Fatalf("the demo cases hold only %d secrets to look for", checked)
	}
}
