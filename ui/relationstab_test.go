package ui

import (
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
