package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDossier(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (make deps-test installs it)")
	}
	db := filepath.Join(t.TempDir(), "demo.db")
	must(t, 0, "--db", db, "demo", "--cases", "3", "--seed", "5")
	ref := listCases(t, db)[0].Ref
	dir := t.TempDir()
	text := func(path string) string {
		out, err := exec.Command("pdftotext", path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", path, err)
		}
		return string(out)
	}

	t.Run("in Spanish, with another marking", func(t *testing.T) {
		out := filepath.Join(dir, "es.pdf")
		r := must(t, 0, "--db", db, "dossier", ref, "-o", out, "--lang", "es", "--marking", "OFFICIAL-SENSITIVE")
		if !strings.Contains(r.stdout, out) || !strings.Contains(r.stdout, "pages") {
			t.Fatalf("stdout: %s", r.stdout)
		}
		s := text(out)
		if !strings.Contains(s, "Expediente del caso") || !strings.Contains(s, "OFFICIAL-SENSITIVE") || !strings.Contains(s, ref) {
			t.Fatalf("the dossier does not read as asked:\n%s", s[:min(len(s), 800)])
		}
	})
	t.Run("the same date gives the same bytes", func(t *testing.T) {
		// The demo's records are made now, and a dossier is dated no
		// earlier than its case's latest change.
		today := time.Now().UTC().Format(time.DateOnly)
		a, b := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.pdf")
		must(t, 0, "--db", db, "dossier", ref, "-o", a, "--date", today, "--redact", "--sections", "seizures,entities")
		must(t, 0, "--db", db, "dossier", ref, "--date", today, "--redact", "--sections", "seizures,entities", "-o", b)
		ab, _ := os.ReadFile(a)
		bb, _ := os.ReadFile(b)
		if len(ab) == 0 || !bytes.Equal(ab, bb) {
			t.Fatal("two dossiers of the same case and date differ")
		}
		if s := text(a); strings.Contains(s, "Timeline") || !strings.Contains(s, "Non-nominal") {
			t.Fatalf("sections or redaction not applied:\n%s", s[:min(len(s), 800)])
		}
	})
	for _, args := range [][]string{
		{"dossier"},
		{"dossier", ref},
		{"dossier", ref, "-o", filepath.Join(dir, "x.pdf"), "--lang", "de"},
		{"dossier", ref, "-o", filepath.Join(dir, "x.pdf"), "--sections", "gossip"},
		{"dossier", ref, "-o", filepath.Join(dir, "x.pdf"), "--date", "yesterday"},
	} {
		t.Run(strings.Join(args[min(2, len(args)):], " ")+" is a usage error", func(t *testing.T) {
			must(t, 2, append([]string{"--db", db}, args...)...)
		})
	}
	t.Run("a date before the case's latest change or after today is a usage error", func(t *testing.T) {
		for _, tc := range []struct{ date, says string }{
			{"2020-01-01", "the dossier date 2020-01-01 is before the case's latest change ("},
			{time.Now().AddDate(0, 0, 2).Format(time.DateOnly), "is after today ("},
		} {
			out := filepath.Join(dir, "dated.pdf")
			r := must(t, 2, "--db", db, "dossier", ref, "-o", out, "--date", tc.date)
			if !strings.Contains(r.stderr, "--date: ") || !strings.Contains(r.stderr, tc.says) {
				t.Errorf("--date %s: stderr %q, want %q", tc.date, r.stderr, tc.says)
			}
			if _, err := os.Stat(out); err == nil {
				t.Fatal("a refused dossier left a file")
			}
		}
	})
	t.Run("an unknown case fails and writes nothing", func(t *testing.T) {
		out := filepath.Join(dir, "none.pdf")
		r := must(t, 1, "--db", db, "dossier", "NOPE-2026-0001", "-o", out)
		if !strings.Contains(r.stderr, "no case NOPE-2026-0001") {
			t.Fatalf("stderr: %s", r.stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatal("a failed dossier left a file")
		}
	})
	t.Run("an unwritable folder fails on one line", func(t *testing.T) {
		must(t, 1, "--db", db, "dossier", ref, "-o", filepath.Join(dir, "no", "such", "folder", "d.pdf"))
	})
	t.Run("a redacted title", func(t *testing.T) {
		out := filepath.Join(dir, "titled.pdf")
		must(t, 0, "--db", db, "dossier", ref, "-o", out, "--redact", "--redacted-title", "Cocaine through the port", "--sections", "notes")
		if s := text(out); !strings.Contains(s, "Cocaine through the port") || !strings.Contains(s, "What was withheld") {
			t.Fatalf("the redacted title is not printed:\n%s", s[:min(len(s), 800)])
		}
		r := must(t, 2, "--db", db, "dossier", ref, "-o", out, "--redacted-title", "Cocaine through the port", "--force")
		if !strings.Contains(r.stderr, "--redact") {
			t.Fatalf("stderr: %s", r.stderr)
		}
	})
	t.Run("a redacted title that names a person is a usage error", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "persons.db")
		must(t, 0, "--db", db, "demo", "--cases", "12", "--seed", "7")
		ref, name := personOf(t, db)
		out := filepath.Join(dir, "named.pdf")
		r := must(t, 2, "--db", db, "dossier", ref, "-o", out, "--redact", "--redacted-title", "The "+strings.ToUpper(name)+" network")
		if !strings.Contains(r.stderr, "--redacted-title") || !strings.Contains(r.stderr, "a person's name") {
			t.Fatalf("stderr: %s", r.stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatal("a refused dossier left a file")
		}
	})
	t.Run("a long marking is a usage error", func(t *testing.T) {
		out := filepath.Join(dir, "long.pdf")
		r := must(t, 2, "--db", db, "dossier", ref, "-o", out, "--marking", strings.Repeat("X", 61))
		if !strings.Contains(r.stderr, "--marking") || !strings.Contains(r.stderr, "60") {
			t.Fatalf("stderr: %s", r.stderr)
		}
		must(t, 0, "--db", db, "dossier", ref, "-o", out, "--marking", strings.Repeat("X", 60), "--sections", "notes")
	})
}

