package ui

import (
	"context"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/model"
)

// caseEditStore is what editing, archiving and restoring a case need of a workspace.
type caseEditStore interface {
	UpdateCase(ctx context.Context, c model.Case) (model.Case, error)
	ArchiveCase(ctx context.Context, ref string) (model.Case, error)
	RestoreCase(ctx context.Context, ref string) (model.Case, error)
}

// editStatusChoices are the statuses a case can be given in the form:
// archiving has its own button, which remembers the status for a restore.
var editStatusChoices = newChoices(slices.DeleteFunc(slices.Clone(model.CaseStatuses),
	func(s model.CaseStatus) bool { return s == model.StatusArchived }), model.CaseStatus.Label)

// caseEditor puts the Overview's Edit, Archive and Restore buttons to work
// on the case the view shows, and reloads the view after each change.
type caseEditor struct {
	store    caseEditStore
	win      fyne.Window
	bg       *background
	current  func() model.Case // the case shown
	onSaved  func()            // the case changed: the view reads it again
	form     *caseEditForm     // the form last opened, for tests
	confirm  dialog.Dialog     // the archive or restore question last asked, for tests
	onAnswer func(bool)        // its answer, for tests
}

func newCaseEditor(store caseEditStore, win fyne.Window, bg *background, d *caseDetail, current func() model.Case, onSaved func()) *caseEditor {
	e := &caseEditor{store: store, win: win, bg: bg, current: current, onSaved: onSaved}
	d.setActions(e.onEdit, e.onArchive, e.onRestore)
	return e
}

// onEdit opens the form on the case as last read.
func (e *caseEditor) onEdit() {
	if e.form != nil && e.form.guard.open {
		return
	}
	e.form = newCaseEditForm(e.store, e.win, e.bg, e.current(), func(model.Case) { e.onSaved() })
	e.form.show()
}

// onArchive asks first: archiving takes the case out of the lists.
func (e *caseEditor) onArchive() {
	c := e.current()
	e.ask("Archive "+c.Ref+"?", "The case leaves the working lists and the search. Nothing in it is deleted: "+
		"its seizures, entities, evidence and history stay, and it can be restored at any time with the status it has now ("+c.Status.Label()+").",
		"Archive", func() {
			inBackground(e.bg, func(ctx context.Context) (model.Case, error) {
				return e.store.ArchiveCase(ctx, c.Ref)
			}, func(_ model.Case, err error) {
				if err != nil {
					showError(e.win, "archive case "+c.Ref, err)
					return
				}
				e.onSaved()
			})
		})
}

// onRestore asks first, then brings an archived case back.
func (e *caseEditor) onRestore() {
	c := e.current()
	e.ask("Restore "+c.Ref+"?", "The case comes back to the working lists and the search with the status it had before it was archived.",
		"Restore", func() {
			inBackground(e.bg, func(ctx context.Context) (model.Case, error) {
				return e.store.RestoreCase(ctx, c.Ref)
			}, func(_ model.Case, err error) {
				if err != nil {
					showError(e.win, "restore case "+c.Ref, err)
					return
				}
				e.onSaved()
			})
		})
}

func (e *caseEditor) ask(title, text, yes string, do func()) {
	e.onAnswer = func(ok bool) {
		if ok {
			do()
		}
	}
	c := dialog.NewConfirm(title, text, e.onAnswer, e.win)
	c.SetConfirmText(yes)
	c.SetDismissText("Cancel")
	e.confirm = c
	c.Show()
}

// caseEditForm is the dialog that edits every field of a case. It judges
// what is typed as it is typed, with the model's own rules, and shows each
// message under its field; Save stays disabled while anything is wrong.
type caseEditForm struct {
	store   caseEditStore
	win     fyne.Window
	bg      *background
	old     model.Case
	onSaved func(model.Case)

	title, operation, leadAgency, leadOfficer *savingEntry
	partners, summary                         *savingEntry
	opened, closed                            *savingEntry
	status, priority, corridor                *widget.Select
	threats                                   *threatPicker
	marking                                   *widget.SelectEntry
	errs                                      *fieldErrors
	guard                                     *formGuard
}

