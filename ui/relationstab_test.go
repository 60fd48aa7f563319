package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"bollard/model"
)

func TestAddAndEditRelationWithGrading(t *testing.T) {
	ws, v, bg, win := caseViewOn(t, caseForTest("Shell companies in Gibraltar"))
	director := mustCreateEntity(t, ws, model.Entity{Kind: model.KindPerson, Name: "FERRER, Jordi"})
	firm := mustCreateEntity(t, ws, model.Entity{Kind: model.KindOrganisation, Name: "Rock Holdings Ltd"})
	mustLink(t, ws, v.file.Case, director, model.RoleSuspect)
	mustLink(t, ws, v.file.Case, firm, model.RoleImporter)
	v.reload()
	bg.wait()
	v.selectTab("Relations")
	tab := v.relations
	if tab.add.Disabled() {
		t.Fatal("Add relation is disabled with two entities in the case")
	}
	test.Tap(tab.add)
	f := tab.form
	if f == nil {
		t.Fatal("Add relation opened no form")
	}
	// Entities are listed by kind, then name: the organisation first.
	f.from.SetSelected("FERRER, Jordi (person)")
	f.to.SetSelected("FERRER, Jordi (person)")
	f.kind.SetSelected("directs")
	if got := f.errs.message("to"); got != "To: an entity cannot be related to itself" {
		t.Errorf("to message = %q", got)
	}
	f.to.SetSelected("Rock Holdings Ltd (organisation)")
	test.Type(f.since, "2023-05-01")
	test.Type(f.source, "Gibraltar company register")
	f.reliability.SetSelected("B — Usually reliable")
	f.credibility.SetSelected("2 — Probably true")
	if f.guard.save.Disabled() {
		t.Fatalf("Save disabled: %s", f.guard.hint.Text)
	}
	test.Tap(f.guard.save)
	bg.wait()
	if len(tab.file.Relations) != 1 {
		t.Fatalf("the tab shows %d relations", len(tab.file.Relations))
	}
	r := tab.file.Relations[0]
	if r.FromID != director.ID || r.ToID != firm.ID || r.Grading() != "B2" || r.Since.String() != "2023-05-01" {
		t.Errorf("saved relation = %+v", r)
	}
	screen := onScreen(win)
	for _, want := range []string{"FERRER, Jordi", "directs →", "Rock Holdings Ltd", "GRADED B2",
		"since 2023-05-01", "source: Gibraltar company register", "usually reliable source, probably true"} {
		if !strings.Contains(screen, want) {
			t.Errorf("%q is not on the screen", want)
		}
	}

	// Choosing it edits it; its two entities stay.
	tab.list.Select(0)
	f = tab.form
	if !f.from.Disabled() || f.reliability.Selected != "B — Usually reliable" {
		t.Errorf("the edit form: from disabled %v, reliability %q", f.from.Disabled(), f.reliability.Selected)
	}
	f.credibility.SetSelected("1 — Confirmed by other sources")
	test.Tap(f.guard.save)
	bg.wait()
	if got := tab.file.Relations[0].Grading(); got != "B1" {
		t.Errorf("grading after the edit = %q", got)
	}
}

func TestRelationFormTellsNamesakesApart(t *testing.T) {
	ws, v, bg, _ := caseViewOn(t, caseForTest("Transhipment through Hong Kong"))
	director := mustCreateEntity(t, ws, model.Entity{Kind: model.KindPerson, Name: "CHAN, Wing"})
	london := mustCreateEntity(t, ws, model.Entity{Kind: model.KindOrganisation, Name: "Global Trading Ltd", Country: "GB"})
	hongKong := mustCreateEntity(t, ws, model.Entity{Kind: model.KindOrganisation, Name: "Global Trading Ltd", Country: "HK"})
	mustLink(t, ws, v.file.Case, director, model.RoleSuspect)
	mustLink(t, ws, v.file.Case, london, model.RoleImporter)
	mustLink(t, ws, v.file.Case, hongKong, model.RoleConsignor)
	v.reload()
	bg.wait()

	test.Tap(v.relations.add)
	f := v.relations.form
	if f == nil {
		t.Fatal("Add relation opened no form")
	}
	want := "Global Trading Ltd (organisation, " + model.CountryName("HK") + ")"
	if !slices.Contains(f.to.Options, want) {
		t.Fatalf("the options %q do not tell the Hong Kong company apart", f.to.Options)
	}
	f.from.SetSelected("CHAN, Wing (person)")
	f.kind.SetSelected("directs")
	f.to.SetSelected(want)
	test.Tap(f.guard.save)
	bg.wait()
	if len(v.relations.file.Relations) != 1 {
		t.Fatalf("the tab shows %d relations", len(v.relations.file.Relations))
	}
	if r := v.relations.file.Relations[0]; r.FromID != director.ID || r.ToID != hongKong.ID {
		t.Errorf("saved relation to %s, want the Hong Kong company %s (the London one is %s)", r.ToID, hongKong.ID, london.ID)
	}

	// Editing it selects the Hong Kong company again, not its namesake.
	v.relations.list.Select(0)
	if got := v.relations.form.to.Selected; got != want {
		t.Errorf("the edit form shows %q", got)
	}
}

func TestEntityChoicesAreUnique(t *testing.T) {
	org := func(name, country, reg string) model.Entity {
		return model.Entity{Kind: model.KindOrganisation, Name: name, Country: country, Identifiers: model.Identifiers{RegistrationNumber: reg}}
	}
	got := entityChoices([]model.Entity{
		org("Global Trading Ltd", "GB", "01234567"),
		org("Global Trading Ltd", "GB", "07654321"),
		org("Global Trading Ltd", "HK", ""),
		org("Global Trading Ltd", "HK", ""),
		org("Atlas Freight Ltd", "GB", ""),
		{Kind: model.KindVessel, Name: "Global Trading Ltd"},
	})
	gb, hk := model.CountryName("GB"), model.CountryName("HK")
	want := []string{
		"Global Trading Ltd (organisation, " + gb + ", Registration no. 01234567)",
		"Global Trading Ltd (organisation, " + gb + ", Registration no. 07654321)",
		"Global Trading Ltd (organisation, " + hk + ") #1",
		"Global Trading Ltd (organisation, " + hk + ") #2",
		"Atlas Freight Ltd (organisation)",
		"Global Trading Ltd (vessel)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("choices =\n%q\nwant\n%q", got, want)
	}
}