// TestDossierNeverOverwritesBlindly: -o never replaces a file unasked, and
// never the workspace, whatever it is called.
func TestDossierNeverOverwritesBlindly(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "victim.db")
	must(t, 0, "--db", db, "demo", "--cases", "1", "--seed", "5")
	ref := listCases(t, db)[0].Ref

	t.Run("an existing file needs --force", func(t *testing.T) {
		out := filepath.Join(dir, "old.pdf")
		if err := os.WriteFile(out, []byte("%PDF-1.4 the copy sent last week"), 0o644); err != nil {
			t.Fatal(err)
		}
		r := must(t, 2, "--db", db, "dossier", ref, "-o", out, "--sections", "notes")
		if want := "bollard: " + out + " exists: use --force to replace it"; !strings.HasPrefix(r.stderr, want) {
			t.Fatalf("stderr %q, want %q", r.stderr, want)
		}
		if b, _ := os.ReadFile(out); string(b) != "%PDF-1.4 the copy sent last week" {
			t.Fatal("the existing file was changed")
		}
		must(t, 0, "--db", db, "dossier", ref, "-o", out, "--sections", "notes", "--force")
		if b, _ := os.ReadFile(out); len(b) < 1000 || !strings.HasPrefix(string(b), "%PDF-") {
			t.Fatal("--force did not replace the file with the dossier")
		}
	})

	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.db")
	if err := os.Link(db, hard); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	for _, tc := range []struct{ db, out string }{
		{db, db}, {db, db + "-wal"}, {db, db + "-shm"}, {db, link}, {db, hard}, {db, filepath.Join(dir, "sub", "..", "victim.db")},
		{db, filepath.Join(dir, ".", "victim.db-wal")}, {link, db + "-wal"}, {link, link + "-shm"},
	} {
		out := tc.out
		t.Run("--db "+filepath.Base(tc.db)+" -o "+strings.TrimPrefix(out, dir), func(t *testing.T) {
			for _, force := range [][]string{nil, {"--force"}} {
				args := append([]string{"--db", tc.db, "dossier", ref, "-o", out, "--sections", "notes"}, force...)
				r := must(t, 2, args...)
				if !strings.Contains(r.stderr, "is the workspace") {
					t.Fatalf("stderr: %s", r.stderr)
				}
			}
			if got := listCases(t, db); len(got) != 1 || got[0].Ref != ref {
				t.Fatalf("the workspace after -o %s: %v", out, got)
			}
		})
	}

	t.Run("errors name the file typed", func(t *testing.T) {
		r := must(t, 1, "--db", db, "dossier", ref, "-o", "/nonexist/a.pdf")
		if want := "bollard: cannot write /nonexist/a.pdf: the folder does not exist\n"; r.stderr != want {
			t.Fatalf("stderr %q, want %q", r.stderr, want)
		}
		r = must(t, 2, "--db", db, "dossier", ref, "-o", dir)
		if want := "bollard: -o " + dir + ": is a folder"; !strings.HasPrefix(r.stderr, want) {
			t.Fatalf("stderr %q, want %q", r.stderr, want)
		}
		r = must(t, 2, "--db", db, "dossier", ref, "-o", dir, "--force")
		if !strings.Contains(r.stderr, "is a folder") {
			t.Fatalf("stderr %q", r.stderr)
		}
	})
}

// personOf is a case with a person, and that person's surname (the last
// word of their name), read with case show --json as an officer would.
func personOf(t *testing.T, db string) (ref, surname string) {
	t.Helper()
	for _, c := range listCases(t, db) {
		var show struct {
			Cases []struct {
				Entities []struct{ Kind, Name string }
			}
		}
		r := must(t, 0, "--db", db, "case", "show", c.Ref, "--json")
		if err := json.Unmarshal([]byte(r.stdout), &show); err != nil {
			t.Fatal(err)
		}
		for _, sc := range show.Cases {
			for _, e := range sc.Entities {
				if words := strings.Fields(e.Name); e.Kind == "person" && len(words) > 1 {
					return c.Ref, words[len(words)-1]
				}
			}
		}
	}
	t.Fatal("no case has a person")
	return "", ""
}