func newCaseEditForm(store caseEditStore, win fyne.Window, bg *background, c model.Case, onSaved func(model.Case)) *caseEditForm {
	f := &caseEditForm{store: store, win: win, bg: bg, old: c, onSaved: onSaved, errs: newFieldErrors()}
	f.guard = newFormGuard(win, f.errs, "Save changes", f.check, f.typed, f.onSave)
	g := f.guard

	f.title = g.entry(false, "title")
	f.operation = g.entry(false, "operation name")
	f.operation.SetPlaceHolder("Optional, e.g. PLATANO")
	f.status = g.choice(editStatusChoices.labels, "status")
	f.priority = g.choice(priorityChoices.labels, "priority")
	f.corridor = g.choice(corridorChoices.labels, "corridor")
	f.threats = newThreatPicker()
	for _, col := range f.threats.columns {
		col.OnChanged = func([]string) { g.touch("threat types") }
	}
	f.marking = widget.NewSelectEntry(model.HandlingMarkings)
	f.marking.OnChanged = func(string) { g.touch("handling marking") }
	f.leadAgency = g.entry(false, "lead agency")
	f.leadOfficer = g.entry(false, "lead officer")
	f.partners = g.entry(true, "partner agencies")
	f.partners.SetMinRowsVisible(3)
	f.partners.SetPlaceHolder("One agency a line, e.g.\nHMRC (UK)\nUS CBP")
	f.opened = g.entry(false, "opened on")
	f.opened.SetPlaceHolder("YYYY-MM-DD or DD/MM/YYYY")
	f.closed = g.entry(false, "closed on")
	f.closed.SetPlaceHolder("Empty while the case is open")
	f.summary = g.entry(true, "summary")
	f.summary.SetMinRowsVisible(4)
	f.summary.SetPlaceHolder("What is known so far")
	f.set(c)

	left := widget.NewForm(
		widget.NewFormItem("Operation", f.errs.field(f.operation, "operation name")),
		widget.NewFormItem("Status", f.errs.choice(f.status, "status")),
		widget.NewFormItem("Priority", f.errs.choice(f.priority, "priority")),
		widget.NewFormItem("Corridor", f.errs.choice(f.corridor, "corridor")),
		widget.NewFormItem("Handling marking", f.errs.field(f.marking, "handling marking")),
	)
	right := widget.NewForm(
		widget.NewFormItem("Lead agency", f.errs.field(f.leadAgency, "lead agency")),
		widget.NewFormItem("Lead officer", f.errs.field(f.leadOfficer, "lead officer")),
		widget.NewFormItem("Opened on", f.errs.field(f.opened, "opened on")),
		widget.NewFormItem("Closed on", f.errs.field(f.closed, "closed on")),
	)
	rest := widget.NewForm(
		widget.NewFormItem("Partner agencies", f.errs.field(f.partners, "partner agencies")),
		widget.NewFormItem("Threat types", f.errs.choice(f.threats.content, "threat types", "threat type")),
		widget.NewFormItem("Summary", f.errs.field(f.summary, "summary")),
	)
	body := container.NewVBox(
		widget.NewForm(widget.NewFormItem("Title", f.errs.field(f.title, "title"))),
		container.NewGridWithColumns(2, left, right),
		rest, f.errs.general)
	g.build("Edit case "+c.Ref, container.NewVScroll(body), fyne.NewSize(1060, 620), f.title)
	return f
}

// set fills the form with the case as stored.
func (f *caseEditForm) set(c model.Case) {
	f.guard.quiet(func() {
		f.title.SetText(c.Title)
		f.operation.SetText(c.OperationName)
		f.status.SetSelected(editStatusChoices.label(c.Status))
		f.priority.SetSelected(priorityChoices.label(c.Priority))
		f.corridor.SetSelected(corridorChoices.label(c.Corridor))
		f.threats.setSelected(c.ThreatTypes)
		f.marking.SetText(c.HandlingMarking)
		f.leadAgency.SetText(c.LeadAgency)
		f.leadOfficer.SetText(c.LeadOfficer)
		f.partners.SetText(strings.Join(c.PartnerAgencies, "\n"))
		f.opened.SetText(c.OpenedOn.String())
		f.closed.SetText(c.ClosedOn.String())
		f.summary.SetText(c.Summary)
	})
}

