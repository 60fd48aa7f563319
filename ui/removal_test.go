package ui

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

// mustBeTombstone fails unless the newest audit entry of the record with
// that ID leaves it removed: the workspace keeps the record, marked, so
// that the removal travels to partners.
func mustBeTombstone(t *testing.T, ws *app.Workspace, id string) {
	t.Helper()
	lines, err := ws.AuditTrail(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines { // newest first
		if l.Entry.RecordID != id {
			continue
		}
		var rec struct{ Removed bool }
		if err := json.Unmarshal([]byte(l.Entry.After), &rec); err != nil || !rec.Removed {
			t.Errorf("the newest audit entry of %s is %s %s, not a removal (%v)", id, l.Entry.Action, l.Entry.After, err)
		}
		return
	}
	t.Errorf("no audit entry for %s", id)
}

func TestChangeRoleEditsTheLink(t *testing.T) {
	ws, v, bg, win := caseViewOn(t, caseForTest("Cigarettes in tyre shipment"))
	driver := mustCreateEntity(t, ws, model.Entity{Kind: model.KindPerson, Name: "NOWAK, Piotr"})
	mustLink(t, ws, v.file.Case, driver, model.RoleSuspect)
	v.reload()
	bg.wait()
	v.selectTab("Entities")
	tab := v.entities
	linkID := tab.shown[0].Link.ID
	if !strings.Contains(onScreen(win), "Change role…") {
		t.Error("no Change role… button on the screen")
	}

	tab.onChangeRole(tab.shown[0])
	f := tab.roles
	if f == nil || !f.guard.open {
		t.Fatal("Change role… opened no form")
	}
	if !f.guard.save.Disabled() {
		t.Error("Save is enabled with the role unchanged")
	}
	f.role.SetSelected("Witness")
	if f.guard.save.Disabled() {
		t.Fatalf("Save stays disabled with a new role: %s", f.guard.hint.Text)
	}
	test.Tap(f.guard.save)
	bg.wait()
	if f.guard.open {
		t.Fatal("the form stayed open after the change")
	}
	if len(tab.shown) != 1 || tab.shown[0].Link.Role != model.RoleWitness || tab.shown[0].Link.ID != linkID {
		t.Fatalf("after the change the tab shows %+v", tab.shown)
	}
	screen := onScreen(win)
	if !strings.Contains(screen, "WITNESS") || strings.Contains(screen, "SUSPECT") {
		t.Error("the row does not show the new role alone")
	}
	lines, err := ws.CaseHistory(context.Background(), v.file.Case.Ref)
	if err != nil {
		t.Fatal(err)
	}
	if got := lines[0].Text; !strings.Contains(got, "changed role of person NOWAK, Piotr: suspect → witness") {
		t.Errorf("the history says %q", got)
	}

	// Unlinking says the removal travels, and leaves a tombstone.
	tab.onUnlink(tab.shown[0])
	if tab.confirm == nil {
		t.Fatal("Unlink did not ask")
	}
	if !strings.Contains(onScreen(win), reachesPartners) {
		t.Error("the unlink question does not say the removal reaches partners")
	}
	tab.answer(true)
	bg.wait()
	if len(tab.shown) != 0 {
		t.Errorf("after unlinking the tab shows %+v", tab.shown)
	}
	mustBeTombstone(t, ws, linkID)
}

func TestLinkingALinkedEntityChangesItsRole(t *testing.T) {
	ws, v, bg, _ := caseViewOn(t, caseForTest("Cocaine in banana reefers"))
	firm := mustCreateEntity(t, ws, model.Entity{Kind: model.KindOrganisation, Name: "Frutas del Sur SL", Country: "ES"})
	mustLink(t, ws, v.file.Case, firm, model.RoleImporter)
	v.reload()
	bg.wait()
	tab := v.entities
	test.Tap(tab.link)
	f := tab.form
	bg.updates.Lock()
	test.Type(f.query, "frutas del sur")
	bg.updates.Unlock()
	bg.wait()
	f.results.Select(0)
	if !strings.Contains(f.chosen.Text, "Already in "+v.file.Case.Ref+" as importer") {
		t.Errorf("choosing a linked entity says %q", f.chosen.Text)
	}
	if f.guard.save.Text != "Change role" {
		t.Errorf("the save button says %q", f.guard.save.Text)
	}
	f.role.SetSelected("Importer")
	if got := f.errs.message("role"); !strings.Contains(got, "already in "+v.file.Case.Ref+" as importer") || !f.guard.save.Disabled() {
		t.Errorf("the same role again: message %q, save disabled %v", got, f.guard.save.Disabled())
	}
	f.role.SetSelected("Consignee")
	test.Tap(f.guard.save)
	bg.wait()
	if f.guard.open {
		t.Fatal("the dialog stayed open")
	}
	if len(tab.shown) != 1 || tab.shown[0].Link.Role != model.RoleConsignee {
		t.Errorf("the tab shows %+v, want the firm once, as consignee", tab.shown)
	}
}

func TestRemoveRelationKeepsBothEntities(t *testing.T) {
	ws, v, bg, win := caseViewOn(t, caseForTest("Shell companies in Gibraltar"))
	director := mustCreateEntity(t, ws, model.Entity{Kind: model.KindPerson, Name: "FERRER, Jordi"})
	firm := mustCreateEntity(t, ws, model.Entity{Kind: model.KindOrganisation, Name: "Rock Holdings Ltd"})
	mustLink(t, ws, v.file.Case, director, model.RoleSuspect)
	mustLink(t, ws, v.file.Case, firm, model.RoleImporter)
	rel, err := ws.AddRelation(context.Background(), model.Relation{FromID: director.ID, ToID: firm.ID, Type: model.RelDirects})
	if err != nil {
		t.Fatal(err)
	}
	v.reload()
	bg.wait()
	v.selectTab("Relations")
	tab := v.relations
	if !strings.Contains(onScreen(win), "Remove…") {
		t.Error("no Remove… button on the relation")
	}
	tab.onRemove(tab.file.Relations[0])
	screen := onScreen(win)
	for _, want := range []string{"Remove the relation “FERRER, Jordi directs Rock Holdings Ltd”? Both entities stay.", reachesPartners} {
		if !strings.Contains(screen, want) {
			t.Errorf("the question does not say %q", want)
		}
	}
	tab.removal.answer(true)
	bg.wait()
	if len(tab.file.Relations) != 0 {
		t.Errorf("the tab still shows %d relations", len(tab.file.Relations))
	}
	if len(v.file.Entities) != 2 {
		t.Errorf("the case holds %d entities after the removal, want both", len(v.file.Entities))
	}
	mustBeTombstone(t, ws, rel.ID)
}

func TestEndRelationFromItsForm(t *testing.T) {
	ws, v, bg, _ := caseViewOn(t, caseForTest("Shell companies in Gibraltar"))
	director := mustCreateEntity(t, ws, model.Entity{Kind: model.KindPerson, Name: "FERRER, Jordi"})
	firm := mustCreateEntity(t, ws, model.Entity{Kind: model.KindOrganisation, Name: "Rock Holdings Ltd"})
	mustLink(t, ws, v.file.Case, director, model.RoleSuspect)
	mustLink(t, ws, v.file.Case, firm, model.RoleImporter)
	if _, err := ws.AddRelation(context.Background(), model.Relation{FromID: director.ID, ToID: firm.ID, Type: model.RelDirects}); err != nil {
		t.Fatal(err)
	}
	v.reload()
	bg.wait()
	tab := v.relations
	tab.list.Select(0)
	f := tab.form
	if f == nil || !f.guard.open {
		t.Fatal("choosing the relation opened no form")
	}
	test.Type(f.until, "2025-01-31")
	test.Tap(f.guard.save)
	bg.wait()
	if len(tab.file.Relations) != 1 || tab.file.Relations[0].Until.String() != "2025-01-31" {
		t.Errorf("after ending it the tab shows %+v", tab.file.Relations)
	}
}

func TestRemoveTask(t *testing.T) {
	m, v := openCaseView(t, "Tasks & requests")
	ws := m.own.ws
	task, err := ws.AddTask(context.Background(), model.Task{CaseID: v.file.Case.ID, Kind: model.TaskTodo, Title: "Check the seal numbers", Status: model.TaskOpen})
	if err != nil {
		t.Fatal(err)
	}
	v.reload()
	m.bg.wait()
	tab := v.tasks
	if !tab.remove.Disabled() {
		t.Error("Remove… is enabled with no task selected")
	}
	tab.table.Select(widget.TableCellID{Row: 0, Col: 1})
	if tab.remove.Disabled() {
		t.Fatal("Remove… stays disabled with a task selected")
	}
	test.Tap(tab.remove)
	if !strings.Contains(onScreen(m.win), "Remove the task “Check the seal numbers”") {
		t.Error("the question does not name the task")
	}
	tab.removal.answer(true)
	m.bg.wait()
	if len(tab.file.Tasks) != 0 || !tab.remove.Disabled() {
		t.Errorf("after the removal the tab shows %d tasks (Remove… disabled %v)", len(tab.file.Tasks), tab.remove.Disabled())
	}
	mustBeTombstone(t, ws, task.ID)
}

func TestRemoveNote(t *testing.T) {
	m, v := openCaseView(t, "Notes")
	ws := m.own.ws
	for _, body := range []string{"Written in the wrong case.", "Driver says the load was booked by phone."} {
		if _, err := ws.AddNote(context.Background(), model.Note{CaseID: v.file.Case.ID, Body: body}); err != nil {
			t.Fatal(err)
		}
	}
	v.reload()
	m.bg.wait()
	tab := v.notes
	first := tab.file.Notes[0]
	remove := findButton(tab.notes.Objects[0], "Remove…")
	if remove == nil {
		t.Fatal("the note has no Remove… button")
	}
	test.Tap(remove)
	if !strings.Contains(onScreen(m.win), reachesPartners) {
		t.Error("the question does not say the removal reaches partners")
	}
	tab.removal.answer(true)
	m.bg.wait()
	if texts := tab.texts(); len(texts) != 1 || !strings.Contains(texts[0], "booked by phone") {
		t.Errorf("after the removal the tab shows %q", texts)
	}
	mustBeTombstone(t, ws, first.ID)
}

func TestCancelledRemovalKeepsTheNote(t *testing.T) {
	m, v := openCaseView(t, "Notes")
	if _, err := m.own.ws.AddNote(context.Background(), model.Note{CaseID: v.file.Case.ID, Body: "Keep me."}); err != nil {
		t.Fatal(err)
	}
	v.reload()
	m.bg.wait()
	v.notes.onRemove(v.notes.file.Notes[0])
	v.notes.removal.answer(false)
	m.bg.wait()
	if len(v.notes.file.Notes) != 1 {
		t.Errorf("Cancel removed the note: %d left", len(v.notes.file.Notes))
	}
}
