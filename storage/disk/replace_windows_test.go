package disk

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Replacing a file renames over it whole; with the file open in another
// program it fails, says so, and leaves the old file as it was.
func TestReplaceWindows(t *testing.T) {
	dir := tempFolder(t)
	path := filepath.Join(dir, "MAR-2026-0007 dossier.pdf")
	os.WriteFile(path, []byte("%PDF last week's"), 0o600)
	tmp := filepath.Join(dir, ".dossier.partial")
	os.WriteFile(tmp, []byte("%PDF this week's"), 0o600)
	if err := Replace(tmp, path); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "%PDF this week's" {
		t.Fatalf("after Replace the file holds %q", b)
	}
	if _, err := os.Lstat(tmp); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the temp file stayed: %v", err)
	}

	os.WriteFile(tmp, []byte("%PDF next week's"), 0o600)
	release := holdOpen(t, path)
	err := Replace(tmp, path)
	if !IsInUse(err) || err.Error() != path+" is open in another program: close it there and try again" {
		t.Fatalf("Replace over a file held open: %v", err)
	}
	os.Remove(tmp) // as the callers do
	if _, err := os.Lstat(tmp); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the temp file could not be removed: %v", err)
	}
	if !heldOpen(path) {
		t.Error("heldOpen is false for a file held open")
	}
	release()
	if b, _ := os.ReadFile(path); string(b) != "%PDF this week's" {
		t.Errorf("the old file became %q", b)
	}
	if heldOpen(path) {
		t.Error("heldOpen is true for a file nobody holds")
	}
}

// A file held only for a moment after it was written, as an antivirus
// scanner holds it, is replaced once it is let go.
func TestReplaceWaitsOutAScannerWindows(t *testing.T) {
	dir := tempFolder(t)
	path := filepath.Join(dir, "dossier.pdf")
	os.WriteFile(path, []byte("%PDF last week's"), 0o600)
	tmp := filepath.Join(dir, ".dossier.partial")
	os.WriteFile(tmp, []byte("%PDF this week's"), 0o600)
	release := holdOpen(t, path)
	go func() {
		time.Sleep(100 * time.Millisecond)
		release()
	}()
	if err := Replace(tmp, path); err != nil {
		t.Fatalf("Replace over a file held for 100 ms: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "%PDF this week's" {
		t.Fatalf("after Replace the file holds %q", b)
	}
}
