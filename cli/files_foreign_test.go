package cli_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The attacker review's reproductions with the real binary. A new
// workspace file without an extension (x) never claims the old release's
// x.files that holds x.db's evidence, so `files prune` cannot delete it;
// and a folder by the name of an unfinished build that is not provably
// Bollard's is left alone by an open.
func TestNoExtensionAndLeftoverFoldersAreNotTaken(t *testing.T) {
	db, ref := demoCase(t)
	dir := filepath.Dir(db)
	photo := filepath.Join(t.TempDir(), "IMG_9.jpg")
	content := "\xFF\xD8\xFF demo.db's only copy"
	os.WriteFile(photo, []byte(content), 0o644)
	must(t, 0, "--db", db, "evidence", "add", ref, "--description", "Photo of the seal", "--file", photo)
	sum := sha256.Sum256([]byte(content))
	sha := hex.EncodeToString(sum[:])

	// As the release before issue 12 left it: demo.files, no marker.
	legacy := filepath.Join(dir, "demo.files")
	if err := os.MkdirAll(filepath.Join(legacy, sha[:2]), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(db+".files", sha[:2], sha), filepath.Join(legacy, sha[:2], sha)); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(db + ".files")

	x := filepath.Join(dir, "demo")
	r := must(t, 1, "--db", x, "init", "--plain", "--officer", "M. Torres", "--agency", "SVA", "--country", "ES", "--prefix", "ESA")
	if !strings.Contains(r.stderr, "older release") || !strings.Contains(r.stderr, "demo.db") {
		t.Errorf("init of demo said:\n%s", r.stderr)
	}
	run(t, "--db", x, "files", "prune")
	if b, err := os.ReadFile(filepath.Join(legacy, sha[:2], sha)); err != nil || string(b) != content {
		t.Fatalf("demo.db's evidence in demo.files: %q, %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(legacy, "workspace-id")); !os.IsNotExist(err) {
		t.Errorf("demo.files was marked: %v", err)
	}
	if r := must(t, 0, "--db", db, "verify"); !strings.Contains(r.stdout, "all intact") {
		t.Errorf("verify of demo.db:\n%s", r.stdout)
	}

	n := newWorkspace(t)
	important := n + ".files.migrating-important"
	os.Mkdir(important, 0o700)
	os.WriteFile(filepath.Join(important, "notes.txt"), []byte("precious"), 0o600)
	os.RemoveAll(n + ".files") // so that the next open builds the folder again
	must(t, 0, "--db", n, "case", "list")
	if b, err := os.ReadFile(filepath.Join(important, "notes.txt")); err != nil || string(b) != "precious" {
		t.Errorf("the notes beside the workspace: %q, %v", b, err)
	}
}
