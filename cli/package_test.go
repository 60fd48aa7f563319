package cli_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runWith runs bollard with extra environment and stdin.
func runWith(t *testing.T, env []string, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bollard, args...)
	cmd.Env = append(append(os.Environ(), "DISPLAY=", "WAYLAND_DISPLAY=", "BOLLARD_DB=", "BOLLARD_PASSPHRASE_FILE=", "BOLLARD_NEW_PASSPHRASE_FILE=", "BOLLARD_PASSPHRASE=",
		"HOME="+t.TempDir(), "XDG_DATA_HOME="+t.TempDir()), env...)
	cmd.Stdin = strings.NewReader(stdin)
	return runCommand(t, cmd)
}

func TestPackageExportImport(t *testing.T) {
	a := filepath.Join(t.TempDir(), "a.db")
	must(t, 0, "--db", a, "init", "--plain", "--officer", "Insp. Lotte Peeters", "--agency", "Belgian Customs", "--country", "BE", "--prefix", "BEC")
	must(t, 0, "--db", a, "demo", "--cases", "3", "--seed", "5")
	ref := listCases(t, a)[0].Ref
	b := newWorkspace(t)
	pkg := filepath.Join(t.TempDir(), "case.bollard")

	must(t, 2, "--db", a, "export", ref)
	must(t, 0, "--db", a, "export", ref, "-o", pkg, "--plain")
	t.Run("a package already there is replaced only with --force", func(t *testing.T) {
		before, _ := os.ReadFile(pkg)
		if r := must(t, 2, "--db", a, "export", ref, "-o", pkg, "--plain"); !strings.Contains(r.stderr, "exists: use --force") {
			t.Fatalf("export over a package: %s", r.stderr)
		}
		if after, _ := os.ReadFile(pkg); !bytes.Equal(after, before) {
			t.Fatal("the refused export changed the package already there")
		}
		must(t, 0, "--db", a, "export", ref, "-o", pkg, "--plain", "--force")
	})

	r := must(t, 1, "--db", b, "import", pkg)
	if !strings.Contains(r.stderr, "unknown partner") || !strings.Contains(r.stderr, "--trust") {
		t.Fatalf("an unknown signer: %s", r.stderr)
	}
	if n := len(listCases(t, b)); n != 0 {
		t.Fatalf("%d cases after refusing the signer", n)
	}
	r = must(t, 0, "--db", b, "import", pkg, "--trust", "--json")
	var sum struct {
		Added, Updated, Unchanged, Conflicts int
		Refs                                 []string
	}
	if err := json.Unmarshal([]byte(r.stdout), &sum); err != nil {
		t.Fatalf("import --json: %v\n%s", err, r.stdout)
	}
	if sum.Added == 0 || sum.Updated+sum.Conflicts != 0 || len(sum.Refs) != 1 || sum.Refs[0] != ref {
		t.Fatalf("first import: %+v", sum)
	}
	// The signer is now a known partner; the same package again changes nothing.
	r = must(t, 0, "--db", b, "import", pkg)
	if !strings.Contains(r.stdout, "0 added, 0 updated") || !strings.Contains(r.stdout, "0 conflicts") {
		t.Fatalf("second import: %s", r.stdout)
	}
	want := must(t, 0, "--db", a, "case", "show", ref, "--json").stdout
	if got := must(t, 0, "--db", b, "case", "show", ref, "--json").stdout; got != want {
		t.Fatalf("the case differs after the exchange:\n%s\n%s", want, got)
	}
	must(t, 0, "--db", b, "verify")
	if r := must(t, 0, "--db", b, "conflicts", "--json"); strings.TrimSpace(r.stdout) != "[]" {
		t.Fatalf("conflicts: %s", r.stdout)
	}
	must(t, 2, "--db", b, "conflicts", "resolve", "x", "--keep", "both")
	must(t, 1, "--db", b, "conflicts", "resolve", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "--keep", "mine")
}

