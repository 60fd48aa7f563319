package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"bollard/app"
	"bollard/model"
	"bollard/storage/disk/disktest"
)

// A workspace in a folder whose path passes Windows' 260 characters (a
// case folder deep in a shared drive) opens, takes evidence from the same
// folder and opens again.
func TestLongPathWindows(t *testing.T) {
	dir := disktest.TempFolder(t)
	for utf16Len(dir) < 290 {
		dir = filepath.Join(dir, "Operación Bananero 2026 — expediente")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "caso.db")
	t.Logf("a workspace path of %d characters", utf16Len(path))
	w, err := app.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.SetOfficer(ctx, model.Officer{Name: "M. Torres", Agency: "SVA", Country: "ES", RefPrefix: "ESA"}); err != nil {
		w.Close()
		t.Fatal(err)
	}
	c := mustCreateCase(t, w, "Bananas from Guayaquil")
	photo := filepath.Join(dir, "IMG_2041.jpg")
	os.WriteFile(photo, []byte("\xFF\xD8\xFF\xE0 the brick"), 0o600)
	x, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: c.ID, Description: "cocaine brick", Kind: model.EvidencePhysical}, photo)
	w.Close()
	if err != nil {
		t.Fatal(err)
	}
	w, err = app.Open(ctx, path)
	if err != nil {
		t.Fatalf("open again: %v", err)
	}
	defer w.Close()
	got, err := w.Exhibit(ctx, x.ExhibitRef)
	if err != nil || len(got.Item.Attachments) != 1 {
		t.Fatalf("the exhibit read back: %+v, %v", got, err)
	}
	sha := got.Item.Attachments[0].SHA256
	if p := w.AttachmentPath(sha); !strings.HasPrefix(p, dir) {
		t.Errorf("the file is stored at %s, not beside the workspace", p)
	}
	r, err := w.OpenAttachment(sha)
	if err != nil {
		t.Fatalf("open the stored file: %v", err)
	}
	r.Close()
}

// utf16Len is a path's length as Windows counts it.
func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }
