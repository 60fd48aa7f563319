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

// timelineStore is what the Timeline tab needs of a workspace.
type timelineStore interface {
	AddTimelineEvent(ctx context.Context, e model.TimelineEvent) (model.TimelineEvent, error)
}

// eventForm is the dialog that adds an event to a case's timeline: a
// meeting, a controlled delivery, an arrest. Seizures and custody events
// come into the timeline from their own forms.
type eventForm struct {
	store   timelineStore
	win     fyne.Window
	bg      *background
	file    app.CaseFile
	onAdded func(model.TimelineEvent)

	when               *dateTimeField
	title, place, desc *savingEntry
	errs               *fieldErrors
	guard              *formGuard
}

func newEventForm(store timelineStore, win fyne.Window, bg *background, file app.CaseFile, onAdded func(model.TimelineEvent)) *eventForm {
	f := &eventForm{store: store, win: win, bg: bg, file: file, onAdded: onAdded, errs: newFieldErrors()}
	f.guard = newFormGuard(win, f.errs, "Add event", f.check, f.typed, f.onSave)
	g := f.guard
	f.when = newDateTimeField(g, "when", false)
	f.title = g.entry(false, "title")
	f.title.SetPlaceHolder("What happened, e.g. Controlled delivery to the consignee's warehouse")
	f.place = g.entry(false, "place")
	f.place.SetPlaceHolder("Optional, e.g. Algeciras, warehouse of Transportes Ruiz SL")
	f.desc = g.entry(true, "description")
	f.desc.SetMinRowsVisible(4)
	f.desc.SetPlaceHolder("Optional: who was there, what was decided or found")
	g.quiet(func() { f.when.set(time.Now()) })

	form := widget.NewForm(
		widget.NewFormItem("When", f.errs.field(f.when.content, "when")),
		widget.NewFormItem("Title", f.errs.field(f.title, "title")),
		widget.NewFormItem("Place", f.errs.field(f.place, "place")),
		widget.NewFormItem("Description", f.errs.field(f.desc, "description")),
	)
	g.build("Add an event to "+file.Case.Ref, container.NewVBox(form, f.errs.general), fyne.NewSize(780, 0), f.title)
	return f
}

func (f *eventForm) show() { f.guard.show() }

// eventFromForm is the event as typed; a time that cannot be read is a field error.
func (f *eventForm) eventFromForm() (model.TimelineEvent, error) {
	e := model.TimelineEvent{
		CaseID:      f.file.Case.ID,
		Title:       f.title.Text,
		Place:       strings.TrimSpace(f.place.Text),
		Description: strings.TrimSpace(f.desc.Text),
	}
	var bad []*model.FieldError
	e.At = f.when.read(&bad)
	return e, fieldErrorsOf(bad)
}

// check judges the event as typed without saving it.
func (f *eventForm) check() error {
	e, err := f.eventFromForm()
	return mergeErrors(err, e.Validate(time.Now()))
}

func (f *eventForm) typed() string {
	return strings.Join([]string{f.when.date.Text, f.when.clock.Text, f.title.Text, f.place.Text, f.desc.Text}, "\x00")
}

// onSave records the event; the dialog stays open until it is accepted.
func (f *eventForm) onSave() {
	e, err := f.eventFromForm()
	if err != nil {
		f.guard.refused(err)
		return
	}
	saveInBackground(f.guard, f.bg, "add the event to "+f.file.Case.Ref, func(ctx context.Context) (model.TimelineEvent, error) {
		return f.store.AddTimelineEvent(ctx, e)
	}, f.onAdded)
}
