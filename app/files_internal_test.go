package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bollard/model"
)

// A copy removed between being made and being attached (by another
// program's failed attach of the same file, or its sweep of leftovers) is
// refused at the attach, under the write lock: no exhibit is left naming a
// file that is not there.
func TestAttachRefusesACopyRemovedMeanwhile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	w, err := Open(ctx, filepath.Join(dir, "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.SetOfficer(ctx, model.Officer{Name: "M. Torres", Agency: "SVA", Country: "ES", RefPrefix: "ESA"}); err != nil {
		t.Fatal(err)
	}
	c, err := w.CreateCase(ctx, model.Case{Title: "Bananas", Corridor: model.CorridorEULAC, ThreatTypes: []model.ThreatType{model.ThreatCocaine}})
	if err != nil {
		t.Fatal(err)
	}
	photo := filepath.Join(dir, "door.jpg")
	os.WriteFile(photo, []byte("\xFF\xD8\xFF the door"), 0o644)
	files, err := w.storeFiles([]string{photo})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.blobs.Remove(files[0].blob.SHA256); err != nil {
		t.Fatal(err)
	}
	err = w.Change(ctx, func(b *Batch) error {
		e := model.EvidenceItem{CaseID: c.ID, Description: "Photo of the door", Kind: model.EvidencePhoto}
		if err := b.AddEvidence(&e); err != nil {
			return err
		}
		return b.attach(&e, files)
	})
	if err == nil || !strings.Contains(err.Error(), "attach it again") {
		t.Fatalf("err = %v", err)
	}
	if v, err := w.Verify(ctx, nil); err != nil || !v.OK() || v.Files != 0 {
		t.Errorf("verify: %v, %q, %d files", err, v.Problems, v.Files)
	}
}
