package cli_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every command that writes a file refuses to write it over the workspace
// or into its folder of attached files: a checkpoint, a package or a key
// renamed over the database or an exhibit's file would destroy the case or
// the evidence. Each refusal is a usage error and changes no byte.
func TestOutputNeverLandsOnTheWorkspacesOwnFiles(t *testing.T) {
	db, ref := demoCase(t)
	photo := filepath.Join(t.TempDir(), "photo.jpg")
	if err := os.WriteFile(photo, []byte("\xFF\xD8\xFF a photo of the seal"), 0o644); err != nil {
		t.Fatal(err)
	}
	must(t, 0, "--db", db, "evidence", "add", ref, "--description", "seal", "--file", photo)
	sum := sha256.Sum256([]byte("\xFF\xD8\xFF a photo of the seal"))
	hash := hex.EncodeToString(sum[:])
	blob := filepath.Join(db+".files", hash[:2], hash)
	if _, err := os.Stat(blob); err != nil {
		t.Fatalf("the attached file is not where the test looks: %v", err)
	}
	// Another spelling of the workspace's path names the same file.
	other := filepath.Join(filepath.Dir(db), ".", filepath.Base(db))
	targets := []string{db, other, db + "-wal", db + "-writer", blob, filepath.Join(db+".files", "workspace-id"), filepath.Join(db+".files", "new.json")}
	before := readAll(t, db, blob)
	for _, target := range targets {
		for _, args := range [][]string{
			{"checkpoint", "-o", target},
			{"export", ref, "-o", target},
			{"export", ref, "--format", "ftm", "-o", target},
			{"keys", "export", "-o", target},
			{"dossier", ref, "-o", target, "--force"},
		} {
			r := must(t, 2, append([]string{"--db", db}, args...)...)
			if !strings.Contains(r.stderr, "workspace's") && !strings.Contains(r.stderr, "own files") {
				t.Errorf("%s: %q", strings.Join(args, " "), r.stderr)
			}
		}
	}
	if after := readAll(t, db, blob); after != before {
		t.Fatal("a refused output changed the workspace or its files")
	}
	if _, err := os.Stat(filepath.Join(db+".files", "new.json")); err == nil {
		t.Fatal("a file was written into the folder of attached files")
	}
	must(t, 0, "--db", db, "verify")
}

func readAll(t *testing.T, paths ...string) string {
	t.Helper()
	var all strings.Builder
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	return all.String()
}
