package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bollard/model"
)

func TestAddSeizureWithContainerCheckDigit(t *testing.T) {
	m, v := openCaseView(t, "Seizures")
	tab := v.seizures
	if tab.add.Disabled() || !tab.edit.Disabled() {
		t.Fatal("with no seizure selected only Add seizure should be enabled")
	}
	test.Tap(tab.add)
	f := tab.form
	if f == nil {
		t.Fatal("Add seizure opened no dialog")
	}
	if !f.guard.save.Disabled() {
		t.Error("Save is enabled on an empty seizure")
	}

	test.Type(f.place, "Port of Algeciras")
	test.Type(f.locode, "es alg")
	f.category.SetSelected("Cocaine")
	test.Type(f.description, "349 bricks in banana boxes")
	test.Type(f.quantity, "349,5")
	f.unit.SetSelected("kg")
	f.mode.SetSelected("Maritime container")
	test.Type(f.containers, "MSCU1234565")

	msg := f.errs.message("container number")
	if !strings.Contains(msg, "MSCU1234565") || !strings.Contains(msg, "check digit should be 6") {
		t.Errorf("container number message = %q, want the expected check digit", msg)
	}
	if !f.guard.save.Disabled() {
		t.Error("Save is enabled while the container number is wrong")
	}
	if !strings.Contains(test.RenderToMarkup(m.win.Canvas()), "check digit should be 6") {
		t.Error("the message is not on screen")
	}

	f.containers.SetText("MSCU 123456-6")
	if msg := f.errs.message("container number"); msg != "" {
		t.Errorf("the message stays after the number was corrected: %q", msg)
	}
	if f.guard.save.Disabled() {
		t.Fatalf("Save is disabled on a valid seizure; still needed: %q", f.guard.hint.Text)
	}
	test.Tap(f.guard.save)
	m.bg.wait()

	if len(tab.file.Seizures) != 1 {
		t.Fatalf("the tab lists %d seizures, want 1", len(tab.file.Seizures))
	}
	s := tab.file.Seizures[0]
	if s.Ref != "SZ-0001" || s.Quantity != 349.5 || s.LOCODE != "ESALG" || s.Country != "ES" ||
		len(s.ContainerNumbers) != 1 || s.ContainerNumbers[0] != "MSCU1234566" {
		t.Errorf("saved seizure = %+v", s)
	}
	if tab.selected != "SZ-0001" || tab.edit.Disabled() {
		t.Error("the new seizure is not the one selected")
	}
	markup := test.RenderToMarkup(m.win.Canvas())
	for _, want := range []string{"SZ-0001", "Port of Algeciras (ESALG)", "Cocaine: 349 bricks in banana boxes", "349.5 kg", "MSCU1234566", "Maritime container"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the Seizures tab does not show %q", want)
		}
	}
}

// seizureForTest is a valid seizure of the case, seized at.
func seizureForTest(caseID string, at time.Time) model.Seizure {
	return model.Seizure{CaseID: caseID, SeizedAt: at, PlaceName: "Port of Algeciras", Country: "ES",
		Category: model.CommodityCigarettes, Description: "Cigarettes in furniture", Quantity: 120, Unit: model.Sticks,
		EstimatedValue: 50000, Currency: "EUR", TransportMode: model.ModeRoad}
}

func TestEditSeizureQuantity(t *testing.T) {
	m, v := openCaseView(t, "Seizures")
	if _, err := m.own.ws.AddSeizure(context.Background(), seizureForTest(v.file.Case.ID, time.Now().Add(-time.Hour))); err != nil {
		t.Fatal(err)
	}
	v.reload()
	m.bg.wait()
	tab := v.seizures
	tab.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(tab.edit)
	f := tab.form
	if f.quantity.Text != "120" || f.unit.Selected != "sticks" || f.currency.Text != "EUR" {
		t.Fatalf("the form shows quantity %q %q, currency %q", f.quantity.Text, f.unit.Selected, f.currency.Text)
	}

	// Cancel with nothing changed closes at once; after a change it asks.
	f.quantity.SetText("1,200")
	if msg := f.errs.message("quantity"); !strings.Contains(msg, "write 1200 or 1.2") {
		t.Errorf("ambiguous quantity message = %q", msg)
	}
	f.quantity.SetText("12000")
	test.Tap(f.guard.cancel)
	if f.guard.asking == nil {
		t.Fatal("Cancel after a change did not ask before discarding it")
	}
	f.guard.asking.Hide()

	// Ctrl+S in the field saves.
	pressCtrlS(f.quantity)
	m.bg.wait()
	if got := tab.file.Seizures[0].Quantity; got != 12000 {
		t.Fatalf("quantity after the edit = %v, want 12000", got)
	}
	if got := tab.cellText(0, 4); got != "12,000 sticks" {
		t.Errorf("quantity cell = %q", got)
	}
	if !strings.Contains(test.RenderToMarkup(m.win.Canvas()), "12,000 sticks") {
		t.Error("the table does not show the new quantity")
	}
	if f.guard.open {
		t.Error("the form stayed open after saving")
	}
}

func TestReadNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
		bad  bool
	}{
		{"349.5", 349.5, false},
		{"349,5", 349.5, false},
		{"1 200", 1200, false},
		{"1,200.5", 1200.5, false},
		{"1,200", 0, true},
		{"twelve", 0, true},
		{"", 0, false},
		// European writing: the last separator is the decimal one.
		{"1.234,5", 1234.5, false},
		{"1.234.567,89", 1234567.89, false},
		{"1,234,567.89", 1234567.89, false},
		{"-1.234,5", -1234.5, false},
		// A repeated separator groups thousands.
		{"1.234.567", 1234567, false},
		{"1,234,567", 1234567, false},
		// A lone dot before three digits is as ambiguous as a comma.
		{"120.000", 0, true},
		{"1.234", 0, true},
		// Decimals that cannot be thousands.
		{"0.500", 0.5, false},
		{"0,500", 0.5, false},
		{"1234.567", 1234.567, false},
		{"1.2345", 1.2345, false},
		// Groups that are not thousands.
		{"1.23,4", 0, true},
		{"12,34.5", 0, true},
		{"1.2.3", 0, true},
		{"1234.567.890", 0, true},
		{"1,234.567.8", 0, true},
		// What ParseFloat would take but no officer writes.
		{"1e5", 0, true},
		{"Inf", 0, true},
		{"0x10", 0, true},
	} {
		t.Run(c.in, func(t *testing.T) {
			var bad []*model.FieldError
			got := readNumber("quantity", c.in, &bad)
			if got != c.want || (len(bad) > 0) != c.bad {
				t.Errorf("readNumber(%q) = %v, %v", c.in, got, bad)
			}
		})
	}
	t.Run("ambiguous says both readings", func(t *testing.T) {
		for in, want := range map[string]string{
			"120.000": "could be read two ways: write 120000 or 120",
			"1,200":   "could be read two ways: write 1200 or 1.2",
			"1.234":   "could be read two ways: write 1234 or 1.2340",
		} {
			var bad []*model.FieldError
			readNumber("value", in, &bad)
			if len(bad) != 1 || !strings.Contains(bad[0].Error(), want) {
				t.Errorf("readNumber(%q) says %v, want %q", in, bad, want)
			}
		}
	})
}

// pressCtrlS types Ctrl+S into the field with the focus.
func pressCtrlS(field fyne.Shortcutable) {
	field.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
}
