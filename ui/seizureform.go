package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/app/typed"
	"bollard/model"
)

// seizureStore is what the Seizures tab needs of a workspace.
type seizureStore interface {
	AddSeizure(ctx context.Context, s model.Seizure) (model.Seizure, error)
	UpdateSeizure(ctx context.Context, s model.Seizure) (model.Seizure, error)
}

var (
	commodityChoices = newChoices(model.CommodityCategories, func(c model.CommodityCategory) string { return capitalize(c.Label()) })
	unitChoices      = newChoices(model.Units, func(u model.Unit) string { return u.Label() })
	modeChoices      = newChoices(model.TransportModes, func(m model.TransportMode) string { return capitalize(m.Label()) })
	detectionChoices = newChoices(append([]model.DetectionMethod{""}, model.DetectionMethods...), func(d model.DetectionMethod) string {
		if d == "" {
			return "Not recorded"
		}
		return capitalize(d.Label())
	})
)

// commonCurrencies come first in the currency picker: the ones seizures
// in the corridors Bollard serves are valued in. Any other code can be typed.
var commonCurrencies = []string{"EUR", "USD", "GBP", "CAD", "CHF", "COP", "BRL", "MXN", "PEN", "DOP", "CNY", "AED", "TRY", "MAD"}

// seizureForm is the dialog that records a seizure in a case, or edits
// one: every field of the seizure, in two columns so that it fits a
// laptop screen.
type seizureForm struct {
	store   seizureStore
	win     fyne.Window
	bg      *background
	file    app.CaseFile
	old     model.Seizure // the seizure edited; its ID is "" for a new one
	onSaved func(model.Seizure)

	seizedAt                               *dateTimeField
	place, locode, description, hsCode     *savingEntry
	quantity, value, concealment, document *savingEntry
	containers, seals, transit, notes      *savingEntry
	country, origin, destination           *countryField
	category, unit, mode, detection        *widget.Select
	currency                               *widget.SelectEntry
	tobacco                                *tobaccoFields
	errs                                   *fieldErrors
	guard                                  *formGuard
}

// newSeizureForm builds the dialog for s: a new seizure when s.ID is "".
func newSeizureForm(store seizureStore, win fyne.Window, bg *background, file app.CaseFile, s model.Seizure,
	onSaved func(model.Seizure)) *seizureForm {
	f := &seizureForm{store: store, win: win, bg: bg, file: file, old: s, onSaved: onSaved, errs: newFieldErrors()}
	title, saveText := "New seizure in "+file.Case.Ref, "Add seizure"
	if s.ID != "" {
		title, saveText = "Seizure "+s.Ref+" of "+file.Case.Ref, "Save changes"
	}
	f.guard = newFormGuard(win, f.errs, saveText, f.check, f.typed, f.onSave)
	g := f.guard

	f.seizedAt = newDateTimeField(g, "seized at", true)
	f.place = entryWithHint(g, "Port, airport, border post, e.g. Port of Algeciras", "place")
	f.locode = entryWithHint(g, "Optional, e.g. ESALG", "UN/LOCODE")
	f.country = newCountryField(g, "country")
	f.category = g.choice(commodityChoices.labels, "commodity category")
	f.description = entryWithHint(g, "e.g. 349 bricks of cocaine in banana boxes", "commodity description")
	f.hsCode = entryWithHint(g, "Optional, e.g. 0803.90 (the goods declared)", "HS code")
	f.quantity = entryWithHint(g, "e.g. 349.5", "quantity")
	f.unit = g.choice(unitChoices.labels, "unit")
	f.tobacco = newTobaccoFields(g, f.showTobacco)
	f.unit.OnChanged = andThen(f.unit.OnChanged, f.showTobacco)
	f.quantity.OnChanged = andThen(f.quantity.OnChanged, f.showTobacco)
	f.value = entryWithHint(g, "Optional, e.g. 12000000", "estimated value")
	f.currency = widget.NewSelectEntry(commonCurrencies)
	f.currency.SetPlaceHolder("e.g. EUR")
	f.currency.OnChanged = func(string) { g.touch("currency") }
	f.mode = g.choice(modeChoices.labels, "transport mode")
	f.detection = g.choice(detectionChoices.labels, "detection method")
	f.concealment = entryWithHint(g, "Optional, e.g. in the cooling unit of a reefer", "concealment")
	f.containers = g.entry(true, "container number")
	f.containers.SetMinRowsVisible(2)
	f.containers.SetPlaceHolder("One a line or comma-separated, e.g. MSCU1234566")
	f.seals = g.entry(true, "seal number")
	f.seals.SetMinRowsVisible(2)
	f.seals.SetPlaceHolder("One a line or comma-separated")
	f.document = entryWithHint(g, "Optional: bill of lading or air waybill number", "transport document")
	f.origin = newCountryField(g, "origin country")
	f.transit = entryWithHint(g, "Optional: codes separated by commas, e.g. PA, NL", "transit country")
	f.destination = newCountryField(g, "destination country")
	f.notes = g.entry(true, "notes")
	f.notes.SetMinRowsVisible(3)
	f.notes.SetPlaceHolder("Optional")
	g.quiet(func() { f.set(s) })

	e := f.errs
	left := widget.NewForm(
		widget.NewFormItem("Seized", e.field(f.seizedAt.content, "seized at")),
		widget.NewFormItem("Place", e.field(f.place, "place")),
		widget.NewFormItem("UN/LOCODE", e.field(f.locode, "UN/LOCODE")),
		widget.NewFormItem("Country", e.field(f.country, "country")),
		widget.NewFormItem("Commodity", e.choice(f.category, "commodity category")),
		widget.NewFormItem("Description", e.field(f.description, "commodity description")),
		widget.NewFormItem("HS code", e.field(f.hsCode, "HS code")),
		widget.NewFormItem("Quantity", container.NewVBox(container.NewBorder(nil, nil, nil,
			e.choice(withMinSize(f.unit, fyne.NewSize(140, 0)), "unit"), e.field(f.quantity, "quantity")),
			f.tobacco.content(e))),
		widget.NewFormItem("Value", container.NewBorder(nil, nil, nil,
			e.field(withMinSize(f.currency, fyne.NewSize(120, 0)), "currency"), e.field(f.value, "estimated value"))),
		widget.NewFormItem("Notes", e.field(f.notes, "notes")),
	)
	right := widget.NewForm(
		widget.NewFormItem("Transport", e.choice(f.mode, "transport mode")),
		widget.NewFormItem("Detected by", e.choice(f.detection, "detection method")),
		widget.NewFormItem("Concealment", e.field(f.concealment, "concealment")),
		widget.NewFormItem("Containers", e.field(f.containers, "container number")),
		widget.NewFormItem("Seals", e.field(f.seals, "seal number")),
		widget.NewFormItem("B/L or AWB", e.field(f.document, "transport document")),
		widget.NewFormItem("Origin", e.field(f.origin, "origin country")),
		widget.NewFormItem("Transit", e.field(f.transit, "transit country")),
		widget.NewFormItem("Destination", e.field(f.destination, "destination country")),
	)
	body := container.NewVBox(container.NewGridWithColumns(2, left, right), e.general)
	f.showTobacco()
	g.build(title, container.NewVScroll(body), fyne.NewSize(1180, 600), f.place)
	return f
}

