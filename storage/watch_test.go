package storage

import (
	"context"
	"path/filepath"
	"testing"
)

// The number moves when another Store on the file saves, not when this
// one does: the window refreshes for outside changes only.
func TestOutsideSavesCountsOtherProgramsOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	window, script := mustOpenAt(t, path), mustOpenAt(t, path)
	mark := func() int64 {
		t.Helper()
		v, err := window.OutsideSaves(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	before := mark()
	if again := mark(); again != before {
		t.Fatalf("nothing saved, yet the mark moved %d → %d", before, again)
	}
	insertCase(t, window, newCase("Saved by the window itself"))
	if own := mark(); own != before {
		t.Fatalf("the window's own save moved the mark %d → %d", before, own)
	}
	insertCase(t, script, newCase("Saved by another program"))
	if outside := mark(); outside == before {
		t.Fatalf("another program's save left the mark at %d", outside)
	}
}
