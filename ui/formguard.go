package ui

// What every editing dialog shares: the guard that judges a form as it is
// typed with the model's own rules, keeps Save disabled while it is invalid,
// saves on Ctrl+S and asks before discarding changes; and the reading of
// typed dates into field errors.

import (
	"context"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app/typed"
	"bollard/model"
)

// readDate reads a date typed in a form; one that cannot be read is added
// to bad, named for its field, and reads as no date.
func readDate(field, text string, bad *[]*model.FieldError) model.Date {
	d, err := typed.Date(text, time.Now())
	if err != nil {
		*bad = append(*bad, model.Invalid(field, strings.TrimSpace(text), "should be a date such as %s (or 14/03/2026)", time.Now().Format(time.DateOnly)))
	}
	return d
}

// fieldErrorsOf is the field errors as one error, nil when there are none.
func fieldErrorsOf(fes []*model.FieldError) error {
	if len(fes) == 0 {
		return nil
	}
	return &model.ValidationError{Fields: fes}
}

// mergeErrors joins the field errors of a form's own reading (first: a
// date it could not read) with the model's verdict, leaving out the model's
// word on a field the form has already refused ("opened on: is required"
// after "opened on: should be a date").
func mergeErrors(typed, judged error) error {
	first := model.FieldErrors(typed)
	all := slices.Clone(first)
	for _, fe := range model.FieldErrors(judged) {
		if !slices.ContainsFunc(first, func(f *model.FieldError) bool { return f.Field == fe.Field }) {
			all = append(all, fe)
		}
	}
	if len(all) == 0 && judged != nil {
		return judged
	}
	return fieldErrorsOf(all)
}

// formGuard is what every editing dialog of the case view shares: it
// judges the form as the officer types or leaves a field, showing each
// message under the field it is about once that field has been touched (all
// of them after a refused save), and saying which untouched fields still
// need something; it keeps Save disabled while the form is not valid; it
// saves on Ctrl+S; and it asks before closing a form whose changes are not
// saved, so that nothing typed is ever lost silently.
type formGuard struct {
	win    fyne.Window
	errs   *fieldErrors
	check  func() error  // judges the form as typed, saving nothing
	typed  func() string // the form's content, to tell whether it changed
	onSave func()

	title   string // the dialog's, to name the form when the window closes over it
	save    *widget.Button
	cancel  *widget.Button
	hint    *widget.Label // the fields still to fill in, beside the buttons
	dialog  *dialog.CustomDialog
	focus   fyne.Focusable
	initial string
	touched map[string]bool
	showAll bool // a save was refused: every message is shown
	busy    bool // a save is under way
	muted   bool // the form is being filled by code, not typed in
	open    bool
	asking  dialog.Dialog // the discard question last asked, for tests
}

func newFormGuard(win fyne.Window, errs *fieldErrors, saveText string, check func() error, typed func() string, onSave func()) *formGuard {
	g := &formGuard{win: win, errs: errs, check: check, typed: typed, onSave: onSave, touched: map[string]bool{}}
	g.save = widget.NewButtonWithIcon(saveText, theme.DocumentSaveIcon(), g.trySave)
	g.save.Importance = widget.HighImportance
	g.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), g.onCancel)
	g.hint = &widget.Label{Importance: widget.LowImportance, Truncation: fyne.TextTruncateEllipsis}
	return g
}

// entry is a text field whose changes are judged as field names.
func (g *formGuard) entry(multiLine bool, names ...string) *savingEntry {
	e := newSavingEntry(multiLine)
	e.onSave = g.trySave
	e.OnChanged = func(string) { g.touch(names...) }
	e.onLeave = func() { g.touch(names...) }
	return e
}

// choice is a select whose changes are judged as field names.
func (g *formGuard) choice(options []string, names ...string) *widget.Select {
	s := widget.NewSelect(options, func(string) { g.touch(names...) })
	s.PlaceHolder = "Choose…"
	return s
}

// quiet runs fill, which sets the form's widgets, without counting it as the officer's typing.
func (g *formGuard) quiet(fill func()) {
	g.muted = true
	defer func() { g.muted = false }()
	fill()
}

// build makes the dialog around content, at least size, with the cursor in focus.
func (g *formGuard) build(title string, content fyne.CanvasObject, size fyne.Size, focus fyne.Focusable) {
	g.focus = focus
	g.title = title
	buttons := container.NewBorder(nil, nil, nil, container.NewHBox(g.cancel, g.save), g.hint)
	g.dialog = dialog.NewCustomWithoutButtons(title, withMinSize(container.NewBorder(nil, buttons, nil, nil, content), size), g.win)
	g.dialog.SetOnClosed(func() {
		g.open = false
		g.win.Canvas().RemoveShortcut(guardSaveShortcut)
		untrackForm(g)
	})
}

// guardSaveShortcut is Ctrl+S (Cmd+S on a Mac).
var guardSaveShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}

