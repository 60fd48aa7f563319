package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bollard/model"
)

// tobaccoFields are the seizure form's make-up of cigarette units: sticks
// a pack, packs a carton, cartons a master case, shown only for a seizure
// counted in packs, cartons or master cases, with what it comes to in
// sticks ("12 cartons = 2,400 sticks (20 sticks/pack, 10 packs/carton)").
// A field left empty is the usual number.
type tobaccoFields struct {
	perPack, perCarton, perCase *savingEntry
	inSticks                    *widget.Label
	box                         *fyne.Container
}

// newTobaccoFields makes the fields; changed is told when one is typed in.
func newTobaccoFields(g *formGuard, changed func()) *tobaccoFields {
	t := &tobaccoFields{
		perPack:   entryWithHint(g, strconv.Itoa(model.UsualSticksPerPack), "sticks per pack"),
		perCarton: entryWithHint(g, strconv.Itoa(model.UsualPacksPerCarton), "packs per carton"),
		perCase:   entryWithHint(g, strconv.Itoa(model.UsualCartonsPerMasterCase), "cartons per master case"),
		inSticks:  widget.NewLabel(""),
	}
	t.inSticks.Wrapping = fyne.TextWrapWord
	for _, e := range []*savingEntry{t.perPack, t.perCarton, t.perCase} {
		e.OnChanged = andThen(e.OnChanged, changed)
	}
	return t
}

// andThen is a change handler that runs then after handle.
func andThen(handle func(string), then func()) func(string) {
	return func(s string) {
		if handle != nil {
			handle(s)
		}
		then()
	}
}

// content lays the fields out under the quantity, each with its error.
func (t *tobaccoFields) content(e *fieldErrors) fyne.CanvasObject {
	factor := func(entry *savingEntry, unit, field string) fyne.CanvasObject {
		return container.NewBorder(nil, nil, nil, widget.NewLabel(unit), e.field(entry, field))
	}
	t.box = container.NewVBox(
		container.NewGridWithColumns(3,
			factor(t.perPack, "sticks/pack", "sticks per pack"),
			factor(t.perCarton, "packs/carton", "packs per carton"),
			factor(t.perCase, "cartons/master case", "cartons per master case")),
		t.inSticks)
	t.box.Hide()
	return t.box
}

// set shows the seizure's own factors, and the usual ones as they are.
func (t *tobaccoFields) set(s model.Seizure) {
	perPack, perCarton, perCase := s.TobaccoFactors()
	t.perPack.SetText(strconv.Itoa(perPack))
	t.perCarton.SetText(strconv.Itoa(perCarton))
	t.perCase.SetText(strconv.Itoa(perCase))
}

// read puts the factors typed into s; one that is not a whole number is
// added to bad.
func (t *tobaccoFields) read(s *model.Seizure, bad *[]*model.FieldError) {
	for _, f := range []struct {
		entry *savingEntry
		field string
		n     *int
	}{
		{t.perPack, "sticks per pack", &s.SticksPerPack},
		{t.perCarton, "packs per carton", &s.PacksPerCarton},
		{t.perCase, "cartons per master case", &s.CartonsPerMasterCase},
	} {
		n, err := model.ParseTobaccoFactor(f.field, f.entry.Text)
		if fe, ok := err.(*model.FieldError); ok {
			*bad = append(*bad, fe)
			continue
		}
		*f.n = n
	}
}

func (t *tobaccoFields) shown() bool { return t.box != nil && t.box.Visible() }

// show shows the fields for a seizure counted in packs, cartons or master
// cases, hides them for any other, and says what s comes to in sticks by
// the factors typed.
func (t *tobaccoFields) show(s model.Seizure) {
	if t.box == nil {
		return
	}
	if !s.Unit.IsTobacco() || s.Unit == model.Sticks {
		t.box.Hide()
		return
	}
	var bad []*model.FieldError
	t.read(&s, &bad)
	t.inSticks.SetText("")
	if s.Quantity > 0 && len(bad) == 0 {
		t.inSticks.SetText(s.SticksSummary())
	}
	t.box.Show()
}

// cigarettesInAll is "; cigarettes in all: 186,400 sticks" for a case with
// seizures counted in cigarette units, each by its own factors; "" for one
// without.
func cigarettesInAll(seizures []model.Seizure) string {
	sticks, ok := model.SticksInAll(seizures)
	if !ok {
		return ""
	}
	return "; cigarettes in all: " + model.FormatCount(sticks) + " sticks"
}
