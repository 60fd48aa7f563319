package cli_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// `files prune` is the one way a stored file goes: --dry-run lists what
// would go and changes nothing; the real run removes only files no exhibit
// has, writes an audit entry for each, and verify stays intact.
func TestFilesPrune(t *testing.T) {
	db, ref := demoCase(t)
	photo := filepath.Join(t.TempDir(), "IMG_7.jpg")
	os.WriteFile(photo, []byte("\xFF\xD8\xFF attached photo"), 0o644)
	must(t, 0, "--db", db, "evidence", "add", ref, "--description", "Photo of the hold", "--file", photo)

	// A copy a crash left behind: in the store, on no exhibit.
	stray := []byte("copied in, then the laptop died")
	sum := sha256.Sum256(stray)
	sha := hex.EncodeToString(sum[:])
	blob := filepath.Join(db+".files", sha[:2], sha)
	os.MkdirAll(filepath.Dir(blob), 0o700)
	if err := os.WriteFile(blob, stray, 0o400); err != nil {
		t.Fatal(err)
	}
	must(t, 0, "--db", db, "case", "list")
	must(t, 0, "--db", db, "verify")
	if _, err := os.Stat(blob); err != nil {
		t.Fatalf("opening, listing or verifying removed the file: %v", err)
	}

	must(t, 2, "--db", db, "files")
	must(t, 2, "--db", db, "files", "prune", "extra")
	must(t, 2, "--db", db, "files", "prune", "--force")

	r := must(t, 0, "--db", db, "files", "prune", "--dry-run")
	if !strings.Contains(r.stdout, "would remove 1 file (31 B)") || !strings.Contains(r.stdout, sha) || !strings.Contains(r.stdout, "nothing was changed") {
		t.Errorf("dry run said:\n%s", r.stdout)
	}
	if _, err := os.Stat(blob); err != nil {
		t.Fatalf("the dry run removed the file: %v", err)
	}
	var report struct {
		DryRun  bool `json:"dry_run"`
		Prune   string
		Removed []struct {
			SHA256 string
			Size   int64
		}
	}
	r = must(t, 0, "--db", db, "files", "prune", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &report); err != nil || report.DryRun || len(report.Removed) != 1 ||
		report.Removed[0].SHA256 != sha || report.Removed[0].Size != int64(len(stray)) || report.Prune == "" {
		t.Fatalf("files prune --json: %v\n%s", err, r.stdout)
	}
	if _, err := os.Stat(blob); !os.IsNotExist(err) {
		t.Errorf("the file is still there: %v", err)
	}
	audit := must(t, 0, "--db", db, "audit").stdout
	if !strings.Contains(audit, "removed the attachment file "+sha) {
		t.Errorf("the audit trail does not tell of the removal:\n%.600s", audit)
	}
	if r := must(t, 0, "--db", db, "verify"); !strings.Contains(r.stdout, "1 attachment files") || !strings.Contains(r.stdout, "all intact") {
		t.Errorf("verify after the prune:\n%s", r.stdout)
	}
	if r := must(t, 0, "--db", db, "files", "prune"); !strings.Contains(r.stdout, "removed 0 files") {
		t.Errorf("a second prune:\n%s", r.stdout)
	}
}

// The reproduction with the real binary: a backup copy of the
// workspace, opened with `case list` and verified, deletes none of the
// newer workspace's photos, however old they are.
func TestBackupCopyDeletesNothing(t *testing.T) {
	db := newWorkspace(t)
	backup := strings.TrimSuffix(db, ".db") + ".old"
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(backup, b, 0o600)
	must(t, 0, "--db", db, "demo", "--cases", "1")
	ref := listCases(t, db)[0].Ref
	photo := filepath.Join(t.TempDir(), "IMG_8.jpg")
	os.WriteFile(photo, []byte("\xFF\xD8\xFF the newer workspace's photo"), 0o644)
	must(t, 0, "--db", db, "evidence", "add", ref, "--description", "Photo of the seal", "--file", photo)
	sum := sha256.Sum256([]byte("\xFF\xD8\xFF the newer workspace's photo"))
	sha := hex.EncodeToString(sum[:])
	blob := filepath.Join(db+".files", sha[:2], sha)
	old := time.Now().Add(-48 * time.Hour)
	os.Chtimes(blob, old, old)

	must(t, 0, "--db", backup, "case", "list")
	must(t, 0, "--db", backup, "verify")
	must(t, 0, "--db", backup, "files", "prune")
	if _, err := os.Stat(blob); err != nil {
		t.Fatalf("the newer workspace's photo is gone: %v", err)
	}
	if r := must(t, 0, "--db", db, "verify"); !strings.Contains(r.stdout, "1 attachment files") {
		t.Errorf("verify:\n%s", r.stdout)
	}
}
