package model

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestStaleErrorSaysWhoAndWhen(t *testing.T) {
	at := time.Date(2026, 11, 27, 9, 45, 12, 0, time.UTC)
	local := at.Local().Format("2006-01-02 15:04:05")
	for _, tc := range []struct {
		name string
		err  *StaleError
		want string
	}{
		{"officer and time", &StaleError{Record: "case ESA-2026-0001", By: Author{Name: "A. Silva", Agency: "AT"}, At: at},
			"case ESA-2026-0001 was changed by A. Silva (AT) at " + local + " — reload to see it"},
		{"no record named", &StaleError{By: Author{Name: "A. Silva"}, At: at},
			"changed by A. Silva at " + local + " — reload to see it"},
		{"author and time unknown", &StaleError{Record: "relation"},
			"relation was changed by someone else at an unknown time — reload to see it"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.err.Error(); got != tc.want {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
			wrapped := fmt.Errorf("save: %w", tc.err)
			if !errors.Is(wrapped, ErrStale) || errors.Is(wrapped, ErrNotFound) {
				t.Errorf("errors.Is(ErrStale) = false through a wrap")
			}
		})
	}
}
