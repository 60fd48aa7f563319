package app_test

import (
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"bollard/app"
	"bollard/app/demo"
	"bollard/model"
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
	if _, err := demo.Fill(ctx, w, demo.Options{Cases: 8, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	w.Close()

	// Take the workspace back to before 0005_record_versions: undo the
	// migrations from 0005 on, newest first.
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	var undo []string
	for i := len(undoMigrations) - 1; i >= 0; i-- {
		undo = append(undo, undoMigrations[i]...)
	}
	for _, table := range []string{"cases", "seizures", "entities", "relations", "timeline_events", "tasks", "evidence_items"} {
		undo = append(undo, `ALTER TABLE `+table+` DROP COLUMN version`)
	}
	undo = append(undo, `DELETE FROM schema_migrations WHERE version >= 5`)
	for _, stmt := range undo {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	db.Close()

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

// undoMigrations take back, for each migration after 0005 in order, what
// it changed in the schema, so that a workspace written now can be made
// one of schema 0004 (the demo as the previous release wrote it).
var undoMigrations = [][]string{
	{ // 0006_removals
		`DROP TRIGGER notes_words_kept`, `DROP TRIGGER case_links_no_delete`, `DROP TRIGGER relations_no_delete`,
		`DROP TRIGGER tasks_no_delete`,
		`CREATE TRIGGER notes_no_update BEFORE UPDATE ON notes
BEGIN
    SELECT RAISE(ABORT, 'notes are append-only');
END`,
		`ALTER TABLE relations DROP COLUMN removed`, `ALTER TABLE tasks DROP COLUMN removed`,
		`ALTER TABLE notes DROP COLUMN removed`, `ALTER TABLE notes DROP COLUMN version`,
		`ALTER TABLE case_links DROP COLUMN removed`, `ALTER TABLE case_links DROP COLUMN version`,
	},
}
