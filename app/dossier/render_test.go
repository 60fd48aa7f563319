package dossier_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bollard/app"
	"bollard/app/dossier"
	"bollard/model"
)

// RenderToFile is the dossier the command line and the window both make:
// it refuses what CheckTarget refuses, names an unknown case, and writes the
// case's dossier whole, in the officer's language unless told another.
func TestRenderToFile(t *testing.T) {
	w := mustOpen(t)
	f := mustCaseFile(t, w, 2)
	dir := t.TempDir()
	opt := dossier.Options{Date: testDate, Sections: []dossier.Section{dossier.SectionNotes}}

	t.Run("an existing file needs replace", func(t *testing.T) {
		path := filepath.Join(dir, "old.pdf")
		if err := os.WriteFile(path, []byte("last week's"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := dossier.RenderToFile(ctx, w, f.Case.Ref, path, false, opt); !errors.Is(err, dossier.ErrExists) {
			t.Fatalf("without replace: %v", err)
		}
		if b, _ := os.ReadFile(path); string(b) != "last week's" {
			t.Fatal("the file was changed")
		}
		done, err := dossier.RenderToFile(ctx, w, f.Case.Ref, path, true, opt)
		if err != nil || done.Pages < 1 || done.Case.Ref != f.Case.Ref {
			t.Fatalf("with replace: %+v, %v", done, err)
		}
		if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "%PDF-") {
			t.Fatal("the file is not the dossier")
		}
	})
	t.Run("never the workspace", func(t *testing.T) {
		if _, err := dossier.RenderToFile(ctx, w, f.Case.Ref, w.Path()+"-wal", true, opt); !errors.Is(err, dossier.ErrWorkspace) {
			t.Fatalf("over the workspace's -wal: %v", err)
		}
	})
	t.Run("never a folder", func(t *testing.T) {
		if _, err := dossier.RenderToFile(ctx, w, f.Case.Ref, dir, true, opt); !errors.Is(err, dossier.ErrFolder) {
			t.Fatalf("over a folder: %v", err)
		}
	})
	t.Run("an unknown case writes nothing", func(t *testing.T) {
		path := filepath.Join(dir, "none.pdf")
		if _, err := dossier.RenderToFile(ctx, w, "NOPE-2026-0001", path, false, opt); !app.IsNotFound(err) {
			t.Fatalf("unknown case: %v", err)
		}
		if _, err := os.Stat(path); err == nil {
			t.Fatal("a file was left")
		}
	})
	t.Run("the officer's language by default", func(t *testing.T) {
		o := testOfficer
		o.Language = model.Spanish
		if _, err := w.SetOfficer(ctx, o); err != nil {
			t.Fatal(err)
		}
		own, other := filepath.Join(dir, "es.pdf"), filepath.Join(dir, "en.pdf")
		if _, err := dossier.RenderToFile(ctx, w, f.Case.Ref, own, false, opt); err != nil {
			t.Fatal(err)
		}
		en := opt
		en.Language = model.English
		if _, err := dossier.RenderToFile(ctx, w, f.Case.Ref, other, false, en); err != nil {
			t.Fatal(err)
		}
		if text := strings.Join(pages(t, own), ""); !strings.Contains(text, "Expediente del caso") {
			t.Errorf("not in the officer's Spanish:\n%.300s", text)
		}
		if text := strings.Join(pages(t, other), ""); strings.Contains(text, "Expediente del caso") {
			t.Errorf("in Spanish when told English:\n%.300s", text)
		}
	})
}
