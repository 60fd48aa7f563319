package app_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bollard/app"
	"bollard/model"
	"bollard/storage"
)

// writeFile makes a file to attach.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// mustAddExhibit adds an exhibit with files to a new case.
func mustAddExhibit(t *testing.T, w *app.Workspace, files ...string) (model.Case, model.EvidenceItem) {
	t.Helper()
	c := mustCreateCase(t, w, "Bananas from Guayaquil")
	x, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: c.ID, Description: "cocaine brick, sealed bag",
		Kind: model.EvidencePhysical, SealNumber: "BE-SEAL-0042"}, files...)
	if err != nil {
		t.Fatal(err)
	}
	return c, x
}

func TestEvidenceAndAttachments(t *testing.T) {
	w := mustOpen(t)
	photo := writeFile(t, "IMG_2041.jpg", "\xFF\xD8\xFF\xE0 a photo of the brick")
	c, x := mustAddExhibit(t, w, photo)
	if x.ExhibitRef != c.Ref+"/EX-001" {
		t.Errorf("exhibit ref = %q, want %s/EX-001", x.ExhibitRef, c.Ref)
	}
	if len(x.Attachments) != 1 {
		t.Fatalf("attachments = %d, want 1", len(x.Attachments))
	}
	a := x.Attachments[0]
	out, err := exec.Command("sha256sum", photo).Output()
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Fields(string(out))[0]; a.SHA256 != want {
		t.Errorf("SHA-256 = %s, sha256sum says %s", a.SHA256, want)
	}
	if a.Name != "IMG_2041.jpg" || a.MediaType != "image/jpeg" || a.AddedBy.Name != "M. Torres" {
		t.Errorf("attachment = %+v", a)
	}
	if stored, err := os.ReadFile(w.AttachmentPath(a.SHA256)); err != nil || string(stored) != "\xFF\xD8\xFF\xE0 a photo of the brick" {
		t.Errorf("stored file = %q, %v", stored, err)
	}

	t.Run("the same file twice is stored once, and refused twice on one exhibit", func(t *testing.T) {
		y, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: c.ID, Description: "copy of the photo", Kind: model.EvidencePhoto}, photo)
		if err != nil || y.ExhibitRef != c.Ref+"/EX-002" {
			t.Fatalf("second exhibit = %q, %v", y.ExhibitRef, err)
		}
		if _, err := w.AttachFiles(ctx, x.ID, photo); err == nil || !strings.Contains(err.Error(), "already has this file") {
			t.Errorf("attaching the same file again: %v", err)
		}
		if _, err := os.Stat(w.AttachmentPath(a.SHA256)); err != nil {
			t.Errorf("the refused attach removed a file two exhibits have: %v", err)
		}
	})

	t.Run("a failed transaction leaves no file and no record", func(t *testing.T) {
		lone := writeFile(t, "lab-report.pdf", "%PDF-1.7 the lab report")
		blobs, err := storage.OpenBlobs(w.BlobDir(), nil)
		if err != nil {
			t.Fatal(err)
		}
		defer blobs.Close()
		before, _ := blobs.List()
		_, err = w.AddEvidence(ctx, model.EvidenceItem{CaseID: c.ID, Description: "lab report", Kind: "rumour"}, lone)
		var ve *model.ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("err = %v, want a validation error", err)
		}
		after, _ := blobs.List()
		if len(after) != len(before) {
			t.Errorf("stored files went from %d to %d: the copy was left behind", len(before), len(after))
		}
		f, err := w.CaseFile(ctx, c.Ref)
		if err != nil || len(f.Evidence) != 2 {
			t.Errorf("exhibits = %d, %v; want the 2 saved before", len(f.Evidence), err)
		}
	})

	t.Run("a missing file is refused before anything is written", func(t *testing.T) {
		_, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: c.ID, Description: "x", Kind: model.EvidenceDocument}, "/no/such/file.pdf")
		if err == nil || !strings.Contains(err.Error(), "/no/such/file.pdf") {
			t.Errorf("err = %v", err)
		}
	})

	t.Run("an exhibit ref of another case is refused", func(t *testing.T) {
		other := mustCreateCase(t, w, "Another case")
		_, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: c.ID, ExhibitRef: other.Ref + "/EX-001", Description: "x", Kind: model.EvidenceDocument})
		if err == nil || !strings.Contains(err.Error(), "should be "+c.Ref+"/EX-NNN") {
			t.Errorf("err = %v", err)
		}
		if y, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: other.ID, Description: "x", Kind: model.EvidenceDocument}); err != nil || y.ExhibitRef != other.Ref+"/EX-001" {
			t.Errorf("the other case's first exhibit: %q, %v", y.ExhibitRef, err)
		}
	})

	t.Run("a seizure of another case is refused", func(t *testing.T) {
		other := mustCreateCase(t, w, "Another case")
		s, err := w.AddSeizure(ctx, validSeizure(other.ID))
		if err != nil {
			t.Fatal(err)
		}
		_, err = w.AddEvidence(ctx, model.EvidenceItem{CaseID: c.ID, Description: "x", Kind: model.EvidenceSample, SeizureID: s.ID})
		if err == nil || !strings.Contains(err.Error(), "should be a seizure of case "+c.Ref) {
			t.Errorf("err = %v", err)
		}
	})
}

