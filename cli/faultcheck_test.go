package cli_test

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"bollard/storage"
)

// What the fault suite (faults_test.go) checks after each kill.

// faultProblems checks a workspace after a kill and returns what is wrong.
//
// SQLite's own checks run on a copy of the file and its journal or WAL, in
// which SQLite recovers what the kill left (rolls a hot journal back,
// replays the WAL) as it does for the next program that opens the file,
// while the files themselves stay as the kill left them for the binary.
//
// A kill before the workspace's first commit (no file yet, or no
// workspace identity in it) leaves nothing saved to lose: verify may then
// refuse the file, unless made is required, as it is once the command has
// been run again to the end.
func faultProblems(t *testing.T, db string, mustBeMade bool) []string {
	t.Helper()
	if _, err := os.Stat(db); errors.Is(err, fs.ErrNotExist) {
		if mustBeMade {
			return []string{"no workspace file"}
		}
		return nil
	}
	scratch, err := os.MkdirTemp(t.TempDir(), "check")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(scratch)
	copied := filepath.Join(scratch, filepath.Base(db))
	for _, suffix := range []string{"", "-wal", "-journal"} {
		if b, err := os.ReadFile(db + suffix); err == nil {
			os.WriteFile(copied+suffix, b, 0o600)
		}
	}
	conn, err := sql.Open("sqlite3", copied)
	if err != nil {
		return []string{"open: " + err.Error()}
	}
	defer conn.Close()
	var problems []string
	var check string
	if err := conn.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		problems = append(problems, fmt.Sprintf("PRAGMA integrity_check: %q %v", check, err))
	}
	if rows, err := conn.Query(`PRAGMA foreign_key_check`); err != nil {
		problems = append(problems, "PRAGMA foreign_key_check: "+err.Error())
	} else {
		for rows.Next() {
			var table, parent string
			var rowid, fk sql.NullInt64
			rows.Scan(&table, &rowid, &parent, &fk)
			problems = append(problems, fmt.Sprintf("a row of %s (rowid %d) names a missing %s", table, rowid.Int64, parent))
		}
		rows.Close()
	}
	made := false
	var tables int
	conn.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'workspace'`).Scan(&tables)
	if tables > 0 {
		conn.QueryRow(`SELECT COUNT(*) > 0 FROM workspace`).Scan(&made)
	}
	problems = append(problems, blobProblems(conn, db)...)
	conn.Close()

	r := run(t, "--db", db, "verify")
	intact := r.code == 0 && strings.Contains(r.stdout, "all intact")
	switch {
	case !made && mustBeMade:
		problems = append(problems, fmt.Sprintf("the workspace was never made (no identity in it); bollard verify: exit %d %s", r.code, r.stderr))
	case !made && !intact:
		t.Logf("killed before the workspace was made; bollard verify: exit %d %s", r.code, strings.TrimSpace(r.stdout+r.stderr))
	case !intact:
		problems = append(problems, fmt.Sprintf("bollard verify: exit %d\n%s%s", r.code, r.stdout, r.stderr))
	}
	return problems
}

// blobProblems checks that every file an attachment row names is in the
// workspace's attachment folder, a regular file, and still hashes to its
// SHA-256.
func blobProblems(conn *sql.DB, db string) []string {
	rows, err := conn.Query(`SELECT DISTINCT sha256 FROM attachments`)
	if errors.Is(err, sql.ErrNoRows) || err != nil && strings.Contains(err.Error(), "no such table") {
		return nil // killed before the schema was made
	}
	if err != nil {
		return []string{"list attachments: " + err.Error()}
	}
	var hashes []string
	for rows.Next() {
		var sha string
		rows.Scan(&sha)
		hashes = append(hashes, sha)
	}
	rows.Close()
	if len(hashes) == 0 {
		return nil
	}
	dir := storage.BlobDir(db)
	if _, err := os.Stat(dir); err != nil {
		return []string{fmt.Sprintf("%d attachment rows, and the attachment folder: %v", len(hashes), err)}
	}
	blobs, err := storage.OpenBlobs(dir, nil)
	if err != nil {
		return []string{err.Error()}
	}
	var problems []string
	for _, sha := range hashes {
		if st, err := os.Lstat(blobs.Path(sha)); err == nil && !st.Mode().IsRegular() {
			problems = append(problems, fmt.Sprintf("attachment %s: not a regular file (%v)", sha, st.Mode()))
		}
		if err := blobs.Check(sha); err != nil {
			problems = append(problems, fmt.Sprintf("attachment %s: %v", sha, err))
		}
	}
	return problems
}

// leftovers describes what runs left in the workspace's folder besides
// the workspace, its attached files, what the template already held and
// empty files (locks): the copies a kill strands between storing a file and
// committing its record (for `files prune`), and temporary files. They are
// not faults; the log shows them.
func leftovers(dir, db, template string) string {
	conn, err := sql.Open("sqlite3", "file:"+db+"?mode=ro")
	attached := map[string]bool{}
	if err == nil {
		if rows, err := conn.Query(`SELECT sha256 FROM attachments`); err == nil {
			for rows.Next() {
				var sha string
				rows.Scan(&sha)
				attached[sha] = true
			}
			rows.Close()
		}
		conn.Close()
	}
	blobDir := storage.BlobDir(db)
	var unattached, other []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		if info, err := d.Info(); err != nil || info.Size() == 0 {
			return nil
		}
		if _, err := os.Lstat(filepath.Join(template, rel)); err == nil {
			return nil
		}
		switch {
		case strings.HasPrefix(path, blobDir+string(filepath.Separator)):
			// A few bytes not named by a hash is the folder's marker.
			if info, err := d.Info(); err == nil && info.Size() <= 64 && !sha256Name.MatchString(d.Name()) {
				return nil
			}
			if !attached[d.Name()] {
				unattached = append(unattached, rel)
			}
		case strings.HasPrefix(path, db):
			// the workspace file, its WAL and shared memory
		default:
			other = append(other, rel)
		}
		return nil
	})
	var s string
	if len(unattached) > 0 {
		s += fmt.Sprintf("; %d file(s) in the attachment folder no exhibit has (%s)", len(unattached), strings.Join(unattached[:min(3, len(unattached))], ", "))
	}
	if len(other) > 0 {
		s += fmt.Sprintf("; left beside the workspace: %s", strings.Join(other, ", "))
	}
	return s
}

// sha256Name is how the blob store names a file: its SHA-256 in hex.
var sha256Name = regexp.MustCompile(`^[0-9a-f]{64}$`)