// entryWithHint is a one-line field of the form with a placeholder.
func entryWithHint(g *formGuard, placeholder string, names ...string) *savingEntry {
	e := g.entry(false, names...)
	e.SetPlaceHolder(placeholder)
	return e
}

func (f *seizureForm) show() { f.guard.show() }

// set fills the form with s; a new seizure starts at today, now.
func (f *seizureForm) set(s model.Seizure) {
	f.tobacco.set(s)
	if s.ID == "" {
		f.seizedAt.set(time.Now())
		f.detection.SetSelected(detectionChoices.label(""))
		return
	}
	f.seizedAt.set(s.SeizedAt)
	f.place.SetText(s.PlaceName)
	f.locode.SetText(s.LOCODE)
	f.country.SetText(countryText(s.Country))
	f.category.SetSelected(commodityChoices.label(s.Category))
	f.description.SetText(s.Description)
	f.hsCode.SetText(s.HSCode)
	f.quantity.SetText(formatNumber(s.Quantity))
	f.unit.SetSelected(unitChoices.label(s.Unit))
	if s.EstimatedValue != 0 {
		f.value.SetText(formatNumber(s.EstimatedValue))
	}
	f.currency.SetText(s.Currency)
	f.mode.SetSelected(modeChoices.label(s.TransportMode))
	f.detection.SetSelected(detectionChoices.label(s.Detection))
	f.concealment.SetText(s.Concealment)
	f.containers.SetText(strings.Join(s.ContainerNumbers, "\n"))
	f.seals.SetText(strings.Join(s.SealNumbers, "\n"))
	f.document.SetText(s.TransportDocument)
	f.origin.SetText(countryText(s.OriginCountry))
	f.transit.SetText(strings.Join(s.TransitCountries, ", "))
	f.destination.SetText(countryText(s.DestinationCountry))
	f.notes.SetText(s.Notes)
}

