package app_test

import (
	"os"
	"path/filepath"
	"testing"

	"bollard/app"
)

// A new checkpoint replaces the last one by rename, never by writing over
// it: whatever happens while it is written, the previous one survives
// whole. A hard link to the previous file shows it: written in place, the
// link would see the new contents.
func TestWriteCheckpointReplacesByRename(t *testing.T) {
	w := mustOpen(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "checkpoint.json")
	first, err := w.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := app.WriteCheckpoint(path, first); err != nil {
		t.Fatal(err)
	}
	firstBytes, _ := os.ReadFile(path)
	kept := filepath.Join(dir, "kept.json")
	if err := os.Link(path, kept); err != nil {
		t.Fatal(err)
	}
	mustCreateCase(t, w, "Cigarettes in furniture")
	second, err := w.Checkpoint(ctx)
	if err != nil || second.Seq == first.Seq {
		t.Fatalf("second checkpoint: %v (seq %d)", err, second.Seq)
	}
	if err := app.WriteCheckpoint(path, second); err != nil {
		t.Fatal(err)
	}
	if got, err := app.ReadCheckpoint(path); err != nil || got.Seq != second.Seq {
		t.Errorf("read back: seq %d, %v; want %d", got.Seq, err, second.Seq)
	}
	if b, _ := os.ReadFile(kept); string(b) != string(firstBytes) {
		t.Errorf("the previous checkpoint was written over in place:\n%s", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the folder holds %d files, want the checkpoint and the link: %v", len(entries), entries)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}

	t.Run("a write that fails leaves the previous one", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root writes into read-only folders")
		}
		mustCreateCase(t, w, "Counterfeit medicines")
		third, _ := w.Checkpoint(ctx)
		before, _ := os.ReadFile(path)
		os.Chmod(dir, 0o500)
		defer os.Chmod(dir, 0o700)
		if err := app.WriteCheckpoint(path, third); err == nil {
			t.Error("writing into a read-only folder succeeded")
		}
		if b, _ := os.ReadFile(path); string(b) != string(before) {
			t.Errorf("the previous checkpoint changed:\n%s", b)
		}
	})
	t.Run("a folder is refused", func(t *testing.T) {
		if err := app.WriteCheckpoint(dir, second); err == nil {
			t.Error("wrote a checkpoint over a folder")
		}
	})
}
