package disk

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// CreateTemp makes new, writable files named as os.CreateTemp names them,
// never the same twice, that Replace then puts in place.
func TestCreateTempWindows(t *testing.T) {
	dir := filepath.Join(tempFolder(t), "Casos 2026 – José")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	a, err := CreateTemp(dir, ".dossier.pdf.*.partial")
	if err != nil {
		t.Fatal(err)
	}
	b, err := CreateTemp(dir, ".dossier.pdf.*.partial")
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for _, f := range []*os.File{a, b} {
		if base := filepath.Base(f.Name()); filepath.Dir(f.Name()) != dir || !strings.HasPrefix(base, ".dossier.pdf.") || !strings.HasSuffix(base, ".partial") {
			t.Fatalf("made %s", f.Name())
		}
	}
	if a.Name() == b.Name() {
		t.Fatalf("the same name twice: %s", a.Name())
	}
	if _, err := a.WriteString("%PDF-1.4 the dossier"); err != nil {
		t.Fatal(err)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	final := filepath.Join(dir, "dossier.pdf")
	if err := Replace(a.Name(), final); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(final); err != nil || string(got) != "%PDF-1.4 the dossier" {
		t.Fatalf("read back %q %v", got, err)
	}
	if _, err := CreateTemp(filepath.Join(dir, "missing"), "x.*"); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Fatalf("a missing folder: %v", err)
	}
	t.Logf("the test drive keeps access lists: %v (Wine's answer, not Windows')", keepsAccessLists(dir))
}
