package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

// taskStore is what the Tasks & requests tab needs of a workspace.
type taskStore interface {
	AddTask(ctx context.Context, t model.Task) (model.Task, error)
	UpdateTask(ctx context.Context, t model.Task) (model.Task, error)
	RemoveTask(ctx context.Context, id string) error
}

var (
	taskKindChoices = newChoices(model.TaskKinds, func(k model.TaskKind) string {
		if k == model.TaskAssistanceRequest {
			return "Assistance request to a partner"
		}
		return "Task of our own"
	})
	taskStatusChoices = newChoices(model.TaskStatuses, func(s model.TaskStatus) string { return capitalize(s.Label()) })
)

// legalBases are the usual grounds of a request for assistance, offered in
// the legal-basis field; anything else can be typed.
var legalBases = []string{
	"Naples II Convention (EU customs cooperation)",
	"Regulation (EC) No 515/97 (mutual administrative assistance)",
	"EU–UK TCA Protocol on mutual administrative assistance",
	"CMAA (customs mutual assistance agreement)",
	"MLA request (mutual legal assistance)",
	"European Investigation Order",
}

// taskForm is the dialog that records a task or a request for assistance
// to a partner agency, or edits one.
type taskForm struct {
	store   taskStore
	win     fyne.Window
	bg      *background
	file    app.CaseFile
	old     model.Task // the task edited; its ID is "" for a new one
	onSaved func(model.Task)

	kind, status              *widget.Select
	title, desc, assigned     *savingEntry
	partner                   *savingEntry
	legalBasis                *widget.SelectEntry
	sentOn, dueOn, answeredOn *dayField
	errs                      *fieldErrors
	guard                     *formGuard
}

func newTaskForm(store taskStore, win fyne.Window, bg *background, file app.CaseFile, t model.Task, onSaved func(model.Task)) *taskForm {
	f := &taskForm{store: store, win: win, bg: bg, file: file, old: t, onSaved: onSaved, errs: newFieldErrors()}
	title, saveText := "New task or request in "+file.Case.Ref, "Add"
	if t.ID != "" {
		title, saveText = "Task of "+file.Case.Ref, "Save changes"
	}
	f.guard = newFormGuard(win, f.errs, saveText, f.check, f.typed, f.onSave)
	g := f.guard
	f.kind = g.choice(taskKindChoices.labels, "kind")
	f.status = g.choice(taskStatusChoices.labels, "status")
	f.title = entryWithHint(g, "e.g. Request for the consignee's company records", "title")
	f.desc = g.entry(true, "description")
	f.desc.SetMinRowsVisible(3)
	f.desc.SetPlaceHolder("Optional: what is asked, and why")
	f.assigned = entryWithHint(g, "Optional: the officer who follows it up", "assigned to")
	f.partner = entryWithHint(g, "The agency asked, e.g. HMRC (UK), US HSI; required for a request", "partner agency")
	f.legalBasis = widget.NewSelectEntry(legalBases)
	f.legalBasis.SetPlaceHolder("Optional: pick or type, e.g. Naples II")
	f.legalBasis.OnChanged = func(string) { g.touch("legal basis") }
	f.sentOn = newDayField(g, "sent on", "When it was sent")
	f.dueOn = newDayField(g, "due on", "When the answer is due")
	f.answeredOn = newDayField(g, "answered on", "When the answer came")
	g.quiet(func() { f.set(t) })

	e := f.errs
	form := widget.NewForm(
		widget.NewFormItem("Kind", e.choice(f.kind, "kind")),
		widget.NewFormItem("Title", e.field(f.title, "title")),
		widget.NewFormItem("Description", e.field(f.desc, "description")),
		widget.NewFormItem("Partner agency", e.field(f.partner, "partner agency")),
		widget.NewFormItem("Legal basis", e.field(f.legalBasis, "legal basis")),
		widget.NewFormItem("Assigned to", e.field(f.assigned, "assigned to")),
		widget.NewFormItem("Status", e.choice(f.status, "status")),
		widget.NewFormItem("Dates", container.NewGridWithColumns(3,
			labelled("Sent on", e.field(f.sentOn.content, "sent on")),
			labelled("Due on", e.field(f.dueOn.content, "due on")),
			labelled("Answered on", e.field(f.answeredOn.content, "answered on")))),
	)
	g.build(title, container.NewVBox(form, e.general), fyne.NewSize(900, 0), f.title)
	return f
}

// labelled puts a small caption above an input that shares a row.
func labelled(caption string, input fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(&widget.Label{Text: caption, Importance: widget.LowImportance}, input)
}

func (f *taskForm) show() { f.guard.show() }

// set fills the form with t; a new one is a task of our own, open.
func (f *taskForm) set(t model.Task) {
	if t.Kind == "" {
		t.Kind = model.TaskTodo
	}
	if t.Status == "" {
		t.Status = model.TaskOpen
	}
	f.kind.SetSelected(taskKindChoices.label(t.Kind))
	f.status.SetSelected(taskStatusChoices.label(t.Status))
	f.title.SetText(t.Title)
	f.desc.SetText(t.Description)
	f.assigned.SetText(t.AssignedTo)
	f.partner.SetText(t.Partner)
	f.legalBasis.SetText(t.LegalBasis)
	f.sentOn.set(t.SentOn)
	f.dueOn.set(t.DueOn)
	f.answeredOn.set(t.AnsweredOn)
}

// taskFromForm is the task as typed, on top of the one edited.
func (f *taskForm) taskFromForm() (model.Task, error) {
	t := f.old
	t.CaseID = f.file.Case.ID
	t.Kind = taskKindChoices.value(f.kind.Selected)
	t.Status = taskStatusChoices.value(f.status.Selected)
	t.Title = f.title.Text
	t.Description = strings.TrimSpace(f.desc.Text)
	t.AssignedTo = strings.TrimSpace(f.assigned.Text)
	t.Partner = strings.TrimSpace(f.partner.Text)
	t.LegalBasis = strings.TrimSpace(f.legalBasis.Text)
	var bad []*model.FieldError
	t.SentOn = f.sentOn.read(&bad)
	t.DueOn = f.dueOn.read(&bad)
	t.AnsweredOn = f.answeredOn.read(&bad)
	return t, fieldErrorsOf(bad)
}

// check judges the task as typed without saving it.
func (f *taskForm) check() error {
	t, err := f.taskFromForm()
	return mergeErrors(err, t.Validate(time.Now()))
}

func (f *taskForm) typed() string {
	return strings.Join([]string{f.kind.Selected, f.status.Selected, f.title.Text, f.desc.Text, f.assigned.Text,
		f.partner.Text, f.legalBasis.Text, f.sentOn.entry.Text, f.dueOn.entry.Text, f.answeredOn.entry.Text}, "\x00")
}

// onSave records or saves the task; the dialog stays open until it is accepted.
func (f *taskForm) onSave() {
	t, err := f.taskFromForm()
	if err != nil {
		f.guard.refused(err)
		return
	}
	doing := "add the task to " + f.file.Case.Ref
	if t.ID != "" {
		doing = "save the task"
	}
	saveInBackground(f.guard, f.bg, doing, func(ctx context.Context) (model.Task, error) {
		if t.ID == "" {
			return f.store.AddTask(ctx, t)
		}
		return f.store.UpdateTask(ctx, t)
	}, f.onSaved)
}
