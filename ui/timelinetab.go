package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

// timelineKind is what a line of the timeline is.
type timelineKind = app.TimelineKind

const (
	kindEvent   = app.TimelineEvent
	kindSeizure = app.TimelineSeizure
	kindCustody = app.TimelineCustody
)

// timelineKinds are the markers of the kinds: a word on a coloured ground.
var timelineKinds = map[timelineKind]struct {
	word   string
	ground fyne.ThemeColorName
}{
	kindEvent:   {"EVENT", theme.ColorNamePrimary},
	kindSeizure: {"SEIZURE", theme.ColorNameError},
	kindCustody: {"CUSTODY", theme.ColorNameSuccess},
}

// timelineLine is one line of a case's timeline.
type timelineLine struct {
	at    time.Time
	kind  timelineKind
	what  string
	where string
}

// timelineOf is everything that happened in the case, in one list, as
// app.CaseTimeline orders it (the dossier prints the same entries): its
// events, its seizures and the custody events of its exhibits, oldest first.
func timelineOf(f app.CaseFile) []timelineLine {
	entries := app.CaseTimeline(f)
	lines := make([]timelineLine, 0, len(entries))
	for _, en := range entries {
		switch en.Kind {
		case kindEvent:
			e := en.Event
			what := e.Title
			if e.Description != "" {
				what += ": " + e.Description
			}
			lines = append(lines, timelineLine{at: en.At, kind: kindEvent, what: what, where: e.Place})
		case kindSeizure:
			s := en.Seizure
			what := fmt.Sprintf("%s: %s %s of %s", s.Ref, formatAmount(s.Quantity), s.Unit.Label(), s.Category.Label())
			if s.Description != "" {
				what += " (" + s.Description + ")"
			}
			what += ", " + s.TransportMode.Label()
			if len(s.ContainerNumbers) > 0 {
				what += ", " + strings.Join(s.ContainerNumbers, ", ")
			}
			lines = append(lines, timelineLine{at: en.At, kind: kindSeizure, what: what, where: seizurePlace(s)})
		case kindCustody:
			ev := en.Custody
			what := fmt.Sprintf("%s %s: %s", en.ExhibitRef, ev.Action.Label(), parties(ev))
			lines = append(lines, timelineLine{at: en.At, kind: kindCustody, what: what, where: ev.Place})
		}
	}
	return lines
}

// timelineTab is the case's story in order: events, seizures and custody
// events together, each with its time, what happened and where, and a
// marker of its kind. Oldest first by default, as a story reads; the
// officer can turn it round to see the latest at the top.
type timelineTab struct {
	store     timelineStore
	win       fyne.Window
	bg        *background
	onChanged func()

	file        app.CaseFile
	lines       []timelineLine // in the order shown
	newestFirst bool

	count   *widget.Label
	order   *widget.Check
	add     *widget.Button
	list    *widget.List
	empty   *widget.Label
	content fyne.CanvasObject

	form *eventForm // the dialog last opened, for tests
}

func newTimelineTab(store timelineStore, win fyne.Window, bg *background, onChanged func()) *timelineTab {
	t := &timelineTab{store: store, win: win, bg: bg, onChanged: onChanged}
	t.count = widget.NewLabel("")
	t.add = widget.NewButtonWithIcon("Add event…", theme.ContentAddIcon(), t.onAdd)
	t.add.Importance = widget.HighImportance
	t.order = widget.NewCheck("Newest first", func(on bool) {
		t.newestFirst = on
		t.show(t.file)
	})
	t.list = widget.NewList(
		func() int { return len(t.lines) },
		func() fyne.CanvasObject { return newTimelineRow() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(t.lines) {
				o.(*timelineRow).set(t.lines[id])
			}
		})
	t.list.OnSelected = func(widget.ListItemID) { t.list.UnselectAll() } // nothing to open: the line says it all
	t.empty = &widget.Label{Alignment: fyne.TextAlignCenter}
	bar := container.NewHBox(t.add, t.count, t.order)
	t.content = container.NewBorder(bar, nil, nil, nil, container.NewStack(t.list, container.NewCenter(t.empty)))
	t.setButtons()
	return t
}

