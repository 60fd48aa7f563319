package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"bollard/model"
)

func TestEditCaseTitleAndStatus(t *testing.T) {
	ws, v, bg, win := caseViewOn(t, caseForTest("Tobacco via Algeciras"))
	test.Tap(v.overview.actions.edit)
	f := v.editor.form
	if f == nil || !f.guard.open {
		t.Fatal("Edit case opened no form")
	}
	if f.title.Text != "Tobacco via Algeciras" || f.status.Selected != "open" || f.leadOfficer.Text != testOfficer.Name {
		t.Errorf("the form is not filled with the case: %q %q %q", f.title.Text, f.status.Selected, f.leadOfficer.Text)
	}

	// An invalid value shows under its field and disables Save.
	f.title.SetText("")
	if got := f.errs.message("title"); got != "Title: is required" {
		t.Errorf("title message = %q", got)
	}
	if !f.guard.save.Disabled() {
		t.Error("Save is enabled without a title")
	}
	test.Type(f.closed, "31/02/2026")
	if got := f.errs.message("closed on"); !strings.Contains(got, "should be a date") {
		t.Errorf("closed-on message = %q", got)
	}
	if !strings.Contains(onScreen(win), "Title: is required") {
		t.Error("the title message is not on the screen")
	}
	f.closed.SetText("")

	test.Type(f.title, "Tobacco and cash via Algeciras")
	f.status.SetSelected("active")
	f.threats.setSelected([]model.ThreatType{model.ThreatTobacco, model.ThreatCash})
	test.Type(f.partners, "HMRC\nGuardia Civil")
	if f.guard.save.Disabled() {
		t.Fatalf("Save disabled on a valid form: %s %s", f.guard.hint.Text, f.errs.general.Text)
	}
	test.Tap(f.guard.save)
	bg.wait()
	if f.guard.open {
		t.Fatal("the form stayed open after saving")
	}
	if got := v.overview.title.Text; got != "Tobacco and cash via Algeciras" {
		t.Errorf("overview title = %q", got)
	}
	if got := v.overview.text("Status"); got != "active" {
		t.Errorf("overview status = %q", got)
	}
	if got := v.overview.text("Partners"); got != "HMRC, Guardia Civil" {
		t.Errorf("overview partners = %q", got)
	}
	c, err := ws.Case(context.Background(), v.ref)
	if err != nil || c.Status != model.StatusActive || len(c.ThreatTypes) != 2 {
		t.Errorf("stored case = %+v, %v", c, err)
	}
}

func TestEditCaseAsksBeforeDiscarding(t *testing.T) {
	_, v, _, _ := caseViewOn(t, caseForTest("Counterfeit medicines by post"))
	test.Tap(v.overview.actions.edit)
	f := v.editor.form
	test.Type(f.summary, "Parcels from the Far East")
	f.guard.onCancel()
	if !f.guard.open || f.guard.asking == nil {
		t.Fatal("Cancel with changes closed the form without asking")
	}
	// Ctrl+S in a field saves as the button does.
	f.summary.TypedShortcut(guardSaveShortcut)
	v.bg.wait()
	if f.guard.open {
		t.Error("Ctrl+S did not save the form")
	}
	if got := v.overview.summary.Text; got != "Parcels from the Far East" {
		t.Errorf("overview summary = %q", got)
	}
}

func TestArchiveAndRestoreCase(t *testing.T) {
	_, v, bg, _ := caseViewOn(t, caseForTest("Illicit waste to West Africa"))
	test.Tap(v.overview.actions.archive)
	if v.editor.confirm == nil {
		t.Fatal("Archive did not ask first")
	}
	v.editor.onAnswer(true)
	bg.wait()
	if v.file.Case.Status != model.StatusArchived {
		t.Fatalf("status after archiving = %q", v.file.Case.Status)
	}
	if !v.overview.actions.edit.Disabled() || !v.overview.actions.restore.Visible() || v.overview.actions.archive.Visible() {
		t.Error("an archived case still offers editing, or no restore")
	}
	test.Tap(v.overview.actions.restore)
	v.editor.onAnswer(true)
	bg.wait()
	if v.file.Case.Status != model.StatusOpen {
		t.Errorf("status after restoring = %q", v.file.Case.Status)
	}
}