func (f *caseEditForm) show() { f.guard.show() }

// caseFromForm is the case as typed, on top of the case as stored (its
// identity and ref); a date that cannot be read is a field error.
func (f *caseEditForm) caseFromForm() (model.Case, error) {
	c := f.old
	c.Title = f.title.Text
	c.OperationName = strings.TrimSpace(f.operation.Text)
	c.Status = editStatusChoices.value(f.status.Selected)
	c.Priority = priorityChoices.value(f.priority.Selected)
	c.Corridor = corridorChoices.value(f.corridor.Selected)
	c.ThreatTypes = f.threats.selected()
	c.HandlingMarking = f.marking.Text
	c.LeadAgency = strings.TrimSpace(f.leadAgency.Text)
	c.LeadOfficer = strings.TrimSpace(f.leadOfficer.Text)
	c.PartnerAgencies = strings.Split(f.partners.Text, "\n")
	c.Summary = strings.TrimSpace(f.summary.Text)
	var bad []*model.FieldError
	c.OpenedOn = readDate("opened on", f.opened.Text, &bad)
	c.ClosedOn = readDate("closed on", f.closed.Text, &bad)
	return c, fieldErrorsOf(bad)
}

// check judges the form as typed without saving it.
func (f *caseEditForm) check() error {
	c, err := f.caseFromForm()
	return mergeErrors(err, c.Validate(time.Now()))
}

// typed is everything in the form, to tell whether the officer changed it.
func (f *caseEditForm) typed() string {
	c, _ := f.caseFromForm()
	return strings.Join([]string{c.Title, c.OperationName, string(c.Status), string(c.Priority), string(c.Corridor),
		model.ThreatLabels(c.ThreatTypes), c.HandlingMarking, c.LeadAgency, c.LeadOfficer, f.partners.Text, c.Summary,
		f.opened.Text, f.closed.Text}, "\x00")
}

// onSave saves the case; the dialog stays open, every refused field
// marked, until the workspace accepts it.
func (f *caseEditForm) onSave() {
	c, err := f.caseFromForm()
	if err != nil {
		f.guard.refused(err)
		return
	}
	saveInBackground(f.guard, f.bg, "save case "+f.old.Ref, func(ctx context.Context) (model.Case, error) {
		return f.store.UpdateCase(ctx, c)
	}, f.onSaved)
}

// caseActions are the Overview's buttons that change the case.
type caseActions struct {
	edit, archive, restore *widget.Button
	note                   *widget.Label   // why editing is not offered, under the title
	box                    *fyne.Container // the buttons, beside the title
}

func newCaseActions() *caseActions {
	a := &caseActions{
		edit:    widget.NewButtonWithIcon("Edit case…", theme.DocumentCreateIcon(), nil),
		archive: widget.NewButtonWithIcon("Archive…", theme.FolderIcon(), nil),
		restore: widget.NewButtonWithIcon("Restore…", theme.ContentUndoIcon(), nil),
		note:    &widget.Label{Importance: widget.WarningImportance},
	}
	a.edit.Importance = widget.HighImportance
	a.box = container.NewHBox(a.edit, a.archive, a.restore)
	a.set(model.Case{})
	return a
}

// set offers what can be done to c: an archived case is restored, not edited.
func (a *caseActions) set(c model.Case) {
	switch {
	case c.Ref == "":
		a.edit.Disable()
		a.archive.Hide()
		a.restore.Hide()
		a.note.Hide()
	case c.Status == model.StatusArchived:
		a.edit.Disable()
		a.archive.Hide()
		a.restore.Show()
		a.note.SetText("This case is archived: restore it to change it.")
		a.note.Show()
	default:
		a.edit.Enable()
		a.archive.Show()
		a.restore.Hide()
		a.note.Hide()
	}
	a.archive.Enable()
	a.restore.Enable()
}

// disable leaves the buttons in sight but out of use while the case is read.
func (a *caseActions) disable() {
	a.edit.Disable()
	a.archive.Disable()
	a.restore.Disable()
}
