package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The make-up of packs, cartons and master cases is asked for only when a
// seizure is counted in them, shows what the quantity comes to in sticks
// as it is typed, refuses a factor that is not a whole number above zero,
// and is saved with the seizure; the case's overview adds its cigarettes
// up in sticks.
func TestSeizureFormTobaccoFactors(t *testing.T) {
	m, v := openCaseView(t, "Seizures")
	tab := v.seizures
	test.Tap(tab.add)
	f := tab.form
	test.Type(f.place, "Port of Algeciras")
	f.category.SetSelected("Cigarettes")
	test.Type(f.description, "Marlboro Gold in a reefer")
	test.Type(f.quantity, "12")
	f.unit.SetSelected("kg")
	f.mode.SetSelected("Maritime container")
	if f.tobacco.shown() {
		t.Fatal("the make-up of cigarette units is shown for kilograms")
	}

	f.unit.SetSelected("cartons")
	if !f.tobacco.shown() {
		t.Fatal("the make-up is not shown for cartons")
	}
	if got := f.tobacco.perPack.Text + "/" + f.tobacco.perCarton.Text + "/" + f.tobacco.perCase.Text; got != "20/10/50" {
		t.Errorf("a new seizure's factors read %s, want the usual 20/10/50", got)
	}
	if got := f.tobacco.inSticks.Text; got != "12 cartons = 2,400 sticks (20 sticks/pack, 10 packs/carton)" {
		t.Errorf("in sticks: %q", got)
	}

	f.tobacco.perCarton.SetText("0")
	if msg := f.errs.message("packs per carton"); !strings.Contains(msg, "more than zero") {
		t.Errorf("packs per carton 0: message %q", msg)
	}
	if !f.guard.save.Disabled() {
		t.Error("Save is enabled with a carton of 0 packs")
	}
	f.tobacco.perCarton.SetText("500")
	if msg := f.errs.message("packs per carton"); !strings.Contains(msg, "at most 100") {
		t.Errorf("packs per carton 500: message %q", msg)
	}
	f.tobacco.perCarton.SetText("20")
	if msg := f.errs.message("packs per carton"); msg != "" {
		t.Errorf("message stays after the factor was corrected: %q", msg)
	}
	if got := f.tobacco.inSticks.Text; got != "12 cartons = 4,800 sticks (20 sticks/pack, 20 packs/carton)" {
		t.Errorf("in sticks after the change: %q", got)
	}
	if !strings.Contains(test.RenderToMarkup(m.win.Canvas()), "4,800 sticks") {
		t.Error("the conversion is not on screen")
	}
	if f.guard.save.Disabled() {
		t.Fatalf("Save is disabled on a valid seizure; still needed: %q", f.guard.hint.Text)
	}
	test.Tap(f.guard.save)
	m.bg.wait()

	s := tab.file.Seizures[0]
	if s.Unit != "cartons" || s.Quantity != 12 || s.SticksPerPack != 0 || s.PacksPerCarton != 20 || s.CartonsPerMasterCase != 0 {
		t.Fatalf("saved: %s %v, factors %d/%d/%d", s.Unit, s.Quantity, s.SticksPerPack, s.PacksPerCarton, s.CartonsPerMasterCase)
	}
	if got := tab.count.Text; !strings.Contains(got, "cigarettes in all: 4,800 sticks") {
		t.Errorf("the Seizures tab says %q", got)
	}
	if got := v.overview.text("Contents"); !strings.Contains(got, "cigarettes in all: 4,800 sticks") {
		t.Errorf("the overview says %q", got)
	}

	tab.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(tab.edit)
	f = tab.form
	if !f.tobacco.shown() || f.tobacco.perCarton.Text != "20" || f.tobacco.perPack.Text != "20" {
		t.Fatalf("editing shows the factors %q/%q (shown %v)", f.tobacco.perPack.Text, f.tobacco.perCarton.Text, f.tobacco.shown())
	}
	f.unit.SetSelected("master cases")
	if got := f.tobacco.inSticks.Text; got != "12 master cases = 240,000 sticks (20 sticks/pack, 20 packs/carton, 50 cartons/master case)" {
		t.Errorf("in sticks as master cases: %q", got)
	}
}
