package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"bollard/model"
)

// openNewCaseForm shows the home screen of a workspace with the test
// officer and opens the new-case dialog from it, as the officer would.
func openNewCaseForm(t *testing.T) (*home, *newCaseForm) {
	t.Helper()
	win := newTestWindow(t)
	ws := mustOpen(t)
	officer := mustSetOfficer(t, ws)
	bg := newTestBackground(t)
	h := newHome(ws, officer, win, bg, nil)
	win.SetContent(h.content)
	h.load()
	bg.wait()
	if h.welcome == nil {
		t.Fatal("an empty workspace does not show the welcome card")
	}
	test.Tap(h.welcome.newCase)
	if h.form == nil {
		t.Fatal("New case opened no dialog")
	}
	return h, h.form
}

func TestNewCaseAppearsInCaseList(t *testing.T) {
	h, f := openNewCaseForm(t)
	if f.marking.Text != "LIMITE" {
		t.Errorf("marking defaults to %q, want the officer's default LIMITE", f.marking.Text)
	}
	test.Type(f.title, "Cocaine in banana reefers via Antwerp")
	test.Type(f.operation, "Platano")
	f.corridor.SetSelected("EU–Latin America & Caribbean")
	f.threats.setSelected([]model.ThreatType{model.ThreatCocaine, model.ThreatTBML})
	test.Type(f.summary, "Reefers from Guayaquil")
	test.Tap(f.create)
	h.bg.wait()

	ref := fmt.Sprintf("ESA-%d-0001", time.Now().Year())
	if h.list == nil {
		t.Fatal("the case list is not shown after the first case was created")
	}
	if n := len(h.list.rows); n != 1 {
		t.Fatalf("the list has %d rows, want 1", n)
	}
	want := []string{ref, "Cocaine in banana reefers via Antwerp", "open", "EU–Latin America & Caribbean",
		"cocaine, trade-based money laundering", testOfficer.Name, time.Now().Format(time.DateOnly)}
	for col, w := range want {
		if got := h.list.cellText(0, col); got != w {
			t.Errorf("column %s shows %q, want %q", caseColumns[col].title, got, w)
		}
	}
	if got := h.list.count.Text; got != "1 case" {
		t.Errorf("count says %q", got)
	}
	markup := test.RenderToMarkup(h.win.Canvas())
	if !strings.Contains(markup, ref) || !strings.Contains(markup, "Platano") {
		t.Errorf("the new case is not on the screen:\n%s", markup)
	}
	// The new case is selected and its details are beside the list.
	if h.list.selected != ref {
		t.Errorf("selected case = %q, want %q", h.list.selected, ref)
	}
	if got := h.list.detail.text("Contents"); got != "0 seizures, 0 entities, 0 exhibits, 0 tasks" {
		t.Errorf("detail contents = %q", got)
	}
	if got := h.list.detail.marking.text.Text; got != "LIMITE" {
		t.Errorf("detail marking = %q", got)
	}

	// A second case comes first (most recently changed) and is selected.
	test.Tap(h.newCase)
	f2 := h.form
	test.Type(f2.title, "Counterfeit medicines by post")
	f2.corridor.SetSelected("intra-EU")
	f2.threats.setSelected([]model.ThreatType{model.ThreatCounterfeitMedicines})
	test.Tap(f2.create)
	h.bg.wait()
	ref2 := fmt.Sprintf("ESA-%d-0002", time.Now().Year())
	if got := h.list.cellText(0, 0); got != ref2 {
		t.Errorf("first row = %q, want the new %q", got, ref2)
	}
	if h.list.selected != ref2 {
		t.Errorf("selected case = %q, want %q", h.list.selected, ref2)
	}
}

func TestNewCaseWithoutTitleIsRefused(t *testing.T) {
	h, f := openNewCaseForm(t)
	f.corridor.SetSelected("EU–UK")
	test.Tap(f.create)
	h.bg.wait()

	if got := f.errs.message("title"); got != "Title: is required" {
		t.Errorf("title message = %q", got)
	}
	if got := f.errs.message("threat types"); got != "Threat types: at least one is required" {
		t.Errorf("threat types message = %q", got)
	}
	if got := f.errs.message("corridor"); got != "" {
		t.Errorf("corridor has a message although one was chosen: %q", got)
	}
	markup := test.RenderToMarkup(h.win.Canvas())
	if !strings.Contains(markup, "Title: is required") {
		t.Errorf("the message is not on the screen:\n%s", markup)
	}
	if n, err := h.cases.CountCases(context.Background()); err != nil || n != 0 {
		t.Errorf("CountCases = %d, %v; want 0 cases", n, err)
	}
	if h.list != nil {
		t.Error("the welcome card gave way to the list although nothing was created")
	}

	// The dialog stayed open: fixing the form creates the case.
	test.Type(f.title, "Cigarettes in a tyre shipment")
	f.threats.setSelected([]model.ThreatType{model.ThreatTobacco})
	test.Tap(f.create)
	h.bg.wait()
	if got := f.errs.message("title"); got != "" {
		t.Errorf("title message left after saving: %q", got)
	}
	if h.list == nil || len(h.list.rows) != 1 {
		t.Fatal("the corrected case is not in the list")
	}
}

func TestNewCaseCorridorRequired(t *testing.T) {
	h, f := openNewCaseForm(t)
	test.Type(f.title, "Precursors from the Far East")
	f.threats.setSelected([]model.ThreatType{model.ThreatPrecursors})
	test.Tap(f.create)
	h.bg.wait()
	if got := f.errs.message("corridor"); got != "Corridor: choose one" {
		t.Errorf("corridor message = %q", got)
	}
}

func TestNewCaseFailureOtherThanValidationGoesToDialog(t *testing.T) {
	win := newTestWindow(t)
	ws := mustOpen(t) // no officer profile: the workspace refuses every write
	bg := newTestBackground(t)
	f := newNewCaseForm(ws, win, bg, model.Officer{}, func(model.Case) { t.Error("onCreated called") })
	win.SetContent(f.title)
	f.show()
	test.Type(f.title, "Cash at Schiphol")
	f.corridor.SetSelected("intra-EU")
	f.threats.setSelected([]model.ThreatType{model.ThreatCash})
	test.Tap(f.create)
	bg.wait()
	if !strings.Contains(test.RenderToMarkup(win.Canvas()), "Your officer profile is not set") {
		t.Error("the failure is not shown in a dialog")
	}
	if !f.open {
		t.Error("the form closed although the case was not created")
	}
}

func TestCtrlNTwiceOpensOneDialog(t *testing.T) {
	h, f := openNewCaseForm(t)
	h.onNewCase()
	if h.form != f {
		t.Error("a second new-case dialog was stacked on the first")
	}
	f.onCancel()
	if f.open {
		t.Error("Cancel left the dialog open")
	}
	h.onNewCase()
	if h.form == f || !h.form.open {
		t.Error("after Cancel, Ctrl+N opened no new dialog")
	}
}