func TestPackagePassphrase(t *testing.T) {
	a := filepath.Join(t.TempDir(), "a.db")
	must(t, 0, "--db", a, "init", "--plain", "--officer", "Insp. Lotte Peeters", "--agency", "Belgian Customs", "--country", "BE", "--prefix", "BEC")
	must(t, 0, "--db", a, "demo", "--cases", "2", "--seed", "9")
	ref := listCases(t, a)[0].Ref
	b := newWorkspace(t)
	pkg := filepath.Join(t.TempDir(), "case.bollard")
	runWith(t, []string{"BOLLARD_PASSPHRASE=correct horse battery"}, "", "--db", a, "export", ref, "-o", pkg, "--passphrase").expect(t, 0)
	if r := runWith(t, nil, "wrong passphrase\n", "--db", b, "import", pkg, "--passphrase", "--trust"); r.code != 1 {
		t.Fatalf("the wrong passphrase: exit %d %s", r.code, r.stderr)
	}
	runWith(t, nil, "correct horse battery\n", "--db", b, "import", pkg, "--passphrase", "--trust").expect(t, 0)
	if n := len(listCases(t, b)); n != 1 {
		t.Fatalf("%d cases after the import", n)
	}
}

// A conflict open on both sides, resolved on one, closes itself on the
// other when the resolution arrives, and the import says so.
func TestImportSaysWhichConflictsSettled(t *testing.T) {
	a := filepath.Join(t.TempDir(), "a.db")
	must(t, 0, "--db", a, "init", "--plain", "--officer", "Insp. Lotte Peeters", "--agency", "Belgian Customs", "--country", "BE", "--prefix", "BEC")
	must(t, 0, "--db", a, "demo", "--cases", "1", "--seed", "5")
	b := newWorkspace(t)
	ref := listCases(t, a)[0].Ref
	dir := t.TempDir()
	export := func(from, name string) string {
		t.Helper()
		pkg := filepath.Join(dir, name+".bollard")
		must(t, 0, "--db", from, "export", ref, "-o", pkg, "--plain")
		return pkg
	}
	send := func(from, to, name string, extra ...string) string {
		t.Helper()
		return must(t, 0, append([]string{"--db", to, "import", export(from, name)}, extra...)...).stdout
	}
	send(a, b, "first", "--trust")
	send(b, a, "back", "--trust")
	version := fmt.Sprint(listCases(t, a)[0].Version)
	must(t, 0, "--db", a, "case", "edit", ref, "--version", version, "--title", "Cocaine in reefers (Antwerp's title)")
	must(t, 0, "--db", b, "case", "edit", ref, "--version", version, "--title", "Cocaine in reefers (Dover's title)")
	// The two packages cross: each side receives the other's title.
	fromA, fromB := export(a, "a-title"), export(b, "b-title")
	must(t, 0, "--db", b, "import", fromA)
	if out := must(t, 0, "--db", a, "import", fromB).stdout; !strings.Contains(out, "1 conflicts") || strings.Contains(out, "settled") {
		t.Fatalf("the crossing edits: %s", out)
	}
	var open []struct{ ID string }
	if err := json.Unmarshal([]byte(must(t, 0, "--db", b, "conflicts", "--json").stdout), &open); err != nil || len(open) != 1 {
		t.Fatalf("conflicts at B: %+v %v", open, err)
	}
	must(t, 0, "--db", b, "conflicts", "resolve", open[0].ID, "--keep", "mine")
	out := send(b, a, "resolved")
	if !strings.Contains(out, "1 conflict settled: the partner resolved it, or both sides now agree") {
		t.Errorf("the import does not say the conflict settled:\n%s", out)
	}
	if r := must(t, 0, "--db", a, "conflicts"); strings.TrimSpace(r.stdout) != "no conflicts" {
		t.Errorf("conflicts at A after the resolution arrived:\n%s", r.stdout)
	}
}
