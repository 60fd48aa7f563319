package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bollard/app"
	"bollard/model"
)

// caseViewOn shows the case view alone in a test window, on a workspace
// with the test officer, opened on the case c (created first).
func caseViewOn(t *testing.T, c model.Case) (*app.Workspace, *caseView, *background, fyne.Window) {
	t.Helper()
	win := newTestWindow(t)
	ws := mustOpen(t)
	mustSetOfficer(t, ws)
	c, err := ws.CreateCase(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	bg := newTestBackground(t)
	v := newCaseView(ws, win, bg, nil, nil)
	win.SetContent(v.content)
	v.open(c)
	bg.wait()
	return ws, v, bg, win
}

func mustCreateEntity(t *testing.T, ws *app.Workspace, e model.Entity) model.Entity {
	t.Helper()
	e, err := ws.CreateEntity(context.Background(), e)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func mustLink(t *testing.T, ws *app.Workspace, c model.Case, e model.Entity, role model.CaseRole) {
	t.Helper()
	if _, err := ws.LinkEntity(context.Background(), model.CaseLink{CaseID: c.ID, EntityID: e.ID, Role: role}); err != nil {
		t.Fatal(err)
	}
}

func onScreen(win fyne.Window) string { return test.RenderToMarkup(win.Canvas()) }

func TestLinkExistingEntityAndCreateVessel(t *testing.T) {
	ws, v, bg, win := caseViewOn(t, caseForTest("Cocaine in banana reefers"))
	mustCreateEntity(t, ws, model.Entity{Kind: model.KindOrganisation, Name: "Muñoz Rojas Trading S.L.", Country: "ES"})
	v.selectTab("Entities")
	tab := v.entities
	if !strings.Contains(tab.empty.Text, "No entities") {
		t.Errorf("an empty tab says %q", tab.empty.Text)
	}

	// An existing entity, found by typing without the accent.
	test.Tap(tab.link)
	f := tab.form
	if f == nil || !f.guard.open {
		t.Fatal("Link entity opened no dialog")
	}
	if !f.guard.save.Disabled() {
		t.Error("Save is enabled before an entity and a role are chosen")
	}
	bg.updates.Lock() // the answer's widget updates wait for the keystrokes, as on the UI goroutine
	test.Type(f.query, "munoz rojas")
	bg.updates.Unlock()
	bg.wait()
	if len(f.hits) != 1 || f.hits[0].Doc.Title != "Muñoz Rojas Trading S.L." {
		t.Fatalf("hits = %+v", f.hits)
	}
	f.results.Select(0)
	f.role.SetSelected("Consignee")
	if f.guard.save.Disabled() {
		t.Fatalf("Save stays disabled with an entity and a role chosen: %s", f.guard.hint.Text)
	}
	test.Tap(f.guard.save)
	bg.wait()
	if f.guard.open {
		t.Fatal("the dialog stayed open after linking")
	}
	if len(tab.shown) != 1 || tab.shown[0].Link.Role != model.RoleConsignee {
		t.Fatalf("the tab shows %+v", tab.shown)
	}

	// A new vessel, in place, with a wrong IMO check digit first.
	test.Tap(tab.link)
	f = tab.form
	f.mode.SetSelected(linkNew)
	f.fields.kind.SetSelected("Vessel")
	if f.fields.identifiersHolder.Objects[0] != f.fields.identifiers[model.KindVessel] {
		t.Fatal("the vessel's identifiers are not shown")
	}
	test.Type(f.fields.name, "MSC AURORA")
	test.Type(f.fields.imo, "9074728")
	f.role.SetSelected("Carrier")
	if got := f.errs.message("IMO number"); got != `IMO number "9074728": check digit should be 9` {
		t.Errorf("IMO message = %q", got)
	}
	if !f.guard.save.Disabled() {
		t.Error("Save is enabled with a wrong IMO number")
	}
	if !strings.Contains(onScreen(win), "check digit should be 9") {
		t.Error("the IMO message is not on the screen")
	}
	f.fields.imo.SetText("")
	test.Type(f.fields.imo, "IMO 9074729")
	test.Type(f.fields.mmsi, "352001234")
	f.fields.flag.SetText("PA")
	if got := f.errs.message("IMO number"); got != "" {
		t.Errorf("IMO message left after the fix: %q", got)
	}
	if f.guard.save.Disabled() {
		t.Fatalf("Save disabled after the fix: %s", f.guard.hint.Text)
	}
	test.Tap(f.guard.save)
	bg.wait()
	if f.guard.open {
		t.Fatal("the dialog stayed open after creating the vessel")
	}

	var names []string
	for _, ce := range tab.shown {
		names = append(names, ce.Entity.Name+" as "+string(ce.Link.Role))
	}
	if got := strings.Join(names, "; "); got != "Muñoz Rojas Trading S.L. as consignee; MSC AURORA as carrier" {
		t.Errorf("the tab shows %s", got)
	}
	screen := onScreen(win)
	for _, want := range []string{"MSC AURORA", "CARRIER", "IMO number 9074729", "Flag Panama (PA)"} {
		if !strings.Contains(screen, want) {
			t.Errorf("%q is not on the screen", want)
		}
	}

	// The kind filter narrows the list.
	if got := tab.kind.Options; len(got) != 3 || got[2] != "Vessels (1)" {
		t.Errorf("filter options = %q", got)
	}
	tab.kind.SetSelected("Vessels (1)")
	if len(tab.shown) != 1 || tab.shown[0].Entity.Name != "MSC AURORA" {
		t.Errorf("the vessel filter shows %+v", tab.shown)
	}
	if v.overview.text("Contents") != "0 seizures, 2 entities, 0 exhibits, 0 tasks" {
		t.Errorf("overview contents = %q", v.overview.text("Contents"))
	}

	// Unlink asks first; the entity stays in the workspace.
	tab.onUnlink(tab.shown[0])
	if tab.confirm == nil {
		t.Fatal("Unlink did not ask")
	}
	tab.answer(true)
	bg.wait()
	if len(v.file.Entities) != 1 {
		t.Errorf("after unlinking the case has %d entities", len(v.file.Entities))
	}
	if es, _ := ws.Entities(context.Background(), model.KindVessel); len(es) != 1 {
		t.Error("unlinking removed the vessel from the workspace")
	}
}

func TestLinkFormAsksBeforeDiscarding(t *testing.T) {
	_, v, _, _ := caseViewOn(t, caseForTest("Cigarettes by road"))
	test.Tap(v.entities.link)
	f := v.entities.form
	f.guard.onCancel()
	if f.guard.open {
		t.Fatal("Cancel on an untouched form did not close it")
	}
	test.Tap(v.entities.link)
	f = v.entities.form
	f.mode.SetSelected(linkNew)
	f.fields.kind.SetSelected("Person")
	test.Type(f.fields.name, "GARCÍA, Ana")
	f.guard.onCancel()
	if !f.guard.open || f.guard.asking == nil {
		t.Fatal("Cancel with a name typed closed the form without asking")
	}
}

func TestEntityViewFollowsToAnotherCase(t *testing.T) {
	ws, v, bg, win := caseViewOn(t, caseForTest("Tobacco via Algeciras"))
	first := v.file.Case
	other, err := ws.CreateCase(context.Background(), caseForTest("Cigarettes in tyre shipment"))
	if err != nil {
		t.Fatal(err)
	}
	firm := mustCreateEntity(t, ws, model.Entity{Kind: model.KindOrganisation, Name: "Atlas Freight Ltd", Country: "GB"})
	vessel := mustCreateEntity(t, ws, model.Entity{Kind: model.KindVessel, Name: "MSC AURORA", Identifiers: model.Identifiers{IMO: "9074729"}})
	mustLink(t, ws, first, firm, model.RoleConsignee)
	mustLink(t, ws, other, firm, model.RoleFreightForwader)
	if _, err := ws.AddRelation(context.Background(), model.Relation{FromID: firm.ID, ToID: vessel.ID, Type: model.RelOperates,
		Reliability: "B", Credibility: "2"}); err != nil {
		t.Fatal(err)
	}
	v.reload()
	bg.wait()
	v.selectTab("Entities")
	v.entities.list.Select(0)
	bg.wait()
	d := v.entities.view
	if d == nil {
		t.Fatal("choosing the entity opened no view")
	}
	if d.close.Text != "Back to "+first.Ref {
		t.Errorf("the close button says %q", d.close.Text)
	}
	if len(d.cases) != 2 {
		t.Fatalf("the view lists %d cases", len(d.cases))
	}
	screen := onScreen(win)
	for _, want := range []string{first.Ref + " (this case)", "Consignee", other.Ref, "Freight forwarder", "operates →", "graded B2"} {
		if !strings.Contains(screen, want) {
			t.Errorf("%q is not in the entity view", want)
		}
	}

	// Follow the relation to the vessel, and come back.
	test.Tap(d.related[0])
	bg.wait()
	if d.file.Entity.ID != vessel.ID || !d.back.Visible() {
		t.Fatalf("following the relation shows %q (back visible %v)", d.file.Entity.Name, d.back.Visible())
	}
	test.Tap(d.back)
	bg.wait()
	if d.file.Entity.ID != firm.ID {
		t.Fatalf("Back shows %q", d.file.Entity.Name)
	}

	// One click on the other case opens it.
	test.Tap(d.cases[1])
	bg.wait()
	if v.ref != other.Ref || v.file.Case.Title != "Cigarettes in tyre shipment" {
		t.Errorf("the case view shows %q", v.file.Case.Ref)
	}
	if v.appTabs.Selected().Text != "Overview" {
		t.Errorf("the other case opens on %q", v.appTabs.Selected().Text)
	}
}

func TestEditEntityFromItsView(t *testing.T) {
	ws, v, bg, _ := caseViewOn(t, caseForTest("IBAN mule accounts"))
	acct := mustCreateEntity(t, ws, model.Entity{Kind: model.KindBankAccount, Name: "Mule account 1"})
	mustLink(t, ws, v.file.Case, acct, model.RoleSuspect)
	v.reload()
	bg.wait()
	v.entities.openEntity(acct.ID)
	bg.wait()
	d := v.entities.view
	test.Tap(d.edit)
	f := d.form
	if f == nil {
		t.Fatal("Edit entity opened no form")
	}
	test.Type(f.fields.iban, "ES91 2100 0418 4502 0005 1333")
	if got := f.errs.message("IBAN"); !strings.Contains(got, "IBAN") {
		t.Errorf("a wrong IBAN shows %q", got)
	}
	if !f.guard.save.Disabled() {
		t.Error("Save is enabled with a wrong IBAN")
	}
	f.fields.iban.SetText("ES91 2100 0418 4502 0005 1332")
	test.Tap(f.guard.save)
	bg.wait()
	if d.file.Entity.IBAN != "ES9121000418450200051332" {
		t.Errorf("the view shows IBAN %q", d.file.Entity.IBAN)
	}
	if got := v.file.Entities[0].Entity.IBAN; got != "ES9121000418450200051332" {
		t.Errorf("the case view was not read again: IBAN %q", got)
	}
}
