package storage

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bollard/model"
)

// Two programs hold the same workspace: what one saves is never silently
// overwritten by the other's save of what it read before.
func TestSaveOverNewerVersionIsRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	window, script := mustOpenAt(t, path), mustOpenAt(t, path)
	c := newCase("Reefer MSCU")
	insertCase(t, window, c)
	if c.Version != 1 {
		t.Fatalf("a new case has version %d, want 1", c.Version)
	}

	read := func(s *Store) model.Case {
		t.Helper()
		var got model.Case
		if err := s.Read(ctx, func(tx *Tx) (err error) { got, err = tx.CaseByID(c.ID); return }); err != nil {
			t.Fatal(err)
		}
		return got
	}
	inWindow, inScript := read(window), read(script)

	other := model.Author{Name: "A. Silva", Agency: "AT"}
	at := time.Date(2026, 3, 3, 14, 5, 6, 0, time.UTC)
	inScript.Summary = "Seal broken on arrival."
	inScript.Touch(other, at)
	if err := script.Write(ctx, func(tx *Tx) error { return tx.UpdateCase(&inScript) }); err != nil {
		t.Fatalf("the fresh save: %v", err)
	}
	if inScript.Version != 2 || read(window).Version != 2 {
		t.Fatalf("after one save: version %d in memory, %d stored; want 2", inScript.Version, read(window).Version)
	}
	entries := countRows(t, window, "audit_log")

	inWindow.Title = "Renamed in the window"
	inWindow.Touch(officer, at.Add(time.Minute))
	err := window.Write(ctx, func(tx *Tx) error { return tx.UpdateCase(&inWindow) })
	var stale *model.StaleError
	if !errors.As(err, &stale) || !errors.Is(err, model.ErrStale) {
		t.Fatalf("a save over a newer version: %v, want a StaleError", err)
	}
	if stale.By != other || !stale.At.Equal(at) {
		t.Errorf("stale error names %v at %v, want %v at %v", stale.By, stale.At, other, at)
	}
	if msg := err.Error(); !strings.Contains(msg, "changed by A. Silva (AT) at ") || !strings.HasSuffix(msg, "reload to see it") {
		t.Errorf("message %q", msg)
	}
	got := read(window)
	if got.Title != c.Title || got.Summary != inScript.Summary || got.Version != 2 {
		t.Errorf("after the refused save: title %q summary %q version %d; the newer save must be kept whole",
			got.Title, got.Summary, got.Version)
	}
	if n := countRows(t, window, "audit_log"); n != entries {
		t.Errorf("the refused save wrote %d audit entries", n-entries)
	}

	// Reloaded, the same edit goes through and counts one more save.
	reloaded := read(window)
	reloaded.Title = "Renamed in the window"
	reloaded.Touch(officer, at.Add(2*time.Minute))
	if err := window.Write(ctx, func(tx *Tx) error { return tx.UpdateCase(&reloaded) }); err != nil {
		t.Fatalf("a save after reloading: %v", err)
	}
	if got := read(script); got.Version != 3 || got.Title != reloaded.Title || got.Summary != inScript.Summary {
		t.Errorf("after reloading and saving: %+v", got)
	}
}

// A record that is gone is not found, not stale.
func TestSaveOfMissingRecordIsNotFound(t *testing.T) {
	s := mustOpen(t)
	c := newCase("Never stored")
	c.Version = 1
	err := s.Write(context.Background(), func(tx *Tx) error {
		return tx.updateVersioned("case X", "cases", &c.Record, `title = ?`, "x")
	})
	if !errors.Is(err, model.ErrNotFound) || errors.Is(err, model.ErrStale) {
		t.Fatalf("update of a missing case: %v, want ErrNotFound", err)
	}
}
