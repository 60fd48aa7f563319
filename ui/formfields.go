package ui

// The fields the editing dialogs share: a day and time, a day with a
// calendar, a country picked by typing a few letters of it.

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app/typed"
	"bollard/model"
)

// dateTimeField is a day, typed or picked in a calendar, and, when given,
// a time of day. A day alone is that calendar day wherever it is read
// (model/when.go). A time of day is read in the zone of the time the field
// was given (written, for a seizure, whose time keeps the offset it was
// written in: editing it in another zone never moves it), else in the
// officer's own; the label under it names that zone.
type dateTimeField struct {
	field       string
	written     bool // times keep the offset they were written in
	loc         *time.Location
	date, clock *savingEntry
	zone        *widget.Label
	content     fyne.CanvasObject
}

func newDateTimeField(g *formGuard, field string, written bool) *dateTimeField {
	f := &dateTimeField{field: field, written: written, loc: time.Local, date: g.entry(false, field), clock: g.entry(false, field),
		zone: &widget.Label{Text: "your local time", Importance: widget.LowImportance}}
	f.date.SetPlaceHolder("YYYY-MM-DD")
	f.clock.SetPlaceHolder("HH:MM")
	f.content = container.NewBorder(nil, nil, nil,
		container.NewHBox(calendarButton(g, f.date, field), withMinSize(f.clock, fyne.NewSize(80, 0)), f.zone),
		f.date)
	return f
}

func (f *dateTimeField) set(t time.Time) {
	day, clock, loc := showWhen(t, f.written)
	f.loc = loc
	f.date.SetText(day)
	f.clock.SetText(clock)
	f.zone.SetText("your local time")
	if loc != time.Local {
		f.zone.SetText(model.FormatOffset(t) + ", as written")
	}
}

// read is the time typed; one that cannot be read is added to bad and
// reads as no time. An empty time of day is the day alone.
func (f *dateTimeField) read(bad *[]*model.FieldError) time.Time {
	return readWhen(f.field, f.date.Text, f.clock.Text, f.loc, bad)
}

// showWhen is how a form shows a time: its day, its time of day ("" for a
// day alone) and the zone the time of day is in. A time written at an
// offset is shown at it; any other in the officer's own zone.
func showWhen(t time.Time, written bool) (day, clock string, loc *time.Location) {
	switch {
	case t.IsZero():
		return "", "", time.Local
	case model.IsDayOnly(t):
		return t.Format(time.DateOnly), "", time.Local
	case !written:
		t = t.Local()
	}
	return t.Format(time.DateOnly), t.Format("15:04"), t.Location()
}

// readWhen is the day and time of day typed, the time of day in loc; a
// value that cannot be read is added to bad and reads as no time.
func readWhen(field, day, clock string, loc *time.Location, bad *[]*model.FieldError) time.Time {
	ds, cs := strings.TrimSpace(day), strings.TrimSpace(clock)
	if ds == "" {
		if cs != "" {
			*bad = append(*bad, model.Invalid(field, "", "needs the day as well as the time"))
		}
		return time.Time{}
	}
	d := readDate(field, ds, bad)
	if d.IsZero() {
		return time.Time{}
	}
	if cs == "" {
		return model.DayOnly(d)
	}
	c, err := typed.ReadClock(cs)
	if err != nil {
		*bad = append(*bad, model.Invalid(field, cs, "the time of day should be written as HH:MM, e.g. 14:30"))
		return time.Time{}
	}
	return time.Date(d.Year, d.Month, d.Day, c.Hour, c.Minute, c.Second, 0, loc)
}

// dayField is a calendar day, typed or picked.
type dayField struct {
	field   string
	entry   *savingEntry
	content fyne.CanvasObject
}

func newDayField(g *formGuard, field, placeholder string) *dayField {
	f := &dayField{field: field, entry: g.entry(false, field)}
	f.entry.SetPlaceHolder(placeholder)
	f.content = container.NewBorder(nil, nil, nil, calendarButton(g, f.entry, field), f.entry)
	return f
}

func (f *dayField) set(d model.Date) { f.entry.SetText(d.String()) }

func (f *dayField) read(bad *[]*model.FieldError) model.Date {
	return readDate(f.field, f.entry.Text, bad)
}

// calendarButton opens a month calendar under a date entry; the day picked
// is written into it.
func calendarButton(g *formGuard, date *savingEntry, field string) *widget.Button {
	var b *widget.Button
	b = widget.NewButtonWithIcon("", theme.CalendarIcon(), func() {
		start := time.Now()
		if d, err := typed.Date(date.Text, start); err == nil && !d.IsZero() {
			start = time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.Local)
		}
		var pop *widget.PopUp
		cal := widget.NewCalendar(start, func(t time.Time) {
			pop.Hide()
			date.SetText(t.Format(time.DateOnly))
			g.touch(field)
		})
		pop = widget.NewPopUp(cal, g.win.Canvas())
		pop.ShowAtRelativePosition(fyne.NewPos(0, b.Size().Height), b)
	})
	b.Importance = widget.LowImportance
	return b
}

// countryField is a country picker that saves its form on Ctrl+S, tells
// the form when the officer leaves it, and narrows its list to the
// countries whose name or code holds what was typed.
type countryField struct {
	widget.SelectEntry
	guard *formGuard
	names []string
}

func newCountryField(g *formGuard, names ...string) *countryField {
	c := &countryField{guard: g, names: names}
	c.ExtendBaseWidget(c)
	c.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	c.SetOptions(countryPicker().options)
	c.SetPlaceHolder("Pick, or type a name or code, e.g. BE")
	c.OnChanged = func(text string) {
		c.narrow(text)
		g.touch(names...)
	}
	return c
}

func (c *countryField) narrow(text string) {
	all := countryPicker().options
	t := strings.ToLower(strings.TrimSpace(text))
	if t == "" || slices.Contains(all, text) {
		c.SetOptions(all)
		return
	}
	var some []string
	for _, o := range all {
		if strings.Contains(strings.ToLower(o), t) {
			some = append(some, o)
		}
	}
	if len(some) == 0 {
		some = all
	}
	c.SetOptions(some)
}

// code is the country picked or typed, as its ISO code when it is one.
func (c *countryField) code() string { return countryCode(c.Text) }

// TypedShortcut saves on Ctrl+S; every other shortcut is the entry's.
func (c *countryField) TypedShortcut(s fyne.Shortcut) {
	if isSaveShortcut(s) {
		c.guard.trySave()
		return
	}
	c.SelectEntry.TypedShortcut(s)
}

// FocusLost judges the field the officer has just left.
func (c *countryField) FocusLost() {
	c.SelectEntry.FocusLost()
	c.guard.touch(c.names...)
}

func isSaveShortcut(s fyne.Shortcut) bool {
	c, ok := s.(*desktop.CustomShortcut)
	return ok && c.KeyName == fyne.KeyS && c.Modifier == fyne.KeyModifierShortcutDefault
}
