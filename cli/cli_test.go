package cli_test

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// bollard is the real binary, built once for all the tests.
var bollard string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "bollard-cli")
	if err != nil {
		panic(err)
	}
	bollard = filepath.Join(dir, "bollard")
	build := exec.Command("go", "build", "-o", bollard, "..")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build bollard:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	code           int
	stdout, stderr string
}

// run runs the binary as a user would, with no display and no workspace
// but the ones the test names.
func run(t *testing.T, args ...string) result {
	t.Helper()
	cmd := exec.Command(bollard, args...)
	cmd.Env = append(os.Environ(), "DISPLAY=", "WAYLAND_DISPLAY=", "BOLLARD_DB=", "BOLLARD_PASSPHRASE_FILE=", "BOLLARD_NEW_PASSPHRASE_FILE=", "HOME="+t.TempDir(), "XDG_DATA_HOME="+t.TempDir())
	return runCommand(t, cmd)
}

// runCommand runs cmd to its end and returns its exit status and output.
func runCommand(t *testing.T, cmd *exec.Cmd) result {
	t.Helper()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", cmd.Args, err)
	}
	return result{code, out.String(), errb.String()}
}

func (r result) expect(t *testing.T, code int, args ...string) {
	t.Helper()
	if r.code != code {
		t.Fatalf("bollard %v: exit %d, want %d\nstdout: %s\nstderr: %s", args, r.code, code, r.stdout, r.stderr)
	}
	if code != 0 && strings.Count(strings.TrimRight(r.stderr, "\n"), "\n") != 0 {
		t.Fatalf("bollard %v: the error is not one line:\n%s", args, r.stderr)
	}
}

func must(t *testing.T, code int, args ...string) result {
	t.Helper()
	r := run(t, args...)
	r.expect(t, code, args...)
	return r
}

func newWorkspace(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "ws.db")
	must(t, 0, "--db", db, "init", "--plain", "--officer", "M. Torres", "--agency", "SVA", "--country", "ES", "--prefix", "ESA")
	return db
}

type caseLine struct {
	Ref, Title, Status, Corridor string
	ThreatTypes                  []string `json:"threat_types"`
	UpdatedAt                    string   `json:"updated_at"`
	Version                      int64    `json:"version"`
}

func listCases(t *testing.T, db string) []caseLine {
	t.Helper()
	r := must(t, 0, "--db", db, "case", "list", "--json", "--all")
	var lines []caseLine
	if err := json.Unmarshal([]byte(r.stdout), &lines); err != nil {
		t.Fatalf("case list --json is not JSON: %v\n%s", err, r.stdout)
	}
	return lines
}

func TestVersionAndUsage(t *testing.T) {
	if r := must(t, 0, "version"); !strings.HasPrefix(r.stdout, "bollard 0.") {
		t.Fatalf("version: %q", r.stdout)
	}
	if r := must(t, 0, "help"); !strings.Contains(r.stdout, "case list") {
		t.Fatalf("help: %q", r.stdout)
	}
	t.Run("the window without a display", func(t *testing.T) {
		r := must(t, 1)
		if !strings.Contains(r.stderr, "no display") {
			t.Fatalf("stderr: %s", r.stderr)
		}
	})
	for _, args := range [][]string{
		{"frobnicate"},
		{"case"},
		{"case", "show"},
		{"case", "list", "--status", "sleeping"},
		{"demo", "--cases", "0"},
		{"--nope", "version"},
		{"import"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "w.db")
			must(t, 2, append([]string{"--db", db}, args...)...)
		})
	}
}

