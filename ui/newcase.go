package ui

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/model"
)

// caseCreator is what the new-case form needs of a workspace.
type caseCreator interface {
	CreateCase(ctx context.Context, c model.Case) (model.Case, error)
}

var (
	corridorChoices = newChoices(model.Corridors, model.Corridor.Label)
	priorityChoices = newChoices(model.Priorities, model.Priority.Label)
	threatChoices   = newChoices(model.ThreatTypes, model.ThreatType.Label)
)

// newCaseForm is the dialog that opens a case. It asks only what the
// officer knows on day one; the workspace fills in the rest from the
// profile (lead officer and agency, opened today) and gives the ref.
type newCaseForm struct {
	cases     caseCreator
	win       fyne.Window
	bg        *background
	onCreated func(model.Case)

	title, operation, summary *widget.Entry
	corridor, priority        *widget.Select
	threats                   *threatPicker
	marking                   *widget.SelectEntry
	errs                      *fieldErrors
	create                    *widget.Button
	dialog                    *dialog.CustomDialog
	open                      bool // the dialog is on screen
}

// newNewCaseForm builds the dialog; officer supplies the default marking.
func newNewCaseForm(cases caseCreator, win fyne.Window, bg *background, officer model.Officer, onCreated func(model.Case)) *newCaseForm {
	f := &newCaseForm{cases: cases, win: win, bg: bg, onCreated: onCreated, errs: newFieldErrors()}

	f.title = widget.NewEntry()
	f.title.SetPlaceHolder("What the case is about, e.g. Cocaine in banana reefers via Antwerp")
	f.operation = widget.NewEntry()
	f.operation.SetPlaceHolder("Optional")
	f.corridor = widget.NewSelect(corridorChoices.labels, nil)
	f.corridor.PlaceHolder = "Choose the corridor"
	f.threats = newThreatPicker()
	f.priority = widget.NewSelect(priorityChoices.labels, nil)
	f.priority.SetSelected(priorityChoices.label(model.PriorityNormal))
	f.marking = widget.NewSelectEntry(model.HandlingMarkings)
	f.marking.SetText(officer.DefaultMarking)
	f.summary = widget.NewMultiLineEntry()
	f.summary.Wrapping = fyne.TextWrapWord
	f.summary.SetMinRowsVisible(4)
	f.summary.SetPlaceHolder("Optional: what is known so far")

	form := widget.NewForm(
		widget.NewFormItem("Title", f.errs.field(f.title, "title")),
		widget.NewFormItem("Operation", f.errs.field(f.operation, "operation name")),
		widget.NewFormItem("Corridor", f.errs.choice(f.corridor, "corridor")),
		widget.NewFormItem("Threat types", f.errs.choice(f.threats.content, "threat types", "threat type")),
		widget.NewFormItem("Priority", f.errs.choice(f.priority, "priority")),
		widget.NewFormItem("Handling marking", f.errs.field(f.marking, "handling marking")),
		widget.NewFormItem("Summary", f.errs.field(f.summary, "summary")),
	)

	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), f.onCancel)
	f.create = widget.NewButtonWithIcon("Create case", theme.ConfirmIcon(), f.onSave)
	f.create.Importance = widget.HighImportance
	f.title.OnSubmitted = func(string) { f.onSave() }

	content := withMinSize(container.NewVBox(form, f.errs.general), fyne.NewSize(860, 0))
	f.dialog = dialog.NewCustomWithoutButtons("New case", content, win)
	f.dialog.SetButtons([]fyne.CanvasObject{cancel, f.create})
	f.dialog.SetOnClosed(func() { f.open = false })
	return f
}

// show opens the dialog with the cursor in the title.
func (f *newCaseForm) show() {
	f.open = true
	f.dialog.Show()
	f.win.Canvas().Focus(f.title)
}

func (f *newCaseForm) onCancel() { f.dialog.Hide() }

// caseFromForm is the case as typed. Fields left empty stay empty: the
// workspace fills the defaults and the model judges the rest.
func (f *newCaseForm) caseFromForm() model.Case {
	return model.Case{
		Title:           f.title.Text,
		OperationName:   f.operation.Text,
		Corridor:        corridorChoices.value(f.corridor.Selected),
		ThreatTypes:     f.threats.selected(),
		Priority:        priorityChoices.value(f.priority.Selected),
		HandlingMarking: f.marking.Text,
		Summary:         f.summary.Text,
	}
}

// onSave creates the case. The dialog stays open, with each refused field
// marked, until the workspace accepts it.
func (f *newCaseForm) onSave() {
	if f.create.Disabled() {
		return // a save is already under way (Enter pressed twice)
	}
	c := f.caseFromForm()
	f.create.Disable()
	inBackground(f.bg, func(ctx context.Context) (model.Case, error) {
		return f.cases.CreateCase(ctx, c)
	}, func(created model.Case, err error) {
		f.create.Enable()
		if err != nil {
			if !f.errs.show(err) {
				showError(f.win, "create the case", err)
			}
			return
		}
		f.errs.clear()
		f.dialog.Hide()
		f.onCreated(created)
	})
}

// threatPicker is the threat types as check boxes in three columns, so that
// all fourteen are in sight at once without a dialog taller than the window.
type threatPicker struct {
	columns []*widget.CheckGroup
	content fyne.CanvasObject
}

func newThreatPicker() *threatPicker {
	const n = 3
	t := &threatPicker{}
	grid := container.NewGridWithColumns(n)
	per := (len(threatChoices.labels) + n - 1) / n
	for labels := range slices.Chunk(threatChoices.labels, per) {
		g := widget.NewCheckGroup(labels, nil)
		t.columns = append(t.columns, g)
		grid.Add(g)
	}
	t.content = grid
	return t
}

// selected is the ticked threat types, in the model's order.
func (t *threatPicker) selected() []model.ThreatType {
	var out []model.ThreatType
	for i, label := range threatChoices.labels {
		for _, g := range t.columns {
			if slices.Contains(g.Selected, label) {
				out = append(out, threatChoices.values[i])
			}
		}
	}
	return out
}

// setSelected ticks exactly the given threat types.
func (t *threatPicker) setSelected(threats []model.ThreatType) {
	for _, g := range t.columns {
		var on []string
		for _, label := range g.Options {
			if slices.Contains(threats, threatChoices.value(label)) {
				on = append(on, label)
			}
		}
		g.SetSelected(on)
	}
}
