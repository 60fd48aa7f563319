package storage

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A crash while a new workspace file is being made (before it is switched
// to WAL) leaves its first page and a hot rollback journal beside it. The
// next open must let SQLite roll the journal back and go on, not report a
// folder that cannot be written, on every open from then on. Found by the
// fault suite in cli/faults_test.go (demo killed in its first kilobytes).
func TestOpenAfterACrashWhileMakingTheFile(t *testing.T) {
	for _, c := range []struct {
		name   string
		tables string // what the file holds before the interrupted write
		want   string // "" for a workspace made, else the refusal
	}{
		{"a file being made", "", ""},
		{"another program's database", "CREATE TABLE bookmarks (url TEXT);", "not a Bollard workspace"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := crashedMidWrite(t, c.tables)
			s, err := Open(context.Background(), path)
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("open after the crash: %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Fatalf("open after the crash: %v, want an error saying %q", err, c.want)
			}
			if s != nil {
				s.Close()
			}
			if _, err := os.Stat(path + "-journal"); err == nil {
				t.Error("the hot journal is still there")
			}
		})
	}
}

// crashedMidWrite makes, in a new folder, the two files a process killed
// mid-write leaves in rollback-journal mode: the database partly written
// and the hot journal that undoes it, with no process holding a lock.
func crashedMidWrite(t *testing.T, tables string) string {
	t.Helper()
	live := filepath.Join(t.TempDir(), "ws.db")
	db, err := sql.Open("sqlite3", "file:"+live+"?_journal_mode=DELETE")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(tables + `PRAGMA user_version = 1`); err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	// A write larger than the page cache spills to the database file before
	// commit, which makes the journal hot: it alone can undo the spill.
	if _, err := tx.Exec(`PRAGMA cache_size = 10; CREATE TABLE filler (b BLOB)`); err != nil {
		t.Fatal(err)
	}
	for range 100 {
		if _, err := tx.Exec(`INSERT INTO filler VALUES (zeroblob(2000))`); err != nil {
			t.Fatal(err)
		}
	}
	crashed := filepath.Join(t.TempDir(), "ws.db")
	for _, suffix := range []string{"", "-journal"} {
		b, err := os.ReadFile(live + suffix)
		if err != nil {
			t.Fatalf("the write left no %s: %v", filepath.Base(live+suffix), err)
		}
		if err := os.WriteFile(crashed+suffix, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return crashed
}

// A read-only open (verify) cannot undo a crashed write: it refuses the file
// and says how to go on, and leaves both files as they were.
func TestReadOnlyOpenRefusesAHotJournal(t *testing.T) {
	path := crashedMidWrite(t, "")
	before, _ := os.ReadFile(path + "-journal")
	s, err := OpenReadOnly(context.Background(), path)
	if err == nil {
		s.Close()
		t.Fatal("a read-only open read past a hot journal")
	}
	if !strings.Contains(err.Error(), "a crash left a write") || !strings.Contains(err.Error(), "ws.db-journal") {
		t.Fatalf("refusal: %v", err)
	}
	if after, _ := os.ReadFile(path + "-journal"); string(after) != string(before) || len(after) == 0 {
		t.Fatal("the read-only open changed the journal")
	}
}
