package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bollard/model"
)

// linkEditor is what the role form needs of a workspace.
type linkEditor interface {
	UpdateLink(ctx context.Context, l model.CaseLink) (model.CaseLink, error)
}

// roleForm is the dialog that changes the part a linked entity plays in a
// case, and the note on its link. The link itself is edited, never
// unlinked and linked again: the partner who receives the case sees one
// entity whose role changed, not a second role beside the first.
type roleForm struct {
	store   linkEditor
	win     fyne.Window
	bg      *background
	ref     string
	old     model.CaseEntity
	onSaved func(model.CaseLink)

	role  *widget.Select
	note  *savingEntry
	errs  *fieldErrors
	guard *formGuard
}

func newRoleForm(store linkEditor, win fyne.Window, bg *background, ref string, ce model.CaseEntity, onSaved func(model.CaseLink)) *roleForm {
	f := &roleForm{store: store, win: win, bg: bg, ref: ref, old: ce, onSaved: onSaved, errs: newFieldErrors()}
	f.guard = newFormGuard(win, f.errs, "Change role", f.check, f.typed, f.onSave)
	g := f.guard
	f.role = g.choice(roleChoices.labels, "role")
	f.note = g.entry(false, "note")
	f.note.SetPlaceHolder("Optional, e.g. named as consignee on the corrected B/L")
	g.quiet(func() {
		f.role.SetSelected(roleChoices.label(ce.Link.Role))
		f.note.SetText(ce.Link.Note)
	})
	intro := &widget.Label{Wrapping: fyne.TextWrapWord,
		Text: ce.Entity.Name + " is in " + ref + " as " + ce.Link.Role.Label() + ". The new role replaces it; the change reaches partners with the next package."}
	form := widget.NewForm(
		widget.NewFormItem("Role in "+ref, f.errs.choice(f.role, "role")),
		widget.NewFormItem("Note", f.errs.field(f.note, "note")),
	)
	g.build("Change the role of "+ce.Entity.Name, container.NewVBox(intro, form, f.errs.general), fyne.NewSize(620, 260), nil)
	return f
}

func (f *roleForm) show() { f.guard.show() }

// link is the link as the form holds it.
func (f *roleForm) link() model.CaseLink {
	l := f.old.Link
	l.Role = roleChoices.value(f.role.Selected)
	l.Note = strings.TrimSpace(f.note.Text)
	return l
}

// check refuses a form that would save the link unchanged: choosing the
// role it already has is most likely a slip.
func (f *roleForm) check() error {
	if f.role == nil || f.note == nil {
		return nil // still being built
	}
	l := f.link()
	if l.Role == f.old.Link.Role && l.Note == f.old.Link.Note {
		return fieldErrorsOf([]*model.FieldError{model.Invalid("role", "", "is already %s: choose the new one", l.Role.Label())})
	}
	return l.Validate()
}

func (f *roleForm) typed() string { return f.role.Selected + "\x00" + f.note.Text }

func (f *roleForm) onSave() {
	l := f.link()
	saveInBackground(f.guard, f.bg, "change the role of "+f.old.Entity.Name+" in "+f.ref, func(ctx context.Context) (model.CaseLink, error) {
		return f.store.UpdateLink(ctx, l)
	}, f.onSaved)
}
