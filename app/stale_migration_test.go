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

	// Take the workspace back to before 0005_record_versions.
	downgrade(t, path, 4)

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

// downgrade takes a workspace written now back to the schema it had at
// that migration, as an earlier release wrote it: each later migration's
// changes undone, newest first (undoMigrations).
func downgrade(t *testing.T, path string, to int) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for v := len(undoMigrations) + 4; v > to; v-- {
		for _, stmt := range undoMigrations[v-5] {
			if _, err := db.Exec(stmt); err != nil {
				t.Fatalf("undo migration %04d: %s: %v", v, stmt, err)
			}
		}
	}
	if _, err := db.Exec(`DELETE FROM schema_migrations WHERE version > ?`, to); err != nil {
		t.Fatal(err)
	}
}

// undoMigrations take back, for each migration from 0005 in order, what
// it changed in the schema.
var undoMigrations = [][]string{
	{ // 0005_record_versions
		`ALTER TABLE cases DROP COLUMN version`, `ALTER TABLE seizures DROP COLUMN version`,
		`ALTER TABLE entities DROP COLUMN version`, `ALTER TABLE relations DROP COLUMN version`,
		`ALTER TABLE timeline_events DROP COLUMN version`, `ALTER TABLE tasks DROP COLUMN version`,
		`ALTER TABLE evidence_items DROP COLUMN version`,
	},
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
	{ // 0007_provenance
		`ALTER TABLE audit_log DROP COLUMN received_name`, `ALTER TABLE audit_log DROP COLUMN received_agency`,
		`ALTER TABLE audit_log DROP COLUMN received_package`, `ALTER TABLE audit_log DROP COLUMN received_key`,
	},
	{ // 0008_tobacco_units
		`ALTER TABLE seizures DROP COLUMN sticks_per_pack`, `ALTER TABLE seizures DROP COLUMN packs_per_carton`,
		`ALTER TABLE seizures DROP COLUMN cartons_per_master_case`,
	},
	{}, // 0009_calendar_dates
}