func TestChainOfCustody(t *testing.T) {
	w := mustOpen(t)
	_, x := mustAddExhibit(t, w)
	add := func(ev model.CustodyEvent) (model.CustodyEvent, error) {
		ev.ItemID = x.ID
		return w.AddCustodyEvent(ctx, ev)
	}
	seized, err := add(model.CustodyEvent{Action: model.CustodySeized, Place: "Antwerp, Kaai 1742", SealNumber: "BE-SEAL-0042"})
	if err != nil {
		t.Fatal(err)
	}
	if seized.To.Name != "M. Torres" {
		t.Errorf("the seizing officer should hold the exhibit, got %+v", seized.To)
	}
	moved, err := add(model.CustodyEvent{Action: model.CustodyTransferred, To: model.Author{Name: "Dr. Peeters", Agency: "NICC"}})
	if err != nil {
		t.Fatal(err)
	}
	if moved.From.Name != "M. Torres" {
		t.Errorf("a transfer should come from the holder, got %+v", moved.From)
	}
	if _, err := add(model.CustodyEvent{Action: model.CustodyTransferred}); err == nil {
		t.Error("a transfer to nobody was accepted")
	}
	if _, err := add(model.CustodyEvent{Action: model.CustodyReceived, Corrects: model.NewID()}); err == nil {
		t.Error("a correction of an event of nothing was accepted")
	}
	fix, err := add(model.CustodyEvent{Action: model.CustodyTransferred, To: model.Author{Name: "Dr. Peters", Agency: "NICC"},
		Corrects: moved.ID, Note: "name misspelt"})
	if err != nil || fix.Corrects != moved.ID {
		t.Fatalf("correction: %+v, %v", fix, err)
	}
	if _, err := add(model.CustodyEvent{Action: model.CustodyDestroyed, Place: "Incinerator, Doel"}); err != nil {
		t.Fatal(err)
	}
	_, err = add(model.CustodyEvent{Action: model.CustodyReceived})
	if err == nil || !strings.Contains(err.Error(), "destroyed") {
		t.Errorf("an event after destruction: %v", err)
	}
	got, err := w.Exhibit(ctx, strings.ToLower(x.ExhibitRef))
	if err != nil || len(got.Custody) != 4 {
		t.Fatalf("custody = %d events, %v; want 4", len(got.Custody), err)
	}
	if _, closed := got.Closed(); !closed {
		t.Error("the exhibit should show as closed")
	}
	t.Run("a mistaken destruction is put right with a correction", func(t *testing.T) {
		_, y := mustAddExhibit(t, w)
		gone, err := w.AddCustodyEvent(ctx, model.CustodyEvent{ItemID: y.ID, Action: model.CustodyDestroyed})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.AddCustodyEvent(ctx, model.CustodyEvent{ItemID: y.ID, Action: model.CustodySealed,
			Corrects: gone.ID, Note: "destroyed was clicked by mistake: the exhibit was sealed"}); err != nil {
			t.Fatalf("the correction: %v", err)
		}
		x, _ := w.Exhibit(ctx, y.ExhibitRef)
		if _, closed := x.Closed(); closed || x.Holder().Name != "M. Torres" {
			t.Errorf("after the correction: closed %v, holder %+v", closed, x.Holder())
		}
		if _, err := w.AddCustodyEvent(ctx, model.CustodyEvent{ItemID: y.ID, Action: model.CustodyTransferred,
			To: model.Author{Name: "Dr. Peeters", Agency: "NICC"}}); err != nil {
			t.Errorf("the chain should be open again: %v", err)
		}
	})

	t.Run("events keep the order things happened", func(t *testing.T) {
		c := mustCreateCase(t, w, "Order")
		acquired := w.Now().Add(-48 * time.Hour)
		y, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: c.ID, Description: "bag", Kind: model.EvidencePhysical, AcquiredAt: acquired})
		if err != nil {
			t.Fatal(err)
		}
		_, err = w.AddCustodyEvent(ctx, model.CustodyEvent{ItemID: y.ID, Action: model.CustodySealed, At: acquired.Add(-time.Hour)})
		if err == nil || !strings.Contains(err.Error(), "before exhibit "+y.ExhibitRef+" was acquired") {
			t.Errorf("an event before acquisition: %v", err)
		}
		sealed, err := w.AddCustodyEvent(ctx, model.CustodyEvent{ItemID: y.ID, Action: model.CustodySealed, At: acquired.Add(2 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		_, err = w.AddCustodyEvent(ctx, model.CustodyEvent{ItemID: y.ID, Action: model.CustodySeized, At: acquired.Add(time.Hour)})
		if err == nil || !strings.Contains(err.Error(), "before the chain's latest event") {
			t.Errorf("an event before the latest: %v", err)
		}
		if _, err := w.AddCustodyEvent(ctx, model.CustodyEvent{ItemID: y.ID, Action: model.CustodySealed, At: acquired.Add(time.Hour),
			Corrects: sealed.ID, Note: "sealed an hour earlier"}); err != nil {
			t.Errorf("a correction dated earlier: %v", err)
		}
	})

	t.Run("the future is refused", func(t *testing.T) {
		_, y := mustAddExhibit(t, w)
		_, err := w.AddCustodyEvent(ctx, model.CustodyEvent{ItemID: y.ID, Action: model.CustodySealed, At: w.Now().Add(time.Hour)})
		if err == nil || !strings.Contains(err.Error(), "future") {
			t.Errorf("err = %v", err)
		}
	})
}

// A crash between copying a file in and committing its exhibit leaves a
// file no exhibit has. Opening keeps it, however old: only `files prune`
// removes it, with a dry run first that changes nothing, then one audit
// entry per file, and verify still finds all intact.
func TestLeftoverFilesAreKeptUntilPruned(t *testing.T) {
	w := mustOpen(t)
	_, x := mustAddExhibit(t, w, writeFile(t, "kept.jpg", "\xFF\xD8\xFF kept"))
	blobs, err := storage.OpenBlobs(w.BlobDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer blobs.Close()
	old, err := blobs.Put(strings.NewReader("copied in, then the laptop died"))
	if err != nil {
		t.Fatal(err)
	}
	longAgo := time.Now().Add(-2 * time.Hour)
	for _, sha := range []string{old.SHA256, x.Attachments[0].SHA256} {
		if err := os.Chtimes(blobs.Path(sha), longAgo, longAgo); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	again, err := app.Open(ctx, w.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	again.Now = w.Now
	if v, err := again.Verify(ctx, nil); err != nil || !v.OK() {
		t.Errorf("verify: %v %q", err, v.Problems)
	}
	for _, sha := range []string{old.SHA256, x.Attachments[0].SHA256} {
		if has, _ := blobs.Has(sha); !has {
			t.Errorf("file %s… removed by opening", sha[:12])
		}
	}
	head, _ := again.AuditHead(ctx)

	dry, err := again.PruneFiles(ctx, true)
	if err != nil || !dry.DryRun || len(dry.Removed) != 1 || dry.Removed[0].SHA256 != old.SHA256 || dry.Bytes != old.Size {
		t.Fatalf("dry run = %+v, %v; want %s listed", dry, err, old.SHA256)
	}
	if has, _ := blobs.Has(old.SHA256); !has {
		t.Error("the dry run removed the file")
	}
	if h, _ := again.AuditHead(ctx); h.Seq != head.Seq {
		t.Errorf("the dry run wrote audit entries %d to %d", head.Seq+1, h.Seq)
	}

	r, err := again.PruneFiles(ctx, false)
	if err != nil || len(r.Removed) != 1 || r.Removed[0].SHA256 != old.SHA256 || r.Prune == "" {
		t.Fatalf("prune = %+v, %v", r, err)
	}
	if has, _ := blobs.Has(old.SHA256); has {
		t.Error("prune left the file")
	}
	if has, _ := blobs.Has(x.Attachments[0].SHA256); !has {
		t.Error("prune removed an attached file")
	}
	if names, _ := os.ReadDir(filepath.Join(again.BlobDir(), "pruning")); len(names) != 0 {
		t.Errorf("prune left files set aside: %v", names)
	}
	trail, err := again.AuditTrail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	e := trail[0].Entry
	if e.Seq != head.Seq+1 || e.RecordType != model.RecordFile || e.RecordID != old.SHA256 || e.Action != model.AuditRemove ||
		e.By.Name != "M. Torres" || !strings.Contains(e.Before, r.Prune) || !strings.Contains(trail[0].Text, old.SHA256) {
		t.Errorf("the prune's audit entry: %+v %q", e, trail[0].Text)
	}
	if v, err := again.Verify(ctx, nil); err != nil || !v.OK() {
		t.Errorf("verify after the prune: %v %q", err, v.Problems)
	}
	if r, err := again.PruneFiles(ctx, false); err != nil || len(r.Removed) != 0 {
		t.Errorf("a second prune = %+v, %v; want nothing to remove", r, err)
	}
	// The same contents copied in again and left: its own earlier removal
	// does not keep it from being pruned again.
	if _, err := blobs.Put(strings.NewReader("copied in, then the laptop died")); err != nil {
		t.Fatal(err)
	}
	if r, err := again.PruneFiles(ctx, false); err != nil || len(r.Removed) != 1 {
		t.Errorf("prune of the same contents again = %+v, %v", r, err)
	}
}