// showLoading empties the tab while a new case is read, or after it
// could not be, saying status in place of the count.
func (t *timelineTab) showLoading(status string) {
	t.file = app.CaseFile{}
	t.lines = nil
	t.count.SetText(status)
	t.empty.SetText("")
	t.list.Refresh()
	t.setButtons()
}

// show lays out the timeline of the case file f.
func (t *timelineTab) show(f app.CaseFile) {
	t.file = f
	t.lines = timelineOf(f)
	if t.newestFirst {
		slices.Reverse(t.lines)
	}
	order := "oldest first"
	if t.newestFirst {
		order = "newest first"
	}
	t.count.SetText(plural(len(t.lines), "entry") + ", " + order)
	sayEmpty(t.empty, len(t.lines), "Nothing in the timeline yet.\nSeizures and custody events appear here as they are recorded;\nadd meetings, deliveries or arrests with “Add event…”.")
	t.list.Refresh()
	t.setButtons()
}

func (t *timelineTab) setButtons() {
	if t.file.Case.Ref == "" {
		t.add.Disable()
	} else {
		t.add.Enable()
	}
}

func (t *timelineTab) onAdd() {
	t.form = newEventForm(t.store, t.win, t.bg, t.file, func(model.TimelineEvent) { t.onChanged() })
	t.form.show()
}

// when is the line's time as the officer reads it: a seizure's as it was
// written (its day alone, or its time at its own offset), others' here.
func (l timelineLine) when() string {
	if l.kind == kindSeizure {
		return model.FormatWhen(l.at)
	}
	return model.FormatLocalWhen(l.at)
}

// texts is the lines as the officer reads them, for tests.
func (t *timelineTab) texts() []string {
	out := make([]string, len(t.lines))
	for i, l := range t.lines {
		out[i] = l.when() + " " + timelineKinds[l.kind].word + " " + l.what + " " + l.where
	}
	return out
}

// timelineRow is one line: the time, the kind's marker, what happened and
// where.
type timelineRow struct {
	widget.BaseWidget
	when    *widget.Label
	markers map[timelineKind]*badge
	text    *widget.RichText // what happened, then where, on two lines
	content fyne.CanvasObject
}

func newTimelineRow() *timelineRow {
	r := &timelineRow{
		when:    &widget.Label{TextStyle: fyne.TextStyle{Monospace: true}},
		markers: map[timelineKind]*badge{},
		text: widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyleParagraph},
			&widget.TextSegment{Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameText}}),
	}
	marks := container.NewStack()
	for k, m := range timelineKinds {
		b := newBadge(m.ground)
		r.markers[k] = b
		marks.Add(container.NewCenter(b.box))
	}
	r.text.Truncation = fyne.TextTruncateEllipsis
	// The time and the marker sit on the line of what happened, not in the
	// middle of the row.
	left := container.NewVBox(container.NewHBox(r.when, withMinSize(marks, fyne.NewSize(76, 0))))
	r.content = container.NewBorder(nil, nil, left, nil, r.text)
	r.ExtendBaseWidget(r)
	return r
}

func (r *timelineRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.content)
}

func (r *timelineRow) set(l timelineLine) {
	r.when.SetText(l.when())
	for k, b := range r.markers {
		if k == l.kind {
			b.set(timelineKinds[k].word)
		} else {
			b.set("")
		}
	}
	where := l.where
	if where == "" {
		where = "Place not recorded"
	}
	r.text.Segments[0].(*widget.TextSegment).Text = l.what
	r.text.Segments[1].(*widget.TextSegment).Text = where
	r.text.Refresh()
}
