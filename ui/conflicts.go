package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
)

// conflictStore is what the conflict list needs of a workspace.
type conflictStore interface {
	Conflicts(ctx context.Context, caseRef string) ([]app.ConflictView, error)
	ResolveConflict(ctx context.Context, id, keep string) (app.ConflictView, error)
}

// conflictList shows the records changed on both sides of an exchange,
// field by field (the value here, the partner's), with "Keep mine" and
// "Take theirs" for each.
type conflictList struct {
	store   conflictStore
	win     fyne.Window
	bg      *background
	caseRef func() string // "" lists every case's conflicts

	box     *fyne.Container
	empty   *widget.Label
	content fyne.CanvasObject
}

// newConflictList builds the list; call refresh to (re)load it.
func newConflictList(win fyne.Window, bg *background, ws conflictStore, caseRef func() string) *conflictList {
	l := &conflictList{store: ws, win: win, bg: bg, caseRef: caseRef}
	l.empty = widget.NewLabel("No conflicts: every exchange merged cleanly.")
	l.box = container.NewVBox()
	l.content = container.NewVScroll(container.NewVBox(newHeading("Conflicts"), l.empty, l.box))
	return l
}

// refresh reads the open conflicts again.
func (l *conflictList) refresh() {
	ref := l.caseRef()
	inBackground(l.bg, func(ctx context.Context) ([]app.ConflictView, error) {
		return l.store.Conflicts(ctx, ref)
	}, func(list []app.ConflictView, err error) {
		if err != nil {
			showError(l.win, "list the conflicts", err)
			return
		}
		l.show(list)
	})
}

func (l *conflictList) show(list []app.ConflictView) {
	l.box.RemoveAll()
	if len(list) == 0 {
		l.empty.Show()
	} else {
		l.empty.Hide()
	}
	for _, c := range list {
		form := widget.NewForm()
		for _, f := range c.Fields {
			form.Append(f.Name, widget.NewLabel("mine: "+conflictValueText(f.Mine)+"\ntheirs: "+conflictValueText(f.Theirs)))
		}
		id := c.ID
		mine := widget.NewButton("Keep mine", func() { l.onResolve(id, app.KeepMine) })
		theirs := widget.NewButton("Take theirs", func() { l.onResolve(id, app.TakeTheirs) })
		title := c.Label
		if c.CaseRef != "" {
			title = c.CaseRef + " · " + title
		}
		l.box.Add(widget.NewCard(title, fmt.Sprintf("received %s", c.ReceivedAt.Local().Format("2006-01-02 15:04")),
			container.NewVBox(form, container.NewHBox(mine, theirs))))
	}
	l.box.Refresh()
}

// onResolve settles a conflict and reloads the list.
func (l *conflictList) onResolve(id, keep string) {
	inBackground(l.bg, func(ctx context.Context) (app.ConflictView, error) {
		return l.store.ResolveConflict(ctx, id, keep)
	}, func(_ app.ConflictView, err error) {
		if err != nil {
			showError(l.win, "settle the conflict", err)
		}
		l.refresh()
	})
}

// conflictValueText shows a JSON value as the officer reads it.
func conflictValueText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if s == "" {
			return "(empty)"
		}
		return s
	}
	t := strings.TrimSpace(string(raw))
	if t == "null" || t == "[]" || t == "" {
		return "(empty)"
	}
	return t
}
