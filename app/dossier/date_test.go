package dossier_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"bollard/app/dossier"
)

// TestDossierDateLimits: a dossier is dated no earlier than the day of
// its case's latest change and no later than today, and a refused date
// says which limit it passes.
func TestDossierDateLimits(t *testing.T) {
	w := mustOpen(t)
	f := mustCaseFile(t, w, 2) // every record made at testNow, 2026-11-27 09:30 UTC
	now := time.Date(2026, 12, 5, 23, 30, 0, 0, time.UTC)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name string
		date time.Time
		says string // "" when the date is fine
	}{
		{"no date is now", time.Time{}, ""},
		{"the day of the latest change", day(2026, 11, 27), ""},
		{"between", day(2026, 12, 1), ""},
		{"today", day(2026, 12, 5), ""},
		{"today with a time", now, ""},
		{"the day before the latest change", day(2026, 11, 26), "the dossier date 2026-11-26 is before the case's latest change (2026-11-27): a dossier cannot be dated before what it prints"},
		{"years before", day(2020, 1, 1), "the dossier date 2020-01-01 is before the case's latest change (2026-11-27)"},
		{"days after today", day(2026, 12, 8), "the dossier date 2026-12-08 is after today (2026-12-0"},
		{"years after", day(2030, 1, 1), "is after today"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := dossier.CheckDate(f, tc.date, now)
			switch {
			case tc.says == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.says != "" && (!errors.Is(err, dossier.ErrDate) || !strings.Contains(err.Error(), tc.says)):
				t.Fatalf("error %v, want ErrDate saying %q", err, tc.says)
			}
		})
	}
	t.Run("Write refuses it and writes nothing", func(t *testing.T) {
		var buf bytes.Buffer
		_, err := dossier.Write(ctx, &buf, f, dossier.Options{Officer: testOfficer, Date: day(2020, 1, 1)})
		if !errors.Is(err, dossier.ErrDate) || buf.Len() > 0 {
			t.Fatalf("err %v, %d bytes written", err, buf.Len())
		}
		_, err = dossier.Write(ctx, &buf, f, dossier.Options{Officer: testOfficer, Date: time.Now().AddDate(0, 0, 3)})
		if !errors.Is(err, dossier.ErrDate) {
			t.Fatalf("a date three days ahead: %v", err)
		}
	})
}