func TestInit(t *testing.T) {
	db := newWorkspace(t)
	if r := must(t, 0, "--db", db, "profile", "--json"); !strings.Contains(r.stdout, `"ref_prefix": "ESA"`) {
		t.Fatalf("profile: %s", r.stdout)
	}
	t.Run("init twice", func(t *testing.T) {
		r := must(t, 1, "--db", db, "init", "--plain")
		if !strings.Contains(r.stderr, "already exists") {
			t.Fatalf("stderr: %s", r.stderr)
		}
	})
	t.Run("a bad profile leaves no file", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad.db")
		r := must(t, 1, "--db", bad, "init", "--plain", "--officer", "X", "--agency", "Y", "--prefix", "9x")
		if !strings.Contains(r.stderr, "case-ref prefix") {
			t.Fatalf("stderr: %s", r.stderr)
		}
		if _, err := os.Stat(bad); err == nil {
			t.Fatal("a refused init left a workspace file")
		}
	})
	t.Run("init cut short before the profile is finished by init", func(t *testing.T) {
		// What a kill between making the file and saving the profile leaves:
		// a workspace with no officer (init without a profile makes one).
		half := filepath.Join(t.TempDir(), "half.db")
		must(t, 0, "--db", half, "init", "--plain")
		if r := must(t, 1, "--db", half, "init", "--plain"); !strings.Contains(r.stderr, "already exists") {
			t.Fatalf("init again with no profile: %s", r.stderr)
		}
		must(t, 0, "--db", half, "init", "--plain", "--officer", "M. Torres", "--agency", "SVA", "--country", "ES", "--prefix", "ESA")
		if r := must(t, 0, "--db", half, "profile", "--json"); !strings.Contains(r.stdout, `"ref_prefix": "ESA"`) {
			t.Fatalf("profile after the second init: %s", r.stdout)
		}
		if r := must(t, 1, "--db", half, "init", "--plain", "--officer", "X. Other", "--agency", "HMRC", "--country", "GB", "--prefix", "GBX"); !strings.Contains(r.stderr, "already exists") {
			t.Fatalf("init over a workspace with an officer: %s", r.stderr)
		}
	})
	t.Run("a missing workspace is not created by a read", func(t *testing.T) {
		missing := filepath.Join(t.TempDir(), "typo.db")
		r := must(t, 1, "--db", missing, "case", "list")
		if !strings.Contains(r.stderr, "no workspace at") {
			t.Fatalf("stderr: %s", r.stderr)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Fatal("case list created a workspace")
		}
	})
	t.Run("BOLLARD_DB names the workspace", func(t *testing.T) {
		cmd := exec.Command(bollard, "profile", "--json")
		cmd.Env = append(os.Environ(), "BOLLARD_DB="+db, "DISPLAY=")
		out, err := cmd.Output()
		if err != nil || !strings.Contains(string(out), "M. Torres") {
			t.Fatalf("profile via BOLLARD_DB: %v %s", err, out)
		}
	})
}

func TestDemoListShow(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	must(t, 0, "--db", db, "demo", "--cases", "25", "--seed", "7")
	cases := listCases(t, db)
	if len(cases) != 25 {
		t.Fatalf("demo made %d cases, want 25", len(cases))
	}
	for _, c := range cases {
		if c.Ref == "" || c.Title == "" || c.Status == "" || c.Corridor == "" || len(c.ThreatTypes) == 0 || c.UpdatedAt == "" {
			t.Fatalf("incomplete case line %+v", c)
		}
	}
	ref := cases[0].Ref

	t.Run("show as text", func(t *testing.T) {
		r := must(t, 0, "--db", db, "case", "show", ref)
		if !strings.Contains(r.stdout, ref) || !strings.Contains(r.stdout, cases[0].Title) {
			t.Fatalf("case show:\n%s", r.stdout)
		}
	})
	t.Run("show as JSON, flags after the ref", func(t *testing.T) {
		r := must(t, 0, "--db", db, "case", "show", strings.ToLower(ref), "--json")
		var doc struct {
			Format string
			Cases  []struct {
				Ref      string
				Seizures []map[string]any
			}
		}
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Format != "bollard-cases" || len(doc.Cases) != 1 || doc.Cases[0].Ref != ref {
			t.Fatalf("case show --json: %+v", doc)
		}
	})
	t.Run("an unknown ref", func(t *testing.T) {
		r := must(t, 1, "--db", db, "case", "show", "NOPE-2026-0001")
		if !strings.Contains(r.stderr, "no case NOPE-2026-0001") {
			t.Fatalf("stderr: %s", r.stderr)
		}
	})
	t.Run("the demo never fills a workspace that has cases", func(t *testing.T) {
		before := fileHash(t, db)
		r := must(t, 1, "--db", db, "demo", "--cases", "5")
		if !strings.Contains(r.stderr, "already holds") {
			t.Fatalf("stderr: %s", r.stderr)
		}
		if fileHash(t, db) != before {
			t.Fatal("the refused demo changed the workspace")
		}
	})
	t.Run("same seed, same data", func(t *testing.T) {
		other := filepath.Join(t.TempDir(), "again.db")
		must(t, 0, "--db", other, "demo", "--cases", "25", "--seed", "7")
		// Records differ only by the identity of the file they were made in.
		ownWorkspace := regexp.MustCompile(`"workspace": "[0-9a-f-]+"`)
		a := ownWorkspace.ReplaceAllString(must(t, 0, "--db", db, "case", "show", ref, "--json").stdout, "")
		b := ownWorkspace.ReplaceAllString(must(t, 0, "--db", other, "case", "show", ref, "--json").stdout, "")
		if a != b {
			t.Fatal("two demos with the same seed differ")
		}
	})
}

