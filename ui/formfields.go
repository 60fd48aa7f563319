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

// dateTimeField is a day, typed or picked in a calendar, and a time of day
// in the officer's own zone.
type dateTimeField struct {
	field       string
	date, clock *savingEntry
	content     fyne.CanvasObject
}

func newDateTimeField(g *formGuard, field string) *dateTimeField {
	f := &dateTimeField{field: field, date: g.entry(false, field), clock: g.entry(false, field)}
	f.date.SetPlaceHolder("YYYY-MM-DD")
	f.clock.SetPlaceHolder("HH:MM")
	f.content = container.NewBorder(nil, nil, nil,
		container.NewHBox(calendarButton(g, f.date, field), withMinSize(f.clock, fyne.NewSize(80, 0)),
			&widget.Label{Text: "your local time", Importance: widget.LowImportance}),
		f.date)
	return f
}

func (f *dateTimeField) set(t time.Time) {
	if t.IsZero() {
		f.date.SetText("")
		f.clock.SetText("")
		return
	}
	t = t.Local()
	f.date.SetText(t.Format(time.DateOnly))
	f.clock.SetText(t.Format("15:04"))
}

// read is the time typed; one that cannot be read is added to bad and
// reads as no time. An empty time of day is midnight.
func (f *dateTimeField) read(bad *[]*model.FieldError) time.Time {
	ds, cs := strings.TrimSpace(f.date.Text), strings.TrimSpace(f.clock.Text)
	if ds == "" {
		if cs != "" {
			*bad = append(*bad, model.Invalid(f.field, "", "needs the day as well as the time"))
		}
		return time.Time{}
	}
	d := readDate(f.field, ds, bad)
	if d.IsZero() {
		return time.Time{}
	}
	var c typed.Clock
	if cs != "" {
		var err error
		if c, err = typed.ReadClock(cs); err != nil {
			*bad = append(*bad, model.Invalid(f.field, cs, "the time of day should be written as HH:MM, e.g. 14:30"))
			return time.Time{}
		}
	}
	return time.Date(d.Year, d.Month, d.Day, c.Hour, c.Minute, c.Second, 0, time.Local)
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
