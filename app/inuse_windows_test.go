package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bollard/app"
	"bollard/model"
	"bollard/storage/disk/disktest"
)

// inUse is what Bollard says of a file another program holds open.
func inUse(path string) string {
	return path + " is open in another program: close it there and try again"
}

// A file another program holds open, unshared, is named in one line that
// says what to do, whether Bollard reads it (evidence to add), replaces it
// (a checkpoint written again) or opens it as the workspace.
func TestFileInUseWindows(t *testing.T) {
	dir := disktest.TempFolder(t)
	path := filepath.Join(dir, "caso.db")
	w := openAt(t, path)
	t.Cleanup(func() { w.Close() })
	c := mustCreateCase(t, w, "Bananas from Guayaquil")

	t.Run("evidence to add", func(t *testing.T) {
		src := filepath.Join(dir, "manifest 4471.xlsx")
		os.WriteFile(src, []byte("PK\x03\x04 the manifest"), 0o600)
		release := disktest.HoldOpen(t, src)
		item := model.EvidenceItem{CaseID: c.ID, Description: "shipping manifest", Kind: model.EvidenceDocument}
		_, err := w.AddEvidence(ctx, item, src)
		if err == nil || err.Error() != inUse(src) {
			t.Fatalf("AddEvidence of a file held open: %v, want %q", err, inUse(src))
		}
		release()
		if _, err := w.AddEvidence(ctx, item, src); err != nil {
			t.Errorf("once let go: %v", err)
		}
	})

	t.Run("a checkpoint written over one held open", func(t *testing.T) {
		cpPath := filepath.Join(dir, "checkpoint.json")
		cp, err := w.Checkpoint(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := app.WriteCheckpoint(cpPath, cp); err != nil {
			t.Fatal(err)
		}
		before, _ := os.ReadFile(cpPath)
		release := disktest.HoldOpen(t, cpPath)
		if _, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: c.ID, Description: "seal BE-0042", Kind: model.EvidencePhysical}); err != nil {
			t.Fatal(err)
		}
		next, err := w.Checkpoint(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := app.WriteCheckpoint(cpPath, next); err == nil || err.Error() != inUse(cpPath) {
			t.Fatalf("WriteCheckpoint over a file held open: %v, want %q", err, inUse(cpPath))
		}
		release()
		if after, _ := os.ReadFile(cpPath); string(after) != string(before) {
			t.Errorf("the old checkpoint changed:\n%s\nwant\n%s", after, before)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, ".checkpoint.json.*")); len(left) > 0 {
			t.Errorf("temp files left: %v", left)
		}
	})

	t.Run("the workspace", func(t *testing.T) {
		other := filepath.Join(dir, "other.db")
		w2 := openAt(t, other)
		w2.Close()
		disktest.HoldOpen(t, other)
		if _, err := app.Open(ctx, other); err == nil || !strings.HasSuffix(err.Error(), inUse(other)) {
			t.Fatalf("Open of a workspace held open: %v, want %q", err, inUse(other))
		}
	})
}
