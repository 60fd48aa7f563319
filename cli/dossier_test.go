package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
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
		a, b := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.pdf")
		must(t, 0, "--db", db, "dossier", ref, "-o", a, "--date", "2026-11-28", "--redact", "--sections", "seizures,entities")
		must(t, 0, "--db", db, "dossier", ref, "--date", "2026-11-28", "--redact", "--sections", "seizures,entities", "-o", b)
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
}
