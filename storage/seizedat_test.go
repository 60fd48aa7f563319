package storage

import (
	"context"
	"testing"
	"time"

	"bollard/model"
)

// A seizure's time is stored as written: a day alone stays that day, a time
// keeps its offset, and the case's seizures are listed in the order they
// happened, whatever offsets they were written in.
func TestSeizedAtKeepsWhatWasWritten(t *testing.T) {
	s := mustOpen(t)
	c := newCase("dates")
	insertCase(t, s, c)
	madrid, bogota := time.FixedZone("", 3600), time.FixedZone("", -5*3600)
	written := []time.Time{
		time.Date(2026, 3, 14, 23, 30, 0, 0, madrid),             // 22:30 UTC: second
		model.DayOnly(model.Date{Year: 2026, Month: 3, Day: 14}), // 00:00 UTC: first
		time.Date(2026, 3, 14, 19, 0, 0, 0, bogota),              // 00:00 UTC the 15th: third
		time.Date(2026, 3, 10, 8, 0, 0, 0, time.UTC),             // an older row's UTC: earliest
	}
	err := s.Write(context.Background(), func(tx *Tx) error {
		for _, at := range written {
			sz := newSeizure(c.ID)
			sz.SeizedAt = at
			if err := tx.InsertSeizure(sz); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	err = s.Read(context.Background(), func(tx *Tx) error {
		list, err := tx.Seizures(c.ID)
		for _, sz := range list {
			got = append(got, model.FormatWhen(sz.SeizedAt))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2026-03-10 08:00 UTC", "2026-03-14", "2026-03-14 23:30 UTC+1", "2026-03-14 19:00 UTC-5"}
	if len(got) != len(want) {
		t.Fatalf("read back %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("seizure %d read back as %q, want %q (all: %q)", i, got[i], want[i], got)
		}
	}
}
