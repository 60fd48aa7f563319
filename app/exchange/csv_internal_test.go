package exchange

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

// group writes n with thousands grouped by sep and decimals after mark.
func group(n uint64, cents int, sep, mark string, decimals int) string {
	digits := fmt.Sprint(n)
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(d)
	}
	if decimals > 0 {
		b.WriteString(mark)
		b.WriteString(fmt.Sprintf("%0*d", decimals, cents))
	}
	return b.String()
}

// FuzzNumberRoundTrip writes numbers as officers' spreadsheets do, in both
// conventions and with each kind of grouping, and reads them back.
func FuzzNumberRoundTrip(f *testing.F) {
	f.Add(uint64(1234), uint8(5), uint8(1))
	f.Add(uint64(45000000), uint8(0), uint8(2))
	f.Add(uint64(7), uint8(25), uint8(2))
	f.Fuzz(func(t *testing.T, whole uint64, frac uint8, decimals uint8) {
		whole %= 1e12
		decimals %= 3
		cents := int(frac) % int(math.Pow10(int(decimals)))
		want := float64(whole) + float64(cents)/math.Pow10(int(decimals))
		for _, c := range []struct {
			sep, mark string
			file      decimalMark
		}{
			{".", ",", decimalComma}, {" ", ",", decimalComma}, {"\u00a0", ",", decimalComma}, {"", ",", decimalComma},
			{",", ".", decimalPoint}, {"", ".", decimalPoint}, {"'", ".", decimalPoint},
		} {
			s := group(whole, cents, c.sep, c.mark, int(decimals))
			got, ok := parseNumber(s, c.file)
			if !ok || math.Abs(got-want) > 1e-9*math.Max(1, want) {
				t.Fatalf("%q in a file with decimal %q: read %v (%v), want %v", s, c.file, got, ok, want)
			}
		}
	})
}

func TestParseDayCalendar(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	for in, want := range map[string]string{
		"29/02/2024": "2024-02-29", "29/02/2025": "there is no day 29 in February 2025", "2026-09-14": "2026-09-14",
		"14.09.2026": "2026-09-14", "14-09-26": "2026-09-14", "14/09/99": "1999-09-14", "13/13/2026": "has no month 13",
		"1/2/2026": "2026-02-01", "2026/2/1": "2026-02-01", "01/02": "should be a date", "yesterday": "should be a date",
	} {
		got, problem := parseSheetTime(in, "", time.UTC, now)
		if problem != "" {
			if !strings.Contains(problem, want) {
				t.Errorf("%s: %s, want %s", in, problem, want)
			}
			continue
		}
		if got.Format(time.DateOnly) != want {
			t.Errorf("%s: %s, want %s", in, got.Format(time.DateOnly), want)
		}
	}
}
