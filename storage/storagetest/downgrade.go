// Package storagetest helps tests of workspaces written by earlier
// releases: it takes a workspace written now back to an earlier schema.
package storagetest

import (
	"database/sql"
	"testing"

	_ "github.com/mattn/go-sqlite3" // the driver the workspace is opened with
)

// Downgrade takes a workspace written now back to the schema it had at
// that migration, as an earlier release wrote it: each later migration's
// changes undone, newest first (undoMigrations).
func Downgrade(t testing.TB, path string, to int) {
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
		`ALTER TABLE conflicts DROP COLUMN from_package`,
	},
	{ // 0008_tobacco_units
		`ALTER TABLE seizures DROP COLUMN sticks_per_pack`, `ALTER TABLE seizures DROP COLUMN packs_per_carton`,
		`ALTER TABLE seizures DROP COLUMN cartons_per_master_case`,
	},
	{ // 0009_attachment_reviews
		`DROP TRIGGER attachment_reviews_file_kept`, `DROP TRIGGER attachment_reviews_no_delete`,
		`DROP TABLE attachment_reviews`,
	},
	{ // 0010_partner_age_recipient
		`ALTER TABLE partners DROP COLUMN age_recipient`,
	},
}
