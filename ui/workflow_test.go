package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"bollard/model"
)

// TestInvestigatorWorkflow is the day's work in one go, as issue 3 lists
// it: create a case through the form, see it in the list, add a seizure
// whose container number has a wrong check digit and see the inline error,
// fix it and save, link an entity, open the entity and go back to the case.
func TestInvestigatorWorkflow(t *testing.T) {
	h, f := openNewCaseForm(t)
	test.Type(f.title, "Cocaine in banana reefers via Antwerp")
	f.corridor.SetSelected("EU–Latin America & Caribbean")
	f.threats.setSelected([]model.ThreatType{model.ThreatCocaine})
	test.Tap(f.create)
	h.bg.wait()
	if h.list == nil || len(h.list.rows) != 1 {
		t.Fatal("the new case is not in the list")
	}
	ref := h.list.rows[0].Ref
	if h.list.selected != ref {
		t.Fatalf("the new case %s is not the one open (%q is)", ref, h.list.selected)
	}
	v := h.list.view

	// A seizure, first with a container number whose check digit is wrong.
	v.selectTab("Seizures")
	h.bg.wait()
	test.Tap(v.seizures.add)
	sf := v.seizures.form
	test.Type(sf.place, "Antwerp, Kaai 1742")
	sf.category.SetSelected("Cocaine")
	test.Type(sf.description, "bricks in banana boxes")
	test.Type(sf.quantity, "1200")
	sf.unit.SetSelected("kg")
	sf.mode.SetSelected("Maritime container")
	test.Type(sf.containers, "MSCU1234565")
	if msg := sf.errs.message("container number"); !strings.Contains(msg, "check digit should be 6") {
		t.Errorf("the container number's message is %q", msg)
	}
	if !sf.guard.save.Disabled() {
		t.Error("Save is enabled with a wrong container number")
	}
	sf.containers.SetText("MSCU1234566")
	if sf.guard.save.Disabled() {
		t.Fatalf("Save stays disabled after the fix: %s", sf.guard.hint.Text)
	}
	test.Tap(sf.guard.save)
	h.bg.wait()
	if len(v.file.Seizures) != 1 || v.file.Seizures[0].ContainerNumbers[0] != "MSCU1234566" {
		t.Fatalf("the case holds %+v", v.file.Seizures)
	}

	// An entity linked: a new vessel, created in place.
	v.selectTab("Entities")
	h.bg.wait()
	test.Tap(v.entities.link)
	lf := v.entities.form
	lf.mode.SetSelected(linkNew)
	lf.fields.kind.SetSelected("Vessel")
	test.Type(lf.fields.name, "MSC AURORA")
	test.Type(lf.fields.imo, "9074729")
	lf.role.SetSelected("Carrier")
	if lf.guard.save.Disabled() {
		t.Fatalf("Save disabled on a valid vessel: %s", lf.guard.hint.Text)
	}
	test.Tap(lf.guard.save)
	h.bg.wait()
	if len(v.entities.shown) != 1 || v.entities.shown[0].Entity.Name != "MSC AURORA" {
		t.Fatalf("the Entities tab shows %+v", v.entities.shown)
	}

	// The entity's view lists the case; its case button brings the case
	// back, selected in the list.
	v.entities.list.Select(0)
	h.bg.wait()
	d := v.entities.view
	if d == nil || len(d.cases) != 1 || !strings.Contains(d.cases[0].Text, ref) {
		t.Fatalf("the entity view does not list %s", ref)
	}
	if d.close.Text != "Back to "+ref {
		t.Errorf("the way back reads %q", d.close.Text)
	}
	test.Tap(d.cases[0])
	h.bg.wait()
	if h.list.selected != ref || v.ref != ref || v.file.Case.Title != "Cocaine in banana reefers via Antwerp" {
		t.Errorf("after going back: list on %q, view on %q", h.list.selected, v.ref)
	}
}
