package typed

import (
	"strconv"
	"strings"
	"time"

	"bollard/model"
)

// dateShape is how a day that cannot be read is told to be written.
const dateShape = "should be a date written as DD/MM/YYYY or YYYY-MM-DD"

// Date reads a calendar day: 2026-09-14 or 2026/09/14, and day first as
// Europe and Latin America write it, 14/09/2026, 14-09-2026 or 14.09.2026,
// with or without leading zeros (1/2/2026), and with a two-digit year
// (14/09/26), which is the latest such year not after now. Month first
// (09/14/2026) is refused with a word on writing the day first, and so is
// a year before 1900: a slip, not a day a case records. "" is no day.
func Date(s string, now time.Time) (model.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return model.Date{}, nil
	}
	sep := strings.IndexAny(s, "/-.")
	if sep < 0 {
		return model.Date{}, refuse(s, dateShape)
	}
	parts := strings.Split(s, string(s[sep]))
	if len(parts) != 3 {
		return model.Date{}, refuse(s, dateShape)
	}
	nums := make([]int, 3)
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || len(p) == 0 || len(p) > 4 {
			return model.Date{}, refuse(s, dateShape)
		}
		nums[i] = n
	}
	var y, m, d int
	switch {
	case len(parts[0]) == 4:
		y, m, d = nums[0], nums[1], nums[2]
	case len(parts[2]) == 4 || len(parts[2]) == 2:
		d, m, y = nums[0], nums[1], nums[2]
		if len(parts[2]) == 2 {
			y += 2000
			if y > now.Year() {
				y -= 100
			}
		}
		if m > 12 && d <= 12 {
			return model.Date{}, refuse(s, "looks like month/day/year; write the day first, DD/MM/YYYY")
		}
	default:
		return model.Date{}, refuse(s, dateShape)
	}
	switch {
	case m < 1 || m > 12:
		return model.Date{}, refuse(s, "has no month %d", m)
	case d < 1 || d > 31:
		return model.Date{}, refuse(s, "has no day %d", d)
	case y < 1900:
		return model.Date{}, refuse(s, "the year %d is too long ago", y)
	}
	if t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC); t.Day() != d {
		return model.Date{}, refuse(s, "there is no day %d in %s %d", d, time.Month(m), y)
	}
	return model.Date{Year: y, Month: time.Month(m), Day: d}, nil
}

// Clock is a time of day.
type Clock struct{ Hour, Minute, Second int }

// IsMidnight reports whether the time of day is 00:00:00, which a
// spreadsheet's date column shows when it is formatted as a date and time.
func (c Clock) IsMidnight() bool { return c == Clock{} }

// ReadClock reads a time of day: 14:30, 14:30:05 (fractions of a second
// are dropped), 14h30, 14.30 or 1430, with a trailing Z or h allowed.
func ReadClock(s string) (Clock, error) {
	typed := strings.TrimSpace(s)
	s = strings.ToLower(typed)
	s = strings.TrimSuffix(strings.TrimSuffix(s, "z"), "h")
	s = strings.ReplaceAll(s, "h", ":")
	if i := strings.IndexAny(s, ".,"); i >= 0 && strings.Count(s, ":") == 2 {
		s = s[:i] // fractions of a second
	}
	if !strings.Contains(s, ":") {
		s = strings.ReplaceAll(s, ".", ":") // 14.30
	}
	parts := strings.Split(s, ":")
	if len(parts) == 1 && len(s) == 4 {
		parts = []string{s[:2], s[2:]}
	}
	bad := refuse(typed, "should be a time of day such as 14:30")
	if len(parts) < 2 || len(parts) > 3 {
		return Clock{}, bad
	}
	vals := [3]int{}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || len(p) > 2 || len(p) == 0 || n < 0 {
			return Clock{}, bad
		}
		vals[i] = n
	}
	if vals[0] > 23 || vals[1] > 59 || vals[2] > 59 {
		return Clock{}, bad
	}
	return Clock{vals[0], vals[1], vals[2]}, nil
}

// DateTime reads a day and, when given, its time of day, typed as one:
// "2026-03-14 14:30", "14/03/2026 14h30", "2026-03-14T14:30", or a day
// alone, which is that calendar day whatever the zone (model.DayOnly:
// midnight UTC, see model/when.go). A time typed without a zone is in loc,
// the typist's own: the officer's local time in the window, UTC on the
// command line, the zone an import is told. ISO 8601 with a zone
// ("2026-03-14T14:30:00+01:00", "2026-03-14 13:30Z") keeps its zone. now
// reads two-digit years (Date). "" is no time.
func DateTime(s string, loc *time.Location, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	iso := strings.Replace(s, " ", "T", 1)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04Z07:00"} {
		if t, err := time.Parse(layout, iso); err == nil {
			return t, nil
		}
	}
	day, clock := SplitDateTime(s)
	return DayAt(day, clock, loc, now)
}

// SplitDateTime separates the day from the time of day typed after it, by
// a space or ISO 8601's T: "14/03/2026 14:30", "2026-03-14T14:30".
func SplitDateTime(s string) (day, clock string) {
	day, clock, _ = strings.Cut(strings.TrimSpace(s), " ")
	if d, c, ok := strings.Cut(day, "T"); ok && len(d) == 10 {
		day, clock = d, c
	}
	return day, strings.TrimSpace(clock)
}

// DayAt is the day typed at the time of day typed in loc, for a form or a
// spreadsheet that has them apart. With no time of day it is the day alone
// (model.DayOnly), never midnight in loc: local midnight in Madrid is the
// day before in UTC, and would be shown a day early elsewhere.
func DayAt(day, clock string, loc *time.Location, now time.Time) (time.Time, error) {
	d, err := Date(day, now)
	if err != nil {
		return time.Time{}, err
	}
	if d.IsZero() {
		return time.Time{}, refuse(day, dateShape)
	}
	clock = strings.TrimSpace(clock)
	if clock == "" {
		return model.DayOnly(d), nil
	}
	c, err := ReadClock(clock)
	if err != nil {
		return time.Time{}, refuse(strings.TrimSpace(day+" "+clock), "the time %q should be written as 14:30", clock)
	}
	return time.Date(d.Year, d.Month, d.Day, c.Hour, c.Minute, c.Second, 0, loc), nil
}