// show opens the dialog on the form as filled so far, which counts as unchanged.
func (g *formGuard) show() {
	g.initial = g.typed()
	g.open = true
	trackForm(g)
	g.win.Canvas().AddShortcut(guardSaveShortcut, func(fyne.Shortcut) { g.trySave() })
	g.dialog.Show()
	g.judge()
	if g.focus != nil {
		g.win.Canvas().Focus(g.focus)
	}
}

// touch marks the named fields as the officer's and judges the form again.
func (g *formGuard) touch(names ...string) {
	if g.muted {
		return
	}
	for _, n := range names {
		g.touched[n] = true
	}
	g.judge()
}

// judge shows the messages of the touched fields, names the untouched ones
// still wrong, and enables Save only for a valid form.
func (g *formGuard) judge() {
	if g.muted {
		return
	}
	err := g.check()
	var shown []*model.FieldError
	var hidden []string
	for _, fe := range model.FieldErrors(err) {
		if g.showAll || g.touched[fe.Field] || g.claimedTouched(fe.Field) {
			shown = append(shown, fe)
		} else if !slices.Contains(hidden, fe.Field) {
			hidden = append(hidden, fe.Field)
		}
	}
	g.errs.show(fieldErrorsOf(shown))
	if len(hidden) > 0 {
		g.hint.SetText("Still needed: " + strings.Join(hidden, ", "))
	} else {
		g.hint.SetText("")
	}
	if err == nil && !g.busy {
		g.save.Enable()
	} else {
		g.save.Disable()
	}
}

// claimedTouched reports whether a message about field would show on the
// line of a touched field (a threat type's message goes under "threat types").
func (g *formGuard) claimedTouched(field string) bool {
	line, ok := g.errs.lines[field]
	if !ok {
		return false
	}
	for n := range g.touched {
		if g.errs.lines[n] == line {
			return true
		}
	}
	return false
}

// trySave saves a valid form (the button, Ctrl+S, Enter in a field).
func (g *formGuard) trySave() {
	if !g.open || g.busy || g.save.Disabled() {
		return
	}
	g.onSave()
}

// refused shows the workspace's refusal of a save next to the fields; it
// reports whether err held any field error.
func (g *formGuard) refused(err error) bool {
	if len(model.FieldErrors(err)) == 0 {
		return false
	}
	g.showAll = true
	g.errs.show(err)
	g.hint.SetText("")
	return true
}

// saving disables Save while a save is under way.
func (g *formGuard) saving(busy bool) {
	g.busy = busy
	if busy {
		g.save.Disable()
	} else {
		g.save.Enable()
	}
}

// saveInBackground saves what a form holds away from the window, with Save
// disabled until the workspace answers. A refusal about fields (a stale
// record, a rule the form could not check) is shown under those fields and
// the dialog stays open; any other failure is shown as doing (what the
// officer was doing) failing; an accepted save closes the dialog and hands
// the record as saved to saved.
func saveInBackground[T any](g *formGuard, bg *background, doing string, save func(context.Context) (T, error), saved func(T)) {
	g.saving(true)
	inBackground(bg, save, func(v T, err error) {
		g.saving(false)
		if err != nil {
			if !g.refused(err) {
				showError(g.win, doing, err)
			}
			return
		}
		g.close()
		saved(v)
	})
}

// dirty reports whether the form holds something the officer has not saved.
func (g *formGuard) dirty() bool { return g.typed() != g.initial }

// onCancel closes the form, asking first when that would lose changes.
func (g *formGuard) onCancel() {
	if !g.dirty() {
		g.close()
		return
	}
	c := dialog.NewConfirm("Discard your changes?", "What you typed in this form has not been saved.",
		func(discard bool) {
			if discard {
				g.close()
			}
		}, g.win)
	c.SetConfirmText("Discard changes")
	c.SetDismissText("Keep editing")
	g.asking = c
	c.Show()
}

// close closes the dialog without asking.
func (g *formGuard) close() {
	g.open = false
	g.dialog.Hide()
}

// savingEntry is a text field that saves its form on Ctrl+S (which a plain
// entry with the focus would swallow) and tells the form when the officer
// leaves it.
type savingEntry struct {
	widget.Entry
	onSave  func()
	onLeave func()
}

func newSavingEntry(multiLine bool) *savingEntry {
	e := &savingEntry{}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut saves on Ctrl+S and passes Ctrl+L (lock) to the window;
// every other shortcut is the entry's.
func (e *savingEntry) TypedShortcut(s fyne.Shortcut) {
	if c, ok := s.(*desktop.CustomShortcut); ok && c.KeyName == fyne.KeyS && c.Modifier == fyne.KeyModifierShortcutDefault && e.onSave != nil {
		e.onSave()
		return
	}
	if s.ShortcutName() == lockShortcut.ShortcutName() {
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(e).(fyne.Shortcutable); ok {
			c.TypedShortcut(s)
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// FocusLost judges the field the officer has just left.
func (e *savingEntry) FocusLost() {
	e.Entry.FocusLost()
	call(e.onLeave)
}
