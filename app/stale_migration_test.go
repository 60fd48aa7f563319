package app_test

import (
	"path/filepath"
	"testing"
	"time"

	"bollard/app"
	"bollard/app/demo"
	"bollard/model"
	"bollard/storage/storagetest"
)

// A workspace written before records had versions (schema 0004: the demo
// as the previous release wrote it, the same writes without the column)
// gets them when opened, verifies clean, and its records edit and verify
// clean afterwards: the version is not part of what the trail compares.
func TestWorkspaceFromBeforeVersionsVerifiesClean(t *testing.T) {
	path := filepath.Join(t.TempDir(), "before.db")
	w, err := app.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Fill(ctx, w, demo.Options{Cases: 8, Seed: 7, WithoutPhotographs: true}); err != nil {
		t.Fatal(err)
	}
	w.Close()

	// Take the workspace back to before 0005_record_versions.
	storagetest.Downgrade(t, path, 4)

	w, err = app.Open(ctx, path)
	if err != nil {
		t.Fatalf("open a workspace from before versions: %v", err)
	}
	t.Cleanup(func() { w.Close() })
	if v := mustVerify(t, w, nil); !v.OK() || v.Records == 0 {
		t.Fatalf("verify after the migration: %d records, problems %q", v.Records, v.Problems)
	}
	cases, err := w.Cases(ctx, model.CaseFilter{})
	if err != nil || len(cases) == 0 {
		t.Fatalf("cases: %v (%d)", err, len(cases))
	}
	c := cases[0]
	if c.Version != 1 {
		t.Fatalf("a case from before versions has version %d, want 1", c.Version)
	}
	w.Now = func() time.Time { return c.UpdatedAt.Add(time.Hour) }
	if _, err := w.SetOfficer(ctx, model.Officer{Name: "M. Torres", Agency: "SVA", Country: "ES", RefPrefix: "esa"}); err != nil {
		t.Fatal(err)
	}
	c.Summary = "Edited after the upgrade."
	if c, err = w.UpdateCase(ctx, c); err != nil || c.Version != 2 {
		t.Fatalf("edit after the upgrade: %v (version %d)", err, c.Version)
	}
	if v := mustVerify(t, w, nil); !v.OK() {
		t.Fatalf("verify after an edit: %q", v.Problems)
	}
}
