package ui

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bollard/model"
)

// TestFormDatesAreTheSameInEveryZone runs the seizure form, as an officer
// types in it, on computers set to Madrid, Bogotá, Auckland and UTC (the
// test again, with TZ set): a day typed alone is that day, and a time
// received from a partner keeps its offset when edited.
func TestFormDatesAreTheSameInEveryZone(t *testing.T) {
	if os.Getenv("BOLLARD_TEST_ZONE") != "" {
		t.Skip("this is the run under one zone")
	}
	if testing.Short() {
		t.Skip("runs the form again under four time zones")
	}
	for _, zone := range []string{"Europe/Madrid", "America/Bogota", "Pacific/Auckland", "UTC"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestFormDatesInOneZone$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), "TZ="+zone, "BOLLARD_TEST_ZONE="+zone)
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS: TestFormDatesInOneZone") {
			t.Errorf("under TZ=%s: %v\n%s", zone, err, out)
		}
	}
}

// TestFormDatesInOneZone is one zone's run of TestFormDatesAreTheSameInEveryZone.
func TestFormDatesInOneZone(t *testing.T) {
	zone := os.Getenv("BOLLARD_TEST_ZONE")
	if zone == "" {
		t.Skip("run by TestFormDatesAreTheSameInEveryZone, with TZ set")
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	_, want := now.In(loc).Zone()
	if _, got := now.Zone(); got != want {
		t.Fatalf("TZ=%s did not set this computer's zone", zone)
	}

	m, v := openCaseView(t, "Seizures")
	madrid := time.FixedZone("", 3600) // received from a partner in Madrid
	received := seizureForTest(v.file.Case.ID, time.Date(2026, 3, 16, 23, 30, 0, 0, madrid))
	if _, err := m.own.ws.AddSeizure(context.Background(), received); err != nil {
		t.Fatal(err)
	}
	v.reload()
	m.bg.wait()
	tab := v.seizures

	test.Tap(tab.add)
	f := tab.form
	f.seizedAt.date.SetText("14/03/2026")
	f.seizedAt.clock.SetText("")
	test.Type(f.place, "Port of Algeciras")
	test.Type(f.locode, "ESALG")
	f.category.SetSelected("Cocaine")
	test.Type(f.description, "bricks in banana boxes")
	test.Type(f.quantity, "120")
	f.unit.SetSelected("kg")
	f.mode.SetSelected("Maritime container")
	if f.guard.save.Disabled() {
		t.Fatalf("Save is disabled; still needed: %q", f.guard.hint.Text)
	}
	test.Tap(f.guard.save)
	m.bg.wait()

	shown := map[string]string{} // ref → the Seized cell
	for row := range tab.file.Seizures {
		shown[tab.cellText(row, 0)] = tab.cellText(row, 1)
	}
	if shown["SZ-0002"] != "2026-03-14" || shown["SZ-0001"] != "2026-03-16 23:30 UTC+1" {
		t.Fatalf("the Seizures tab shows %q", shown)
	}
	typed := tab.file.Seizures[0] // the 14th happened first
	if !typed.SeizedAt.Equal(time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)) || !model.IsDayOnly(typed.SeizedAt) {
		t.Errorf("the day typed alone was saved as %v", typed.SeizedAt)
	}

	// Each form shows a seizure as it was written, and saving it again
	// (after another change) keeps its date.
	for row, wantDay := range []string{"2026-03-14", "2026-03-16"} {
		tab.table.Select(widget.TableCellID{Row: row, Col: 0})
		test.Tap(tab.edit)
		f := tab.form
		if f.seizedAt.date.Text != wantDay {
			t.Errorf("row %d: the form shows the day %q, want %q", row, f.seizedAt.date.Text, wantDay)
		}
		f.quantity.SetText("121")
		pressCtrlS(f.quantity)
		m.bg.wait()
	}
	if f := tab.form; f.seizedAt.clock.Text != "23:30" {
		t.Errorf("the partner's seizure shows the time %q, want 23:30 as written", f.seizedAt.clock.Text)
	}
	for row := range tab.file.Seizures {
		shown[tab.cellText(row, 0)] = tab.cellText(row, 1)
	}
	if shown["SZ-0002"] != "2026-03-14" || shown["SZ-0001"] != "2026-03-16 23:30 UTC+1" {
		t.Errorf("after editing, the Seizures tab shows %q", shown)
	}
	for _, s := range tab.file.Seizures {
		if s.Quantity != 121 {
			t.Errorf("%s was not saved again: %v", s.Ref, s.Quantity)
		}
	}

	v.selectTab("Timeline")
	m.bg.wait()
	lines := strings.Join(v.timeline.texts(), "\n")
	for _, want := range []string{"2026-03-14 SEIZURE SZ-0002", "2026-03-16 23:30 UTC+1 SEIZURE SZ-0001"} {
		if !strings.Contains(lines, want) {
			t.Errorf("the timeline does not show %q:\n%s", want, lines)
		}
	}

	// An exhibit's acquisition, typed as a day alone, is that day too.
	if got, err := parseLocalTime("acquired at", "14/03/2026"); err != nil || model.FormatLocalWhen(got) != "2026-03-14" {
		t.Errorf("an exhibit acquired on 14/03/2026 reads as %v (%q), %v", got, model.FormatLocalWhen(got), err)
	}
}
