package dossier_test

import (
	"fmt"
	"strings"
	"testing"

	"bollard/app"
	"bollard/app/dossier"
	"bollard/model"
)

// hardCase records persons whose names are written in every way an officer
// writes them (hyphenated, with apostrophes, in Cyrillic and Greek,
// declined), a person whose words are all common words, and the contacts,
// address and vehicle of one of them. Persons get their pseudonyms in this
// order: A Muñoz-Rojas, B O'Neill, C Volkov, D Papadopoulos, E Rosa Blanco
// Santos, F Petrov.
func hardCase(t *testing.T, w *app.Workspace) app.CaseFile {
	t.Helper()
	c, err := w.CreateCase(ctx, model.Case{
		Title: "Cocaine in bananas: the Muñoz-Rojas network", Corridor: model.CorridorEULAC,
		ThreatTypes: []model.ThreatType{model.ThreatCocaine, model.ThreatTBML}, HandlingMarking: "RESERVADO", LeadAgency: "SVA",
		LeadOfficer: "Begoña Ibáñez Ruiz", OperationName: "ROJAS",
		Summary: "MUÑOZ-ROJAS paid; munoz-rojas said nothing. O'Neill refused. Jean O’Neill’s car. Dmitry Volkov and Volkova met Papadopoulou.",
	})
	if err != nil {
		t.Fatal(err)
	}
	entities := []model.Entity{
		{Kind: model.KindPerson, Name: "Juan Carlos Muñoz-Rojas", Aliases: []string{"Al"}, Country: "ES",
			Identifiers: model.Identifiers{BirthDate: model.Date{Year: 1979, Month: 3, Day: 14}, DocumentNumber: "X4471223Q"}},
		{Kind: model.KindPerson, Name: "Jean O'Neill", Country: "IE"},
		{Kind: model.KindPerson, Name: "Дмитрий Волков", Country: "RU", Identifiers: model.Identifiers{DocumentNumber: "75 3118406"}},
		{Kind: model.KindPerson, Name: "Γιώργος Παπαδόπουλος", Country: "GR"},
		{Kind: model.KindPerson, Name: "Rosa Blanco Santos", Country: "ES"},
		{Kind: model.KindPerson, Name: "Ivan Petrov", Country: "BG"},
		{Kind: model.KindPhone, Name: "+34 600 123 456"},
		{Kind: model.KindEmail, Name: "Raul.Nunez@mail.ru"},
		{Kind: model.KindBankAccount, Name: "ES91 2100 0418 4502 0005 1332"},
		{Kind: model.KindAddress, Name: "Calle Ancha 12, 11201 Algeciras"},
		{Kind: model.KindVehicle, Name: "Toyota Hilux", Identifiers: model.Identifiers{Plate: "1234-BCD", VIN: "1M8GDM9AXKP042788"}},
		{Kind: model.KindOrganisation, Name: "Transportes Muñoz-Rojas SL", Country: "ES"},
	}
	err = w.Change(ctx, func(b *app.Batch) error {
		for i := range entities {
			e := &entities[i]
			if err := b.CreateEntity(e); err != nil {
				return fmt.Errorf("%s: %w", e.Name, err)
			}
			if err := b.LinkEntity(&model.CaseLink{CaseID: c.ID, EntityID: e.ID, Role: model.RoleSuspect}); err != nil {
				return err
			}
		}
		if err := b.AddRelation(&model.Relation{FromID: entities[0].ID, ToID: entities[11].ID, Type: model.RelDirects}); err != nil {
			return err
		}
		if err := b.AddRelation(&model.Relation{FromID: entities[2].ID, ToID: entities[0].ID, Type: model.RelAssociate}); err != nil {
			return err
		}
		return b.AddNote(&model.Note{CaseID: c.ID, Body: "Volkovym drove 1234 BCD; Muñoz's phone is 0034600123456. Rosa saw it."})
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

func TestRedactedForms(t *testing.T) {
	f := hardCase(t, mustOpen(t))
	p := pseudonyms(f)
	a, b, c, d, e, f6 := p["Juan Carlos Muñoz-Rojas"], p["Jean O'Neill"], p["Дмитрий Волков"], p["Γιώργος Παπαδόπουλος"], p["Rosa Blanco Santos"], p["Ivan Petrov"]
	const (
		phone    = "phone 1 [withheld]"
		withheld = "[withheld]"
	)
	for text, want := range map[string]string{
		// names in any case, with or without accents, any hyphen or none
		"MUÑOZ-ROJAS paid":            a + " paid",
		"munoz-rojas":                 a,
		"Muñoz said nothing":          a + " said nothing",
		"MUNOZ ROJAS":                 a,
		"munozrojas":                  a,
		"Muñoz–Rojas and Muñoz—Rojas": a + " and " + a,
		"Juan Carlos Muñoz Rojas":     a,
		"juan carlos":                 a,
		"Rojas' boat":                 a + "' boat",
		"Muñoz's boat":                a + "'s boat",
		// apostrophes and possessives
		"O'Neill refused":    b + " refused",
		"Jean O’Neill":       b,
		"O‘NEILL’s car":      b + "’s car",
		"ONeill and O`Neill": b + " and " + b,
		// transliterated and declined
		"Dmitry Volkov":        c,
		"Dmitriy Volkov":       c,
		"Dmitrii Volkov":       c,
		"DMITRIJ VOLKOV":       c,
		"Volkova and Volkovym": c + " and " + c,
		"Волкова":              c,
		"Papadopoulos":         d,
		"Papadopoulou":         d,
		"Giorgos Papadopoulos": d,
		"Иван Петров":          f6,
		"Petrova":              f6,
		// an ending that makes another name is another person
		"Ivanov and Ivanova": "Ivanov and Ivanova",
		"Ivana":              f6,
		// an alias that is a common word: as a name, not as a word
		"Al met them in Algeciras": a + " met them in Algeciras",
		"fue al puerto de Alcalá":  "fue al puerto de Alcalá",
		// common words alone stay, the full name goes
		"Rosa saw a rosa blanca in Santos": "Rosa saw a rosa blanca in Santos",
		"Rosa Blanco":                      e,
		"BLANCO SANTOS":                    e,
		"de la Cruz y del Río":             "de la Cruz y del Río",
		// numbers in any formatting
		"doc x-447-1223-q":                  "doc " + withheld,
		"X 4471223 Q.":                      withheld + ".",
		"passport 753118406":                "passport " + withheld,
		"call 0034600123456":                "call " + phone,
		"call 600 12 34 56":                 "call " + phone,
		"call +34-600-123-456!":             "call " + phone + "!",
		"call 0600123456":                   "call " + phone,
		"to es91 2100 0418 4502 0005 1332":  "to bank account 1 [withheld]",
		"to ES9121000418450200051332.":      "to bank account 1 [withheld].",
		"mail RAUL.NUNEZ@MAIL.RU":           "mail e-mail 1 [withheld]",
		"at calle ancha, 12":                "at address 1 [withheld]",
		"at CALLE ANCHA 12 11201 ALGECIRAS": "at address 1 [withheld]",
		"plate 1234 bcd":                    "plate vehicle 1 [withheld]",
		"VIN 1m8gdm9axkp042788":             "VIN vehicle 1 [withheld]",
		// dates of birth
		"born 14/3/1979":                "born " + withheld,
		"born 03-14-1979":               "born " + withheld,
		"born 1979.03.14":               "born " + withheld,
		"born 19790314":                 "born " + withheld,
		"born 14.03.79":                 "born " + withheld,
		"born 14 March 1979":            "born " + withheld,
		"born March 14th, 1979":         "born " + withheld,
		"nacido el 14 de marzo de 1979": "nacido el " + withheld,
		"né le 14 mars 1979":            "né le " + withheld,
		"nascido a 14 de março de 1979": "nascido a " + withheld,
		"DOB14-MAR-1979":                "DOB" + withheld,
		// what is not a value of the case stays
		"seized 14/03/2026 in Algeciras": "seized 14/03/2026 in Algeciras",
		"phone 600123457":                "phone 600123457",
	} {
		if got := dossier.RedactedText(f, model.English, text); got != want {
			t.Errorf("%q\n got %q\nwant %q", text, got, want)
		}
	}
	t.Run("in Spanish", func(t *testing.T) {
		want := strings.NewReplacer("Person", "Persona").Replace(a + " y " + b)
		if got := dossier.RedactedText(f, model.Spanish, "Muñoz y O'Neill"); got != want {
			t.Errorf("got %q", got)
		}
	})
}

// pseudonyms are the persons' pseudonyms by name, in the order of the case
// file's entities.
func pseudonyms(f app.CaseFile) map[string]string {
	m := map[string]string{}
	for _, ce := range f.Entities {
		if ce.Entity.Kind == model.KindPerson && m[ce.Entity.Name] == "" {
			m[ce.Entity.Name] = "Person " + string(rune('A'+len(m)))
		}
	}
	return m
}

func TestCommonWord(t *testing.T) {
	for w, want := range map[string]bool{
		"rosa": true, "blanco": true, "santos": true, "cruz": true, "paz": true, "leon": true, "franco": true,
		"grand": true, "petit": true, "de": true, "da": true, "dos": true, "van": true, "von": true, "le": true,
		"la": true, "del": true, "y": true, "e": true, "j": true,
		"munoz": false, "rojas": false, "garcia": false, "volkov": false, "oneill": false, "li": false, "papadopoulos": false,
	} {
		if got := dossier.CommonWord(w); got != want {
			t.Errorf("CommonWord(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestWithheldCounts(t *testing.T) {
	f := hardCase(t, mustOpen(t))
	want := map[string]int{"withheld persons": 6, "withheld aliases": 1, "withheld document numbers": 2, "withheld dates of birth": 1,
		"withheld phones": 1, "withheld e-mails": 1, "withheld bank accounts": 1, "withheld addresses": 1, "withheld vehicles": 1}
	got := dossier.WithheldCounts(f)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("counts %v, want %v", got, want)
	}
}

// TestRedactedHardCase renders the hard case redacted and reads it back:
// pseudonyms stand where the names were, the same on every page, and the
// title is in no header and no metadata.
func TestRedactedHardCase(t *testing.T) {
	w := mustOpen(t)
	f := hardCase(t, w)
	path := render(t, f, dossier.Options{Redact: true})
	all := strings.Join(pages(t, path), "\n")
	flat := strings.Join(strings.Fields(all), " ")
	for _, s := range []string{"Muñoz", "MUÑOZ", "munoz", "Rojas", "ROJAS", "O'Neill", "O’Neill", "Volkov", "Волков", "Dmitry",
		"Papadopoul", "Παπαδόπουλος", "Petrov", "Blanco Santos", "X4471223Q", "1979", "600 123 456", "Raul.Nunez", "Calle Ancha",
		"1234-BCD", "1234 BCD", "Toyota", "Begoña", "Ibáñez", "bananas"} {
		if strings.Contains(flat, s) {
			t.Errorf("the redacted dossier prints %q", s)
		}
	}
	p := pseudonyms(f)
	for _, s := range []string{"Person A", "Person B", "Person C", "Person D", "Person E", "Person F",
		"Transportes " + p["Juan Carlos Muñoz-Rojas"] + " SL", "What was withheld", "Persons (names) 6", "vehicle 1 [withheld]",
		"Cocaine, trade-based money laundering · Corridor EU–Latin America & Caribbean"} {
		if !strings.Contains(flat, s) {
			t.Errorf("no %q in the redacted dossier", s)
		}
	}
	// The same person is the same pseudonym in the relation list as in the
	// organisation's name and the free text.
	muñoz := p["Juan Carlos Muñoz-Rojas"]
	if row := muñoz + " " + dossier.Choice("rel", string(model.RelDirects), model.English) + " Transportes " + muñoz + " SL"; !strings.Contains(flat, row) {
		t.Errorf("no %q in the relation list", row)
	}
	if s := p["Дмитрий Волков"] + " drove vehicle 1 [withheld]; " + muñoz + "'s phone"; !strings.Contains(flat, s) {
		t.Errorf("no %q in the notes", s)
	}
	// Every page's header carries the ref and the neutral title, none the case's.
	for i, p := range pages(t, path) {
		if !strings.Contains(p, f.Case.Ref+" · Cocaine") {
			t.Errorf("page %d: no neutral title in the header", i+1)
		}
	}
	meta := info(t, path)
	for _, k := range []string{"Title", "Subject", "Keywords", "Author"} {
		for _, s := range []string{"Muñoz", "Rojas", "bananas", "Begoña"} {
			if strings.Contains(meta[k], s) {
				t.Errorf("metadata %s %q holds %q", k, meta[k], s)
			}
		}
	}
	if meta["Author"] != testOfficer.Agency {
		t.Errorf("Author %q, want the agency alone", meta["Author"])
	}
	if !strings.HasPrefix(meta["Subject"], f.Case.Ref+" — Cocaine") {
		t.Errorf("Subject %q", meta["Subject"])
	}

	t.Run("an officer's title", func(t *testing.T) {
		path := render(t, f, dossier.Options{Redact: true, RedactedTitle: "Banana cocaine network"})
		if m := info(t, path); m["Subject"] != f.Case.Ref+" — Banana cocaine network" {
			t.Errorf("Subject %q", m["Subject"])
		}
	})
	t.Run("an officer's title that names someone is refused", func(t *testing.T) {
		for title, kind := range map[string]string{"The VOLKOV network": "a person's name", "Calls to +34 600 12 34 56": "a phone number",
			"Born 14 March 1979": "a date of birth"} {
			_, err := dossier.Write(ctx, &strings.Builder{}, f, dossier.Options{Redact: true, RedactedTitle: title, Date: testDate})
			if err == nil || !strings.Contains(err.Error(), kind) {
				t.Errorf("%q: %v, want an error naming %s", title, err, kind)
			}
		}
	})
	t.Run("nothing withheld", func(t *testing.T) {
		c, err := w.CreateCase(ctx, model.Case{Title: "Empty", Corridor: model.CorridorEULAC, ThreatTypes: []model.ThreatType{model.ThreatTobacco},
			HandlingMarking: "RESERVADO", LeadAgency: "SVA"})
		if err != nil {
			t.Fatal(err)
		}
		empty, err := w.CaseFile(ctx, c.Ref)
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(strings.Join(pages(t, render(t, empty, dossier.Options{Redact: true, Language: model.French})), "\n")), " ")
		if !strings.Contains(flat, "Rien n'a été omis") {
			t.Error("the closing page does not say nothing was withheld")
		}
	})
	t.Run("not redacted, no closing page", func(t *testing.T) {
		flat := strings.Join(pages(t, render(t, f, dossier.Options{})), "\n")
		if strings.Contains(flat, "What was withheld") || !strings.Contains(flat, "Muñoz-Rojas") {
			t.Error("the full dossier differs from before")
		}
	})
}
