package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

var custodyActionChoices = newChoices(model.CustodyActions, func(a model.CustodyAction) string { return capitalize(a.Label()) })

// The seal-state choices of the custody form.
const (
	sealIntact     = "Found intact"
	sealBroken     = "Found broken"
	sealNotChecked = "Not checked"
)

// correctsNothing is the corrects select's choice for a new event that
// corrects none.
const correctsNothing = "Nothing: this is a new event"

// custodyForm is the dialog that adds one event to an exhibit's chain of
// custody. Whoever holds the exhibit now is the one it passes from; a
// mistake in an earlier event is put right by a new event that names it.
type custodyForm struct {
	store   evidenceStore
	win     fyne.Window
	bg      *background
	exhibit app.Exhibit
	onAdded func()

	action, corrects              *widget.Select
	toName, toAgency, place, seal *widget.Entry
	sealState                     *widget.RadioGroup
	note, when                    *widget.Entry
	errs                          *fieldErrors
	save                          *widget.Button
	dialog                        *dialog.CustomDialog
}

func newCustodyForm(store evidenceStore, win fyne.Window, bg *background, x app.Exhibit, onAdded func()) *custodyForm {
	f := &custodyForm{store: store, win: win, bg: bg, exhibit: x, onAdded: onAdded, errs: newFieldErrors()}
	f.action = widget.NewSelect(custodyActionChoices.labels, nil)
	f.action.PlaceHolder = "Choose what happened"
	f.toName = widget.NewEntry()
	f.toName.SetPlaceHolder("Who holds it after this; empty means you, for seized, sealed and received")
	f.toAgency = widget.NewEntry()
	f.toAgency.SetPlaceHolder("Their agency or laboratory")
	f.place = widget.NewEntry()
	f.place.SetPlaceHolder("Optional, e.g. Algeciras port, customs warehouse 3")
	f.seal = widget.NewEntry()
	f.seal.SetText(x.Item.SealNumber)
	f.seal.SetPlaceHolder("The seal number on the exhibit now")
	f.sealState = widget.NewRadioGroup([]string{sealIntact, sealBroken, sealNotChecked}, nil)
	f.sealState.Horizontal = true
	f.sealState.Required = true
	f.sealState.SetSelected(sealNotChecked)
	f.note = widget.NewMultiLineEntry()
	f.note.Wrapping = fyne.TextWrapWord
	f.note.SetMinRowsVisible(2)
	f.note.SetPlaceHolder("Optional")
	f.when = widget.NewEntry()
	f.when.SetText(time.Now().Format("2006-01-02 15:04"))
	corrects := []string{correctsNothing}
	for i := range x.Custody {
		corrects = append(corrects, capitalize(eventName(x, x.Custody[i].ID)))
	}
	f.corrects = widget.NewSelect(corrects, nil)
	f.corrects.SetSelected(correctsNothing)

	from := "nobody yet"
	if h := x.Holder(); h.Name != "" {
		from = h.String() + ", who holds it now"
	}
	form := widget.NewForm(
		widget.NewFormItem("What happened", f.errs.choice(f.action, "action")),
		widget.NewFormItem("From", newQuietText(from)),
		widget.NewFormItem("To", f.errs.field(f.toName, "to")),
		widget.NewFormItem("Agency", f.errs.field(f.toAgency, "agency")),
		widget.NewFormItem("Place", f.errs.field(f.place, "place")),
		widget.NewFormItem("Seal number", f.errs.field(f.seal, "seal number")),
		widget.NewFormItem("Seal", f.errs.choice(f.sealState, "seal intact")),
		widget.NewFormItem("When", f.errs.field(f.when, "when")),
		widget.NewFormItem("Note", f.errs.field(f.note, "note")),
		widget.NewFormItem("Corrects", f.errs.choice(f.corrects, "corrects")),
	)
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { f.dialog.Hide() })
	f.save = widget.NewButtonWithIcon("Record event", theme.ConfirmIcon(), f.onSave)
	f.save.Importance = widget.HighImportance
	hint := quietLabel("Events are never edited or removed. To put a mistake right, record a new event and choose under Corrects the one it corrects.")
	content := withMinSize(container.NewVBox(form, hint, f.errs.general), fyne.NewSize(820, 0))
	f.dialog = dialog.NewCustomWithoutButtons("Custody of "+x.Item.ExhibitRef, content, win)
	f.dialog.SetButtons([]fyne.CanvasObject{cancel, f.save})
	return f
}

func (f *custodyForm) show() {
	f.dialog.Show()
}

// eventFromForm is the event as typed.
func (f *custodyForm) eventFromForm() (model.CustodyEvent, error) {
	ev := model.CustodyEvent{
		ItemID:     f.exhibit.Item.ID,
		Action:     custodyActionChoices.value(f.action.Selected),
		To:         model.Author{Name: strings.TrimSpace(f.toName.Text), Agency: strings.TrimSpace(f.toAgency.Text)},
		Place:      strings.TrimSpace(f.place.Text),
		SealNumber: strings.TrimSpace(f.seal.Text),
		Note:       strings.TrimSpace(f.note.Text),
	}
	switch f.sealState.Selected {
	case sealIntact:
		ev.SealIntact = new(true)
	case sealBroken:
		ev.SealIntact = new(false)
	}
	for i := range f.exhibit.Custody {
		if capitalize(eventName(f.exhibit, f.exhibit.Custody[i].ID)) == f.corrects.Selected {
			ev.Corrects = f.exhibit.Custody[i].ID
		}
	}
	var err error
	if strings.TrimSpace(f.when.Text) == "" {
		err = model.Invalid("when", "", "is required: when it happened")
	} else {
		ev.At, err = parseLocalTime("when", f.when.Text)
	}
	return ev, err
}

// onSave records the event; the dialog stays open until it is accepted.
func (f *custodyForm) onSave() {
	if f.save.Disabled() {
		return
	}
	ev, err := f.eventFromForm()
	if err != nil {
		f.errs.show(err)
		return
	}
	f.save.Disable()
	inBackground(f.bg, func(ctx context.Context) (model.CustodyEvent, error) {
		return f.store.AddCustodyEvent(ctx, ev)
	}, func(_ model.CustodyEvent, err error) {
		f.save.Enable()
		if err != nil {
			if !f.errs.show(err) {
				showError(f.win, fmt.Sprintf("record the custody event of %s", f.exhibit.Item.ExhibitRef), err)
			}
			return
		}
		f.errs.clear()
		f.dialog.Hide()
		f.onAdded()
	})
}
