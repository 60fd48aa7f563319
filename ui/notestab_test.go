package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestAddNote(t *testing.T) {
	m, v := openCaseView(t, "Notes")
	tab := v.notes
	if !tab.add.Disabled() {
		t.Error("Add note is enabled with nothing written")
	}
	test.Type(tab.entry, "Driver says the load was booked by phone.\nNo written order.")
	test.Tap(tab.add)
	m.bg.wait()
	test.Type(tab.entry, "Second note")
	pressCtrlS(tab.entry)
	m.bg.wait()

	texts := tab.texts()
	if len(texts) != 2 || !strings.Contains(texts[0], "booked by phone") || !strings.Contains(texts[1], "Second note") {
		t.Fatalf("notes = %q, want both, oldest first", texts)
	}
	if tab.entry.Text != "" {
		t.Errorf("the field still holds %q after the note was added", tab.entry.Text)
	}
	markup := test.RenderToMarkup(m.win.Canvas())
	for _, want := range []string{testOfficer.Name, "No written order.", "2 notes, oldest first."} {
		if !strings.Contains(markup, want) {
			t.Errorf("the Notes tab does not show %q", want)
		}
	}
}

func TestNoteDraftStaysWithItsCase(t *testing.T) {
	m, v := openCaseView(t, "Notes")
	if _, err := m.own.ws.CreateCase(context.Background(), caseForTest("Second case")); err != nil {
		t.Fatal(err)
	}
	m.home.list.reload("")
	m.bg.wait()
	first := v.file.Case.Ref
	test.Type(v.notes.entry, "Half-written note")
	for row, c := range m.home.list.rows {
		if c.Ref != first {
			m.home.list.table.Select(widget.TableCellID{Row: row, Col: 0})
		}
	}
	m.bg.wait()
	if v.file.Case.Ref == first || v.notes.entry.Text != "" {
		t.Fatalf("in the other case %s the field holds %q", v.file.Case.Ref, v.notes.entry.Text)
	}
	for row, c := range m.home.list.rows {
		if c.Ref == first {
			m.home.list.table.Select(widget.TableCellID{Row: row, Col: 0})
		}
	}
	m.bg.wait()
	if v.notes.entry.Text != "Half-written note" {
		t.Errorf("back in %s the field holds %q", first, v.notes.entry.Text)
	}
}
