package model

import (
	"fmt"
	"time"
)

// When a seizure happened is written by the officer in one of two ways, and
// each is kept as written, whatever the time zone of the computer that reads
// it or shows it:
//
//   - a day alone ("14/03/2026"): a calendar day, held as midnight UTC of
//     that day (Date.Time). Midnight UTC, not midnight where the officer
//     sits: local midnight in Madrid is 23:00 UTC the day before, and in
//     Bogotá or Auckland every reader would see another day. Held this way,
//     the day survives storage, packages and JSON (it is written
//     "2026-03-14T00:00:00Z") with no extra field to carry, and an old
//     Bollard reading it still sees the right day in UTC.
//   - a day and a time of day: an instant that keeps the offset it was
//     written in (the officer's zone, or the one the file names), so that
//     "14:30" in Madrid is shown as 14:30 (UTC+1) in Bogotá too.
//
// The one value the two ways share is a time of exactly 00:00 at UTC+0,
// which reads as the day alone: a seizure at midnight in London in winter
// is shown without its time of day, never on another day.
//
// Rows stored before this were not rewritten: they hold UTC instants,
// right as instants and as their audit entries record them. A day typed
// alone was then stored as midnight where the computer was (23:00 UTC the
// day before, in Madrid), and nothing stored says which zone that was:
// moving it would be a guess, and would break the audit trail's match with
// the row. Such a row is found again when the same spreadsheet is
// re-imported in that zone (app/exchange seizureKeys), and an officer
// corrects its date in the form, audited.

// DayOnly is a calendar day as a seizure holds it: midnight UTC.
func DayOnly(d Date) time.Time { return d.Time() }

// IsDayOnly reports whether t is a day written without a time of day
// (midnight at UTC+0).
func IsDayOnly(t time.Time) bool {
	if t.IsZero() {
		return false
	}
	_, offset := t.Zone()
	return offset == 0 && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0
}

// DayOfWhen is the calendar day of t as written: the day alone, or the
// day at t's own offset.
func DayOfWhen(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	return DateOf(t)
}

// FormatWhen writes t as it was written: "2026-03-14" for a day alone,
// "2026-03-14 14:30 UTC+1" for a time, at its own offset; "" for no time.
func FormatWhen(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case IsDayOnly(t):
		return t.Format(time.DateOnly)
	}
	return t.Format("2006-01-02 15:04") + " " + FormatOffset(t)
}

// FormatOffset names t's offset from UTC the way officers read it:
// "UTC", "UTC+1", "UTC-5", "UTC+5:30".
func FormatOffset(t time.Time) string {
	_, offset := t.Zone()
	if offset == 0 {
		return "UTC"
	}
	sign := "+"
	if offset < 0 {
		sign, offset = "-", -offset
	}
	h, m := offset/3600, offset%3600/60
	if m == 0 {
		return fmt.Sprintf("UTC%s%d", sign, h)
	}
	return fmt.Sprintf("UTC%s%d:%02d", sign, h, m)
}

// checkWhenNotFuture refuses a time after now; a day alone is compared as
// a day with today where the officer is, so that today's date is never
// "in the future" in Auckland, where it is already tomorrow in UTC terms.
func checkWhenNotFuture(field string, t, now time.Time) error {
	if IsDayOnly(t) {
		return checkNotFuture(field, DateOf(t), now)
	}
	if t.After(now) {
		return Invalid(field, t.Format("2006-01-02 15:04"), "cannot be in the future")
	}
	return nil
}

// FormatLocalWhen writes a time whose offset is not kept (a timeline
// event's, an exhibit's, a custody event's: stored as instants) for the
// officer reading it here: a day alone as that day, a time in this
// computer's zone, "2026-03-14 14:30"; "" for no time.
func FormatLocalWhen(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case IsDayOnly(t):
		return t.Format(time.DateOnly)
	}
	return t.Local().Format("2006-01-02 15:04")
}

// WhenBefore reports whether a happened before b. A day alone is not
// before a time within that day, nor after it: an exhibit acquired on
// 14/03 may be sealed at 10:00 that day wherever the officer is (in
// Auckland, 10:00 on the 14th is still the 13th in UTC). A time is
// compared with a day as the day it is here, as the officer reads it.
func WhenBefore(a, b time.Time) bool {
	if IsDayOnly(a) || IsDayOnly(b) {
		return dayHere(a).Before(dayHere(b))
	}
	return a.Before(b)
}

func dayHere(t time.Time) Date {
	if IsDayOnly(t) {
		return DateOf(t)
	}
	return DateOf(t.Local())
}