func TestImport(t *testing.T) {
	example, err := os.ReadFile("../docs/examples/case.json")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("a good file", func(t *testing.T) {
		db := newWorkspace(t)
		r := must(t, 0, "--db", db, "import", "../docs/examples/case.json")
		if !strings.Contains(r.stdout, "imported 1 case(s): ESA-") {
			t.Fatalf("stdout: %s", r.stdout)
		}
		cases := listCases(t, db)
		if len(cases) != 1 || !strings.Contains(cases[0].Title, "Guayaquil") {
			t.Fatalf("cases after import: %+v", cases)
		}
	})
	t.Run("a case printed by show imports elsewhere", func(t *testing.T) {
		src := newWorkspace(t)
		must(t, 0, "--db", src, "import", "../docs/examples/case.json")
		ref := listCases(t, src)[0].Ref
		shown := filepath.Join(t.TempDir(), "shown.json")
		os.WriteFile(shown, []byte(must(t, 0, "--db", src, "case", "show", ref, "--json").stdout), 0o600)
		dst := newWorkspace(t)
		must(t, 0, "--db", dst, "import", shown)
		if a, b := must(t, 0, "--db", src, "case", "show", ref, "--json").stdout, must(t, 0, "--db", dst, "case", "show", ref, "--json").stdout; a != b {
			t.Fatal("the case differs in the other workspace")
		}
		r := must(t, 1, "--db", dst, "import", shown)
		if !strings.Contains(r.stderr, "already in the workspace") {
			t.Fatalf("second import: %s", r.stderr)
		}
	})
	bad := map[string]string{
		"a wrong container check digit": strings.Replace(string(example), "MSCU 123456-6", "MSCU1234565", 1),
		"a truncated file":              string(example[:len(example)/3]),
		"a seizure in the future":       strings.Replace(string(example), "2026-09-12T05:40:00Z", "2099-09-12T05:40:00Z", 1),
	}
	wants := map[string]string{
		"a wrong container check digit": `container number "MSCU1234565": check digit should be 6`,
		"a truncated file":              "nothing was imported",
		"a seizure in the future":       "cannot be in the future",
	}
	for name, text := range bad {
		t.Run(name, func(t *testing.T) {
			db := newWorkspace(t)
			must(t, 0, "--db", db, "import", "../docs/examples/case.json")
			before := fileHash(t, db)
			file := filepath.Join(t.TempDir(), "bad.json")
			os.WriteFile(file, []byte(text), 0o600)
			r := must(t, 1, "--db", db, "import", file)
			if !strings.Contains(r.stderr, wants[name]) || !strings.Contains(r.stderr, "nothing was imported") {
				t.Fatalf("stderr: %s", r.stderr)
			}
			if fileHash(t, db) != before {
				t.Fatal("the refused import changed the workspace file")
			}
			if n := len(listCases(t, db)); n != 1 {
				t.Fatalf("%d cases after a refused import, want 1", n)
			}
		})
	}
}

