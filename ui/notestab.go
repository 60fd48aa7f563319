package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

// noteStore is what the Notes tab needs of a workspace.
type noteStore interface {
	AddNote(ctx context.Context, n model.Note) (model.Note, error)
	RemoveNote(ctx context.Context, id string) error
}

// notesTab is a case's notes, oldest first as they were written, each
// with its author and time, and a field at the bottom to write the next.
// Notes are never edited: what was written when stays as it was written.
// One written in error (in the wrong case, say) can be removed; its words
// stay in the audit trail.
//
// A note being written belongs to its case: switching to another case
// keeps it, and it is back when the officer returns.
type notesTab struct {
	store     noteStore
	win       fyne.Window
	bg        *background
	onChanged func()

	file   app.CaseFile
	drafts map[string]string // case ref → the note being written in it

	count   *widget.Label
	notes   *fyne.Container
	scroll  *container.Scroll
	empty   *widget.Label
	entry   *savingEntry
	add     *widget.Button
	errLine *widget.Label
	content fyne.CanvasObject

	removal removal // the removal question last asked, for tests
}

func newNotesTab(store noteStore, win fyne.Window, bg *background, onChanged func()) *notesTab {
	t := &notesTab{store: store, win: win, bg: bg, onChanged: onChanged, drafts: map[string]string{}}
	t.count = widget.NewLabel("")
	t.notes = container.NewVBox()
	t.scroll = container.NewVScroll(t.notes)
	t.empty = &widget.Label{Alignment: fyne.TextAlignCenter}
	t.entry = newSavingEntry(true)
	t.entry.SetMinRowsVisible(3)
	t.entry.SetPlaceHolder("Write a note: what was learnt, said or decided. Ctrl+S adds it.")
	t.entry.onSave = t.onAdd
	t.entry.OnChanged = func(string) { t.setButtons() }
	t.add = widget.NewButtonWithIcon("Add note", theme.ContentAddIcon(), t.onAdd)
	t.add.Importance = widget.HighImportance
	t.errLine = newErrorLabel()
	hint := &widget.Label{Text: "Notes are never edited. To correct one, add a note that says so.", Importance: widget.LowImportance}
	top := container.NewHBox(t.count, hint)
	bottom := container.NewVBox(t.errLine, container.NewBorder(nil, nil, nil, container.NewVBox(t.add), t.entry))
	t.content = container.NewBorder(top, bottom, nil, nil, container.NewStack(t.scroll, container.NewCenter(t.empty)))
	t.setButtons()
	return t
}

// showLoading empties the tab while a new case is read, or after it
// could not be, saying status in place of the count.
func (t *notesTab) showLoading(status string) {
	t.keepDraft()
	t.file = app.CaseFile{}
	t.count.SetText(status)
	t.notes.RemoveAll()
	t.empty.SetText("")
	t.entry.SetText("")
	t.setButtons()
}

// keepDraft files the note being written under its case.
func (t *notesTab) keepDraft() {
	if ref := t.file.Case.Ref; ref != "" {
		if strings.TrimSpace(t.entry.Text) == "" {
			delete(t.drafts, ref)
		} else {
			t.drafts[ref] = t.entry.Text
		}
	}
}

// show lays out the notes of the case file f, oldest first, and scrolls
// to the newest, beside the field that adds the next.
func (t *notesTab) show(f app.CaseFile) {
	if f.Case.Ref != t.file.Case.Ref {
		t.keepDraft()
		t.entry.SetText(t.drafts[f.Case.Ref])
		setMessage(t.errLine, "")
	}
	t.file = f
	t.count.SetText(plural(len(f.Notes), "note") + ", oldest first.")
	t.notes.RemoveAll()
	for _, n := range f.Notes {
		t.notes.Add(t.noteCard(n))
	}
	sayEmpty(t.empty, len(f.Notes), "No notes yet. Write the first below.")
	t.scroll.ScrollToBottom()
	t.setButtons()
}

// noteCard is one note: who wrote it and when, then what they wrote, with
// the button that removes it.
func (t *notesTab) noteCard(n model.Note) fyne.CanvasObject {
	head := widget.NewRichText(
		&widget.TextSegment{Text: n.CreatedBy.String(), Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Text: "   " + n.CreatedAt.Local().Format("2006-01-02 15:04"), Style: quietStyle},
	)
	remove := widget.NewButtonWithIcon("Remove…", theme.ContentRemoveIcon(), func() { t.onRemove(n) })
	remove.Importance = widget.LowImportance
	enable(remove, t.file.Case.Status != model.StatusArchived)
	body := &widget.Label{Text: n.Body, Wrapping: fyne.TextWrapWord, Selectable: true}
	return container.NewVBox(container.NewBorder(nil, nil, nil, remove, head), body, widget.NewSeparator())
}

// onRemove asks, then removes the note from the case.
func (t *notesTab) onRemove(n model.Note) {
	when := n.CreatedAt.Local().Format("2006-01-02 15:04")
	t.removal = askRemoval(t.win, t.bg, "Remove this note?",
		"Remove the note "+n.CreatedBy.Name+" wrote on "+when+" from "+t.file.Case.Ref+"?\n"+
			"To correct a note, add one that says so instead. A removed note's words stay in the audit trail.\n"+reachesPartners,
		"Remove", "remove the note of "+when,
		func(ctx context.Context) error { return t.store.RemoveNote(ctx, n.ID) }, t.onChanged)
}

func (t *notesTab) setButtons() {
	// No case read, no note: what was typed while a case is read would
	// be replaced by the note kept for it.
	if t.file.Case.Ref == "" {
		t.entry.Disable()
	} else {
		t.entry.Enable()
	}
	if t.file.Case.Ref == "" || strings.TrimSpace(t.entry.Text) == "" {
		t.add.Disable()
	} else {
		t.add.Enable()
	}
}

// onAdd adds the note written. The field keeps the text until the
// workspace has it, so that a refused save loses nothing.
func (t *notesTab) onAdd() {
	if t.add.Disabled() {
		return
	}
	n := model.Note{CaseID: t.file.Case.ID, Body: t.entry.Text}
	ref, written := t.file.Case.Ref, t.entry.Text
	t.add.Disable()
	inBackground(t.bg, func(ctx context.Context) (model.Note, error) {
		return t.store.AddNote(ctx, n)
	}, func(_ model.Note, err error) {
		if err != nil {
			t.setButtons()
			if len(model.FieldErrors(err)) > 0 {
				setMessage(t.errLine, capitalize(err.Error()))
			} else {
				showError(t.win, "add the note to "+ref, err)
			}
			return
		}
		setMessage(t.errLine, "")
		delete(t.drafts, ref)
		if t.file.Case.Ref == ref && t.entry.Text == written {
			t.entry.SetText("")
		}
		t.setButtons()
		t.onChanged()
	})
}

// texts is the notes as shown, for tests.
func (t *notesTab) texts() []string {
	out := make([]string, len(t.file.Notes))
	for i, n := range t.file.Notes {
		out[i] = n.CreatedBy.String() + ": " + n.Body
	}
	return out
}
