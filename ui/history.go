package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
)

// historyReader is what the History tab needs of a workspace.
type historyReader interface {
	CaseHistory(ctx context.Context, caseRef string) ([]app.HistoryLine, error)
}

// historyShown caps the lines laid out at once: a case worked for years
// has thousands, and the officer reads the latest. The rest are one
// command away.
const historyShown = 500

// historyTab is the audit trail of one case, newest first, one sentence a
// change: who changed what, from which value to which. It is read when
// the officer opens the tab, and again when the case changes while it is open.
type historyTab struct {
	store historyReader
	win   fyne.Window
	bg    *background

	ref     string
	lines   []app.HistoryLine // as last read, for tests
	intro   *widget.Label
	list    *fyne.Container
	scroll  *container.Scroll
	content fyne.CanvasObject
}

func newHistoryTab(store historyReader, win fyne.Window, bg *background) *historyTab {
	h := &historyTab{store: store, win: win, bg: bg}
	h.intro = &widget.Label{Wrapping: fyne.TextWrapWord}
	h.list = container.NewVBox()
	h.scroll = container.NewVScroll(h.list)
	h.content = container.NewBorder(h.intro, nil, nil, nil, h.scroll)
	return h
}

// setCase is the case whose history the tab shows; it is read on load.
func (h *historyTab) setCase(ref string) {
	if ref != h.ref {
		h.ref = ref
		h.lines = nil
		h.list.RemoveAll()
		h.intro.SetText("Reading the history of " + ref + "…")
	}
}

// load reads the case's history.
func (h *historyTab) load() {
	ref := h.ref
	if ref == "" {
		return
	}
	inBackground(h.bg, func(ctx context.Context) ([]app.HistoryLine, error) {
		return h.store.CaseHistory(ctx, ref)
	}, func(lines []app.HistoryLine, err error) {
		if h.ref != ref {
			return
		}
		if err != nil {
			h.intro.SetText("The history of " + ref + " could not be read.")
			showError(h.win, "read the history of case "+ref, err)
			return
		}
		h.fill(lines)
	})
}

func (h *historyTab) fill(lines []app.HistoryLine) {
	h.lines = lines
	intro := fmt.Sprintf("Every change to %s and what is in it, newest first, as the audit trail recorded it: %s.",
		h.ref, pluralN(int64(len(lines)), "change"))
	shown := lines
	if len(shown) > historyShown {
		shown = shown[:historyShown]
		intro += fmt.Sprintf(" The latest %d are shown; the command bollard audit --case %s lists them all.", historyShown, h.ref)
	}
	h.intro.SetText(intro)
	rows := make([]fyne.CanvasObject, 0, 2*len(shown))
	for i, l := range shown {
		if i > 0 {
			rows = append(rows, widget.NewSeparator())
		}
		rows = append(rows, newHistoryRow(l))
	}
	h.list.Objects = rows
	h.list.Refresh()
	h.scroll.ScrollToTop()
}

// newHistoryRow is one line: the time, then the sentence, wrapping under
// itself. A change received from a partner adds, under it, the package's
// whole SHA-256 and the signing key, to copy and check against the file.
func newHistoryRow(l app.HistoryLine) fyne.CanvasObject {
	when := newQuietText(historyTime(l))
	var text fyne.CanvasObject = &widget.Label{Text: l.Text, Wrapping: fyne.TextWrapWord, Selectable: true}
	if source := l.Source(); source != "" {
		text = container.NewVBox(text, &widget.Label{Text: source, Wrapping: fyne.TextWrapBreak, Selectable: true,
			SizeName: theme.SizeNameCaptionText, Importance: widget.LowImportance})
	}
	return container.NewBorder(nil, nil, when, nil, text)
}

func historyTime(l app.HistoryLine) string {
	return l.Entry.At.Local().Format("2006-01-02 15:04")
}

// texts is the tab's lines as "2026-11-27 10:04  <Text>", for tests.
func (h *historyTab) texts() []string {
	out := make([]string, len(h.lines))
	for i, l := range h.lines {
		out[i] = historyTime(l) + "  " + l.Text
	}
	return out
}