// seizureFromForm is the seizure as typed, on top of the one edited (its
// identity and ref); a number or time that cannot be read is a field error.
func (f *seizureForm) seizureFromForm() (model.Seizure, error) {
	s := f.old
	s.CaseID = f.file.Case.ID
	var bad []*model.FieldError
	s.SeizedAt = f.seizedAt.read(&bad)
	s.PlaceName = f.place.Text
	s.LOCODE = f.locode.Text
	s.Country = f.country.code()
	s.Category = commodityChoices.value(f.category.Selected)
	s.Description = f.description.Text
	s.HSCode = f.hsCode.Text
	s.Quantity = readNumber("quantity", f.quantity.Text, &bad)
	s.Unit = unitChoices.value(f.unit.Selected)
	if f.tobacco.shown() {
		f.tobacco.read(&s, &bad)
	}
	s.EstimatedValue = readNumber("estimated value", f.value.Text, &bad)
	s.Currency = strings.ToUpper(strings.TrimSpace(f.currency.Text))
	s.TransportMode = modeChoices.value(f.mode.Selected)
	s.Detection = detectionChoices.value(f.detection.Selected)
	s.Concealment = strings.TrimSpace(f.concealment.Text)
	s.ContainerNumbers = splitList(f.containers.Text)
	s.SealNumbers = splitList(f.seals.Text)
	s.TransportDocument = strings.TrimSpace(f.document.Text)
	s.OriginCountry = f.origin.code()
	s.TransitCountries = nil
	for _, c := range splitList(f.transit.Text) {
		s.TransitCountries = append(s.TransitCountries, countryCode(c))
	}
	s.DestinationCountry = f.destination.code()
	s.Notes = strings.TrimSpace(f.notes.Text)
	return s, fieldErrorsOf(bad)
}

// showTobacco shows the make-up of packs, cartons and master cases only
// for a seizure counted in them, with what the quantity comes to in sticks.
func (f *seizureForm) showTobacco() {
	s := model.Seizure{Unit: unitChoices.value(f.unit.Selected)}
	var bad []*model.FieldError
	s.Quantity = readNumber("quantity", f.quantity.Text, &bad)
	f.tobacco.show(s)
}

// check judges the seizure as typed without saving it.
func (f *seizureForm) check() error {
	s, err := f.seizureFromForm()
	return mergeErrors(err, s.Validate(time.Now()))
}

// typed is everything in the form, to tell whether the officer changed it.
func (f *seizureForm) typed() string {
	return strings.Join([]string{f.seizedAt.date.Text, f.seizedAt.clock.Text, f.place.Text, f.locode.Text, f.country.Text,
		f.category.Selected, f.description.Text, f.hsCode.Text, f.quantity.Text, f.unit.Selected, f.value.Text,
		f.currency.Text, f.mode.Selected, f.detection.Selected, f.concealment.Text, f.containers.Text, f.seals.Text,
		f.document.Text, f.origin.Text, f.transit.Text, f.destination.Text, f.notes.Text,
		f.tobacco.perPack.Text, f.tobacco.perCarton.Text, f.tobacco.perCase.Text}, "\x00")
}

// onSave records or saves the seizure; the dialog stays open, every
// refused field marked, until the workspace accepts it.
func (f *seizureForm) onSave() {
	s, err := f.seizureFromForm()
	if err != nil {
		f.guard.refused(err)
		return
	}
	doing := "add the seizure to " + f.file.Case.Ref
	if s.ID != "" {
		doing = "save seizure " + s.Ref
	}
	saveInBackground(f.guard, f.bg, doing, func(ctx context.Context) (model.Seizure, error) {
		if s.ID == "" {
			return f.store.AddSeizure(ctx, s)
		}
		return f.store.UpdateSeizure(ctx, s)
	}, f.onSaved)
}

// splitList reads a list typed one per line or separated by commas or
// semicolons.
func splitList(text string) []string {
	var out []string
	for _, s := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == ',' || r == ';' }) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// readNumber reads a quantity or an amount by the rules officers type
// numbers everywhere (typed.Number): spaces between digit groups, a
// decimal comma as well as a decimal point, thousands grouped by the other.
// Nothing tells the officer's convention, so a lone separator before three
// digits (1,200 or 120.000) is refused as ambiguous, so that 1,200 kg never
// becomes 1.2 kg nor 120.000 EUR 120 EUR. One that cannot be read is added
// to bad and reads as 0; an empty one is 0.
func readNumber(field, text string, bad *[]*model.FieldError) float64 {
	if strings.TrimSpace(text) == "" {
		return 0
	}
	v, err := typed.Number(text, typed.DecimalUnknown)
	var ambiguous *typed.AmbiguousError
	switch {
	case errors.As(err, &ambiguous):
		*bad = append(*bad, model.Invalid(field, text, "%s", ambiguous.Why()))
		return 0
	case err != nil:
		*bad = append(*bad, model.Invalid(field, text, "should be a number, e.g. 349.5"))
		return 0
	}
	return v
}

// formatNumber writes a quantity or amount without trailing zeros.
func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