func fileHash(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if wal, err := os.ReadFile(path + "-wal"); err == nil {
		b = append(b, wal...)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

// The demo fills only a file named with --db; the officer's own workspace
// ($BOLLARD_DB or the default) is never filled with synthetic cases.
func TestDemoNeverFillsTheOfficersWorkspace(t *testing.T) {
	own := newWorkspace(t)
	before := fileHash(t, own)
	cmd := exec.Command(bollard, "demo", "--cases", "3")
	cmd.Env = append(os.Environ(), "BOLLARD_DB="+own, "DISPLAY=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("demo: %v %s", err, out)
	}
	demoFile := filepath.Join(filepath.Dir(own), "demo.db")
	if !strings.Contains(string(out), demoFile) {
		t.Fatalf("demo output %q does not name %s", out, demoFile)
	}
	if fileHash(t, own) != before {
		t.Fatal("the demo changed the officer's workspace")
	}
	if n := len(listCases(t, demoFile)); n != 3 {
		t.Fatalf("%d cases in the demo workspace, want 3", n)
	}
}

func TestAnotherProgramsDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bookmarks.sqlite")
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE bookmarks (url TEXT)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := fileHash(t, path)
	r := must(t, 1, "--db", path, "case", "list")
	if !strings.Contains(r.stderr, "not a Bollard workspace") {
		t.Fatalf("stderr: %s", r.stderr)
	}
	if fileHash(t, path) != before {
		t.Fatal("case list changed another program's database")
	}
}

func TestSearch(t *testing.T) {
	db := newWorkspace(t)
	must(t, 0, "--db", db, "import", "../docs/examples/case.json")

	t.Run("one query as text", func(t *testing.T) {
		r := must(t, 0, "--db", db, "search", "munoz", "rojas")
		if !strings.Contains(r.stdout, "ENTITIES") || !strings.Contains(r.stdout, "Muñoz") {
			t.Fatalf("search output:\n%s", r.stdout)
		}
	})
	t.Run("a kind filter", func(t *testing.T) {
		r := must(t, 0, "--db", db, "search", "--kind", "seizure", "--json", "MSCU1234566")
		var a struct {
			Hits []struct{ Kind, Title, Text, Highlighted string }
		}
		if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
			t.Fatal(err)
		}
		if len(a.Hits) == 0 {
			t.Fatal("the seizure is not found by its container number")
		}
		for _, h := range a.Hits {
			if h.Kind != "seizure" {
				t.Fatalf("a %s hit with --kind seizure", h.Kind)
			}
		}
	})
	t.Run("one query a line on stdin, one answer a line", func(t *testing.T) {
		cmd := exec.Command(bollard, "--db", db, "search", "--stdin", "--json")
		cmd.Env = append(os.Environ(), "DISPLAY=")
		cmd.Stdin = strings.NewReader("munoz\n\nmsc aurora\nIMO 9074729\nzzzzqqqq\n")
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		if len(lines) != 4 {
			t.Fatalf("%d answers for 4 queries:\n%s", len(lines), out)
		}
		wantFirst := []string{"Andrés Muñoz Rojas", "MSC AURORA", "MSC AURORA", ""}
		for i, line := range lines {
			var a struct {
				Query string
				Hits  []struct{ Title string }
			}
			if err := json.Unmarshal([]byte(line), &a); err != nil {
				t.Fatalf("answer %d is not one JSON line: %v\n%s", i, err, line)
			}
			got := ""
			if len(a.Hits) > 0 {
				got = a.Hits[0].Title
			}
			if got != wantFirst[i] {
				t.Errorf("query %q: best hit %q, want %q", a.Query, got, wantFirst[i])
			}
		}
	})
	t.Run("usage", func(t *testing.T) {
		must(t, 2, "--db", db, "search")
		must(t, 2, "--db", db, "search", "--kind", "planet", "x")
	})
}
