package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An officer reviews an exhibit's files by name or by SHA-256 prefix,
// evidence show says each file's review, a name or prefix fitting several
// files is refused with the candidates, and the workspace verifies clean.
func TestEvidenceReview(t *testing.T) {
	db, ref := demoCase(t)
	dir := t.TempDir()
	var args []string
	for _, f := range []struct{ name, body string }{
		{"IMG_2041.jpg", "\xFF\xD8\xFF\xE0 the container door"},
		{"passport_Munoz-Rojas.jpg", "\xFF\xD8\xFF\xE0 a passport's data page"},
		{"IMG_2042.jpg", "\xFF\xD8\xFF\xE0 the seal"},
		{"other/IMG_2041.jpg", "\xFF\xD8\xFF\xE0 another camera's IMG_2041"},
	} {
		p := filepath.Join(dir, f.name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(f.body), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, "--file", p)
	}
	exhibit := strings.TrimSpace(must(t, 0, append([]string{"--db", db, "evidence", "add", ref, "--description", "Photographs at the quay", "--kind", "photo"}, args...)...).stdout)

	show := must(t, 0, "--db", db, "evidence", "show", exhibit).stdout
	if n := strings.Count(show, "not reviewed"); n != 4 {
		t.Fatalf("evidence show says %d files are not reviewed, want 4:\n%s", n, show)
	}

	out := must(t, 0, "--db", db, "evidence", "review", exhibit, "passport_Munoz-Rojas.jpg", "--shows", "identity_document").stdout
	if !strings.Contains(out, "shows identity document: withheld from non-nominal dossiers") {
		t.Errorf("evidence review said:\n%s", out)
	}
	sha := shaOf(t, db, exhibit, "IMG_2041.jpg")
	must(t, 0, "--db", db, "evidence", "review", exhibit, sha[:10], "--shows", "nothing_personal")
	// The same file again: the review changes, it is not made twice.
	out = must(t, 0, "--db", db, "evidence", "review", exhibit, "passport_Munoz-Rojas.jpg", "--shows", "identity document", "--shareable").stdout
	if !strings.Contains(out, "shows identity document, shareable in non-nominal dossiers") {
		t.Errorf("evidence review --shareable said:\n%s", out)
	}

	show = must(t, 0, "--db", db, "evidence", "show", exhibit).stdout
	for _, want := range []string{"shows nothing personal (reviewed", "shows identity document, shareable", "not reviewed: withheld"} {
		if !strings.Contains(show, want) {
			t.Errorf("evidence show does not say %q:\n%s", want, show)
		}
	}

	if r := must(t, 2, "--db", db, "evidence", "review", exhibit, "IMG_2042.jpg"); !strings.Contains(r.stderr, "--shows") {
		t.Errorf("no --shows: %s", r.stderr)
	}
	if r := must(t, 2, "--db", db, "evidence", "review", exhibit, "IMG_2042.jpg", "--shows", "faces"); !strings.Contains(r.stderr, "nothing_personal, persons, identity_document") {
		t.Errorf("--shows faces: %s", r.stderr)
	}
	if r := must(t, 1, "--db", db, "evidence", "review", exhibit, "IMG_9999.jpg", "--shows", "persons"); !strings.Contains(r.stderr, "has no file \"IMG_9999.jpg\"") ||
		!strings.Contains(r.stderr, "IMG_2042.jpg") {
		t.Errorf("an unknown file: %s", r.stderr)
	}
	// Two files of one name: the name fits both, and the error lists them.
	r := must(t, 1, "--db", db, "evidence", "review", exhibit, "IMG_2041.jpg", "--shows", "persons")
	if !strings.Contains(r.stderr, `"IMG_2041.jpg" fits 2 files`) || !strings.Contains(r.stderr, sha+" IMG_2041.jpg") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("an ambiguous name: %s", r.stderr)
	}
	if r := must(t, 0, "--db", db, "verify"); !strings.Contains(r.stdout, "all intact") {
		t.Errorf("verify after reviews:\n%s", r.stdout)
	}
	history := must(t, 0, "--db", db, "audit", "--case", ref).stdout
	if !strings.Contains(history, "review of attachment") {
		t.Errorf("the case's history does not name the reviews:\n%s", history)
	}
}

// shaOf is the SHA-256 of the exhibit's file with that name, as evidence
// show prints it.
func shaOf(t *testing.T, db, exhibit, name string) string {
	t.Helper()
	for _, line := range strings.Split(must(t, 0, "--db", db, "evidence", "show", exhibit).stdout, "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[1] == name {
			return f[0]
		}
	}
	t.Fatalf("evidence show lists no %s", name)
	return ""
}
