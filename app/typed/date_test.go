package typed

import (
	"strings"
	"testing"
	"time"

	"bollard/model"
)

// now is the day the tests are read on: two-digit years are read from it.
var now = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

func TestDate(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"ISO", "2026-03-14", "2026-03-14"},
		{"ISO with slashes", "2026/2/1", "2026-02-01"},
		{"day first with slashes", "14/03/2026", "2026-03-14"},
		{"day first with dots", "14.03.2026", "2026-03-14"},
		{"day first with dashes", "14-03-2026", "2026-03-14"},
		{"no leading zeros", "1/2/2026", "2026-02-01"},
		{"spaces around", " 14/03/2026 ", "2026-03-14"},
		{"two-digit year this century", "14-09-26", "2026-09-14"},
		{"two-digit year last century", "14/09/99", "1999-09-14"},
		{"leap day", "29/02/2024", "2024-02-29"},
		{"empty is no day", "", ""},
		{"no leap day", "29/02/2025", `"29/02/2025": there is no day 29 in February 2025`},
		{"month 13", "13/13/2026", `"13/13/2026": has no month 13`},
		{"day 32", "32/01/2026", `"32/01/2026": has no day 32`},
		{"month first", "03/14/2026", `"03/14/2026": looks like month/day/year; write the day first, DD/MM/YYYY`},
		{"too long ago", "14/03/1850", `"14/03/1850": the year 1850 is too long ago`},
		{"no year", "01/02", `"01/02": should be a date written as DD/MM/YYYY or YYYY-MM-DD`},
		{"words", "yesterday", `"yesterday": should be a date written as DD/MM/YYYY or YYYY-MM-DD`},
		{"mixed separators", "2026-03/14", `"2026-03/14": should be a date`},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := Date(c.in, now)
			got := d.String()
			if err != nil {
				got = err.Error()
			}
			if !strings.HasPrefix(got, c.want) || c.want == "" && got != "" {
				t.Errorf("Date(%q) = %s, want %s", c.in, got, c.want)
			}
		})
	}
}

func TestReadClock(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Clock
		bad  bool
	}{
		{"14:30", Clock{14, 30, 0}, false},
		{"9:05", Clock{9, 5, 0}, false},
		{"14:30:05", Clock{14, 30, 5}, false},
		{"14:30:05.250", Clock{14, 30, 5}, false},
		{"14h30", Clock{14, 30, 0}, false},
		{"14H30", Clock{14, 30, 0}, false},
		{"14.30", Clock{14, 30, 0}, false},
		{"1430", Clock{14, 30, 0}, false},
		{"14:30Z", Clock{14, 30, 0}, false},
		{"00:00", Clock{}, false},
		{"25:00", Clock{}, true},
		{"14:60", Clock{}, true},
		{"14", Clock{}, true},
		{"half past two", Clock{}, true},
		{"", Clock{}, true},
	} {
		t.Run(c.in, func(t *testing.T) {
			got, err := ReadClock(c.in)
			if got != c.want || (err != nil) != c.bad {
				t.Errorf("ReadClock(%q) = %v, %v", c.in, got, err)
			}
		})
	}
}

// A time typed without a zone is in the zone the caller says is the
// typist's own; one typed with a zone keeps it.
func TestDateTime(t *testing.T) {
	bogota, err := time.LoadLocation("America/Bogota")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	for _, loc := range []*time.Location{time.UTC, bogota, time.Local} {
		for _, c := range []struct{ name, in, want string }{
			{"ISO day and time", "2026-03-14 14:30", "2026-03-14T14:30:00"},
			{"ISO with T", "2026-03-14T14:30", "2026-03-14T14:30:00"},
			{"day first and 14h30", "14/03/2026 14h30", "2026-03-14T14:30:00"},
			{"seconds", "2026-03-14 14:30:05", "2026-03-14T14:30:05"},
		} {
			t.Run(loc.String()+"/"+c.name, func(t *testing.T) {
				got, err := DateTime(c.in, loc, now)
				want, _ := time.ParseInLocation("2006-01-02T15:04:05", c.want, loc)
				if err != nil || !got.Equal(want) || got.Location() != loc {
					t.Errorf("DateTime(%q, %s) = %v, %v, want %v", c.in, loc, got, err, want)
				}
			})
		}
		// A day alone is that calendar day in every zone: midnight UTC,
		// never midnight in loc (the day before, in UTC, east of Greenwich).
		t.Run(loc.String()+"/day alone is the day", func(t *testing.T) {
			for _, in := range []string{"14.03.2026", "2026-03-14", "14/03/2026"} {
				got, err := DateTime(in, loc, now)
				if err != nil || !got.Equal(time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)) || !model.IsDayOnly(got) {
					t.Errorf("DateTime(%q, %s) = %v, %v, want the day alone 2026-03-14", in, loc, got, err)
				}
			}
		})
		for in, want := range map[string]time.Time{
			"2026-03-14T14:30:00+01:00": time.Date(2026, 3, 14, 13, 30, 0, 0, time.UTC),
			"2026-03-14 13:30Z":         time.Date(2026, 3, 14, 13, 30, 0, 0, time.UTC),
			"2026-03-14T08:30:00-05:00": time.Date(2026, 3, 14, 13, 30, 0, 0, time.UTC),
		} {
			if got, err := DateTime(in, loc, now); err != nil || !got.Equal(want) {
				t.Errorf("DateTime(%q, %s) = %v, %v, want %v", in, loc, got, err, want)
			}
		}
	}
	for in, want := range map[string]string{
		"yesterday":        `"yesterday": should be a date`,
		"2026-03-14 25:00": `"2026-03-14 25:00": the time "25:00" should be written as 14:30`,
		"14:30":            `"14:30": should be a date`,
		"31/04/2026 10:00": `"31/04/2026": there is no day 31 in April 2026`,
	} {
		if _, err := DateTime(in, time.UTC, now); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("DateTime(%q): %v, want %s", in, err, want)
		}
	}
	if got, err := DateTime("  ", time.UTC, now); err != nil || !got.IsZero() {
		t.Errorf("DateTime of nothing: %v, %v", got, err)
	}
}

func TestDayAt(t *testing.T) {
	got, err := DayAt("14/03/2026", "9h05", time.UTC, now)
	if err != nil || !got.Equal(time.Date(2026, 3, 14, 9, 5, 0, 0, time.UTC)) {
		t.Errorf("DayAt: %v, %v", got, err)
	}
	if _, err := DayAt("", "9:05", time.UTC, now); err == nil {
		t.Error("a time of day without its day was read")
	}
}
