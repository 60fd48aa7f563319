package model

import (
	"testing"
	"time"
)

func TestFormatWhen(t *testing.T) {
	madrid := time.FixedZone("", 3600)
	bogota := time.FixedZone("", -5*3600)
	delhi := time.FixedZone("", 5*3600+1800)
	for _, c := range []struct {
		name string
		t    time.Time
		want string
	}{
		{"no time", time.Time{}, ""},
		{"day alone", DayOnly(Date{2026, 3, 14}), "2026-03-14"},
		{"time at its offset", time.Date(2026, 3, 14, 23, 30, 0, 0, madrid), "2026-03-14 23:30 UTC+1"},
		{"west of Greenwich", time.Date(2026, 3, 14, 1, 5, 0, 0, bogota), "2026-03-14 01:05 UTC-5"},
		{"half-hour offset", time.Date(2026, 3, 14, 9, 0, 0, 0, delhi), "2026-03-14 09:00 UTC+5:30"},
		{"local midnight is a time, not a day", time.Date(2026, 3, 14, 0, 0, 0, 0, madrid), "2026-03-14 00:00 UTC+1"},
		{"a time in UTC", time.Date(2026, 3, 14, 13, 30, 0, 0, time.UTC), "2026-03-14 13:30 UTC"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := FormatWhen(c.t); got != c.want {
				t.Errorf("FormatWhen(%v) = %q, want %q", c.t, got, c.want)
			}
		})
	}
}

// A day alone is "today" all day long wherever the officer is, even where
// today has already begun in UTC terms (Auckland) or not yet ended (Bogotá).
func TestTodayIsNeverInTheFuture(t *testing.T) {
	for _, zone := range []string{"Pacific/Auckland", "America/Bogota", "Europe/Madrid", "UTC"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Skip("no time zone database:", err)
		}
		for _, now := range []time.Time{time.Date(2026, 3, 14, 0, 30, 0, 0, loc), time.Date(2026, 3, 14, 23, 30, 0, 0, loc)} {
			today := DayOnly(DateOf(now))
			if err := checkWhenNotFuture("seized at", today, now); err != nil {
				t.Errorf("%s at %v: today refused: %v", zone, now, err)
			}
			if err := checkWhenNotFuture("seized at", DayOnly(DateOf(now.AddDate(0, 0, 1))), now); err == nil {
				t.Errorf("%s at %v: tomorrow accepted", zone, now)
			}
		}
	}
}
