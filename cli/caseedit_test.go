package cli_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// Two scripts read the same case; the one that saves second is refused in
// one line naming who changed the case and when, and changes nothing.
func TestCaseEditRefusesAStaleVersion(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ws.db")
	must(t, 0, "--db", db, "demo", "--cases", "2", "--seed", "3")
	read := listCases(t, db)[0]
	if read.Version != 1 {
		t.Fatalf("a demo case has version %d, want 1", read.Version)
	}
	v := fmt.Sprint(read.Version)

	r := must(t, 0, "--db", db, "case", "edit", read.Ref, "--version", v, "--title", "Renamed by the first script")
	if !strings.Contains(r.stdout, "version 2") {
		t.Fatalf("first save: %q", r.stdout)
	}

	args := []string{"--db", db, "case", "edit", read.Ref, "--version", v, "--summary", "typed by the second script"}
	r = must(t, 1, args...)
	if !strings.Contains(r.stderr, read.Ref+" was changed by ") || !strings.HasSuffix(strings.TrimSpace(r.stderr), "— reload to see it (its version is now 2)") {
		t.Fatalf("stale save: %q", r.stderr)
	}
	var now caseLine
	for _, c := range listCases(t, db) {
		if c.Ref == read.Ref {
			now = c
		}
	}
	if now.Title != "Renamed by the first script" || now.Version != 2 {
		t.Fatalf("after the refused save: %+v", now)
	}

	// A version the case never had is not somebody else's save.
	if r := must(t, 1, "--db", db, "case", "edit", read.Ref, "--version", "99", "--title", "x"); !strings.Contains(r.stderr, "version") ||
		!strings.Contains(r.stderr, "newer than the record's own (2)") {
		t.Fatalf("a version from nowhere: %q", r.stderr)
	}

	// With the version read again, the second script's change goes through.
	must(t, 0, "--db", db, "case", "edit", read.Ref, "--version", "2", "--summary", "typed by the second script")
	must(t, 2, "--db", db, "case", "edit", read.Ref, "--title", "no version")
	must(t, 0, "--db", db, "verify")
}
