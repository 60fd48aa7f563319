package exchange

import (
	"strings"
	"testing"
	"time"
)

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
