package cli_test

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The Windows build is tested here, from Linux, by running bollard.exe
// under Wine through the same work as the Linux binary and comparing what
// the two print and write. `make test-windows` builds bollard.exe and sets
// BOLLARD_WINDOWS_EXE and WINEPREFIX.

// side is one build of bollard: the Linux binary or bollard.exe under Wine.
type side interface {
	name() string
	run(t *testing.T, args ...string) result
	// path is how a file in the side's folder is named on its command line.
	path(rel string) string
	// local is where the test reads and writes that file.
	local(rel string) string
}

// linux runs the Linux binary in a temporary folder.
type linux struct{ dir string }

func (l linux) name() string            { return "linux" }
func (l linux) path(rel string) string  { return filepath.Join(l.dir, rel) }
func (l linux) local(rel string) string { return filepath.Join(l.dir, rel) }
func (l linux) run(t *testing.T, args ...string) result {
	t.Helper()
	return runSide(t, exec.Command(bollard, args...), "BOLLARD_PASSPHRASE_FILE="+l.path("passphrase.txt"))
}

// windows runs bollard.exe under Wine in a folder named the way officers
// name theirs: a drive letter, backslashes, spaces and an accent.
type windows struct {
	exe       string
	dir, wdir string // the folder from Linux, and as C:\…
}

func (w windows) name() string { return "windows" }
func (w windows) path(rel string) string {
	if rel == "" {
		return w.wdir
	}
	return w.wdir + `\` + strings.ReplaceAll(rel, "/", `\`)
}
func (w windows) local(rel string) string { return filepath.Join(w.dir, rel) }
func (w windows) run(t *testing.T, args ...string) result {
	t.Helper()
	return runSide(t, exec.Command("wine", append([]string{w.exe}, args...)...), "BOLLARD_PASSPHRASE_FILE="+w.path("passphrase.txt"))
}

// runSide runs one command with a clean Bollard environment and the same
// time zone on both sides, one far from UTC, so that a date shifted by the
// Windows build shows as a difference.
func runSide(t *testing.T, cmd *exec.Cmd, env ...string) result {
	t.Helper()
	cmd.Env = append(os.Environ(), "DISPLAY=", "WAYLAND_DISPLAY=", "BOLLARD_DB=", "BOLLARD_NEW_PASSPHRASE_FILE=", "TZ=America/Guayaquil")
	cmd.Env = append(cmd.Env, env...)
	cmd.WaitDelay = 10 * time.Second // a Wine process left behind must not hold the test
	return runCommand(t, cmd)
}

func mustOn(t *testing.T, s side, code int, args ...string) result {
	t.Helper()
	began := time.Now()
	r := s.run(t, args...)
	t.Logf("%s %v: %v", s.name(), args[2:], time.Since(began).Round(time.Millisecond))
	if r.code != code {
		t.Fatalf("%s: bollard %v: exit %d, want %d\nstdout: %s\nstderr: %s", s.name(), args, r.code, code, r.stdout, r.stderr)
	}
	return r
}

// wineSides returns the two sides, or skips when bollard.exe is not built.
func wineSides(t *testing.T) (linux, windows) {
	t.Helper()
	exe := os.Getenv("BOLLARD_WINDOWS_EXE")
	if exe == "" {
		t.Skip("BOLLARD_WINDOWS_EXE is not set: `make test-windows` builds bollard.exe and runs this under Wine")
	}
	prefix := os.Getenv("WINEPREFIX")
	if prefix == "" {
		t.Fatal("BOLLARD_WINDOWS_EXE is set but WINEPREFIX is not: run through `make test-windows`")
	}
	var b [6]byte
	rand.Read(b[:])
	wdir := `C:\users\José\Documents\Casos 2026\bollard-test-` + hex.EncodeToString(b[:])
	dir := filepath.Join(prefix, "drive_c", filepath.FromSlash(strings.ReplaceAll(wdir[len(`C:\`):], `\`, "/")))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return linux{t.TempDir()}, windows{exe, dir, wdir}
}

// writeFile writes one file into a side's folder, making its folders.
func writeFile(t *testing.T, s side, rel string, body []byte) {
	t.Helper()
	p := s.local(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, body, 0o600); err != nil {
		t.Fatal(err)
	}
}

// The same work, on each side, returning what it printed by step.
func walkThrough(t *testing.T, s side) map[string]string {
	t.Helper()
	seen := map[string]string{}
	keep := func(step string, r result) { seen[step] = r.stdout }
	ws := s.path("Caso Puerto Bolívar.db")
	writeFile(t, s, "passphrase.txt", []byte("correct horse battery staple, Guayaquil\r\n"))
	for _, folder := range []string{"Dossiers", "Paquetes"} {
		if err := os.MkdirAll(s.local(folder), 0o700); err != nil {
			t.Fatal(err)
		}
	}

	keep("init", mustOn(t, s, 0, "--db", ws, "init", "--officer", "Insp. José Núñez", "--agency", "SENAE", "--country", "EC", "--prefix", "ECU", "--no-recovery-key"))
	keep("demo", mustOn(t, s, 0, "--db", ws, "demo", "--cases", "4", "--seed", "7"))
	keep("case list", mustOn(t, s, 0, "--db", ws, "case", "list", "--json", "--all"))
	var cases []caseLine
	if err := json.Unmarshal([]byte(seen["case list"]), &cases); err != nil || len(cases) != 4 {
		t.Fatalf("%s: case list: %v\n%s", s.name(), err, seen["case list"])
	}
	ref := cases[0].Ref
	keep("case show", mustOn(t, s, 0, "--db", ws, "case", "show", ref, "--json"))
	keep("search", mustOn(t, s, 0, "--db", ws, "search", "--json", "cocaine"))
	keep("search typo", mustOn(t, s, 0, "--db", ws, "search", "--json", "kokain"))

	// A photo file with Windows line ends, in a folder with a space and an accent.
	writeFile(t, s, "Fotos contenedor/foto 1 – precinto.txt", []byte("precinto SEAL-44821 roto\r\nfoto tomada en el muelle\r\n"))
	keep("evidence add", mustOn(t, s, 0, "--db", ws, "evidence", "add", ref, "--description", "Foto del precinto", "--kind", "photo", "--file", s.path("Fotos contenedor/foto 1 – precinto.txt")))
	exhibit := regexp.MustCompile(`[A-Z]+-\d{4}-\d{4}/EX-\d+|EX-\d+`).FindString(seen["evidence add"])
	if exhibit == "" {
		t.Fatalf("%s: no exhibit ref in %q", s.name(), seen["evidence add"])
	}
	keep("custody add", mustOn(t, s, 0, "--db", ws, "custody", "add", exhibit, "--action", "transferred", "--to", "Laboratorio de Criminalística", "--agency", "Policía Nacional", "--place", "Guayaquil", "--seal", "SEAL-44821", "--seal-intact", "yes"))
	keep("evidence show", mustOn(t, s, 0, "--db", ws, "evidence", "show", exhibit, "--json"))

	// A seizure sheet saved by Excel: a byte-order mark, semicolons, CRLF.
	sheetBody, err := os.ReadFile(sheet("pt_semicolon_bom.csv"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, s, "Hojas/apreensões.csv", sheetBody)
	keep("csv import", mustOn(t, s, 0, "--db", ws, "import", "--json", "--case", ref, s.path("Hojas/apreensões.csv")))
	keep("case show after csv", mustOn(t, s, 0, "--db", ws, "case", "show", ref, "--json"))

	mustOn(t, s, 0, "--db", ws, "dossier", ref, "-o", s.path("Dossiers/dossier "+ref+".pdf"), "--lang", "es")
	keep("dossier text", result{stdout: pdfText(t, s.local("Dossiers/dossier "+ref+".pdf"))})

	mustOn(t, s, 0, "--db", ws, "checkpoint", "-o", s.path("punto de control.json"))
	keep("verify", mustOn(t, s, 0, "--db", ws, "verify", "--checkpoint", s.path("punto de control.json")))

	// A package from this workspace into a second one on the same side.
	mustOn(t, s, 0, "--db", ws, "export", ref, "-o", s.path("Paquetes/"+ref+".bollard"), "--plain")
	other := s.path("Segundo espacio.db")
	mustOn(t, s, 0, "--db", other, "init", "--plain", "--officer", "Insp. Lotte Peeters", "--agency", "Belgian Customs", "--country", "BE", "--prefix", "BEC")
	mustOn(t, s, 0, "--db", other, "import", s.path("Paquetes/"+ref+".bollard"), "--trust")
	keep("case show after import", mustOn(t, s, 0, "--db", other, "case", "show", ref, "--json"))
	mustOn(t, s, 0, "--db", other, "verify")
	seen["ref"] = ref
	return seen
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

func TestWineCommandLineMatchesLinux(t *testing.T) {
	lin, win := wineSides(t)
	startWine(t)
	start := time.Now()
	want, got := walkThrough(t, lin), walkThrough(t, win)
	for step, w := range want {
		g := got[step]
		if nw, ng := normalise(w, lin, start), normalise(g, win, start); nw != ng {
			t.Errorf("%s differs between Linux and Windows:\n%s", step, firstDifference(nw, ng))
		}
	}

	t.Run("packages cross between the builds", func(t *testing.T) {
		ref := want["ref"]
		for _, pair := range [][2]side{{lin, win}, {win, lin}} {
			from, to := pair[0], pair[1]
			pkg := to.local("from " + from.name() + ".bollard")
			body, err := os.ReadFile(from.local("Paquetes/" + ref + ".bollard"))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(pkg, body, 0o600); err != nil {
				t.Fatal(err)
			}
			ws := to.path("from " + from.name() + ".db")
			mustOn(t, to, 0, "--db", ws, "init", "--plain", "--officer", "Off. Dana Whitfield", "--agency", "HMRC", "--country", "GB", "--prefix", "GBR")
			mustOn(t, to, 0, "--db", ws, "import", to.path("from "+from.name()+".bollard"), "--trust")
			shown := mustOn(t, to, 0, "--db", ws, "case", "show", ref, "--json").stdout
			if a, b := normalise(shown, to, start), normalise(want["case show after import"], lin, start); a != b {
				t.Errorf("a %s package imported on %s:\n%s", from.name(), to.name(), firstDifference(b, a))
			}
		}
	})
}

var (
	uuidPattern = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
	timePattern = regexp.MustCompile(`\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?|\d\d/\d\d/\d{4} \d\d:\d\d`)
	tookPattern = regexp.MustCompile(` in \d+(\.\d+)?(ms|s)\b`)
	// The head of the audit trail: its entries carry the time they were made.
	headPattern = regexp.MustCompile(`\b[0-9a-f]{16}…`)
)

// normalise takes out of one side's output what is rightly different
// between two runs: the side's own folder, random ids (numbered in the
// order they appear, so the same id stays the same), the times of this run
// and durations.
func normalise(out string, s side, start time.Time) string {
	out = strings.ReplaceAll(out, s.path(""), "<folder>")
	out = strings.ReplaceAll(out, strings.ReplaceAll(s.path(""), `\`, `\\`), "<folder>") // as JSON writes it
	ids := map[string]string{}
	out = uuidPattern.ReplaceAllStringFunc(out, func(id string) string {
		if _, ok := ids[id]; !ok {
			ids[id] = "<id" + string(rune('A'+len(ids)%26)) + ">"
		}
		return ids[id]
	})
	out = timePattern.ReplaceAllStringFunc(out, func(at string) string {
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z07:00", "2006-01-02 15:04", "2006-01-02T15:04", "02/01/2006 15:04"} {
			if when, err := time.ParseInLocation(layout, at, time.Local); err == nil && !when.Before(start.Add(-36*time.Hour)) {
				return "<now>"
			}
		}
		return at
	})
	out = tookPattern.ReplaceAllString(out, " in <time>")
	out = headPattern.ReplaceAllString(out, "<head>…")
	return strings.ReplaceAll(out, `\`, "/")
}

// firstDifference shows the first line where two outputs part.
func firstDifference(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n  linux:   %s\n  windows: %s", i+1, x, y)
		}
	}
	return "(same lines, different ends)"
}

func TestWineDefaultWorkspaceIsInLocalAppData(t *testing.T) {
	_, win := wineSides(t)
	startWine(t)
	local, err := filepath.Glob(filepath.Join(os.Getenv("WINEPREFIX"), "drive_c", "users", "*", "AppData", "Local"))
	if err != nil || len(local) != 1 {
		t.Fatalf("no single %%LocalAppData%% in the Wine prefix: %v %v", local, err)
	}
	folder := filepath.Join(local[0], "bollard")
	// The prefix is the tests' own (.tools/wine): a workspace left there by
	// an earlier run is theirs too.
	os.RemoveAll(folder)
	t.Cleanup(func() { os.RemoveAll(folder) })
	mustOn(t, win, 0, "init", "--plain", "--officer", "Insp. José Núñez", "--agency", "SENAE", "--country", "EC", "--prefix", "ECU")
	if _, err := os.Stat(filepath.Join(folder, "bollard.db")); err != nil {
		t.Fatalf("init without --db did not make %%LocalAppData%%\\bollard\\bollard.db: %v", err)
	}
	if r := mustOn(t, win, 0, "profile", "--json"); !strings.Contains(r.stdout, `"ref_prefix": "ECU"`) {
		t.Fatalf("the default workspace does not open again: %s", r.stdout)
	}
}

// A file another program holds open with no sharing, as Excel holds a
// spreadsheet and Acrobat a PDF, gives a clear message and changes nothing.
func TestWineFileOpenInAnotherProgram(t *testing.T) {
	_, win := wineSides(t)
	startWine(t)
	hold := holder(t)
	ws := win.path("en uso.db")
	mustOn(t, win, 0, "--db", ws, "init", "--plain", "--officer", "Insp. José Núñez", "--agency", "SENAE", "--country", "EC", "--prefix", "ECU")
	mustOn(t, win, 0, "--db", ws, "demo", "--cases", "1", "--seed", "3")
	var cases []caseLine
	if err := json.Unmarshal([]byte(mustOn(t, win, 0, "--db", ws, "case", "list", "--json").stdout), &cases); err != nil || len(cases) != 1 {
		t.Fatalf("case list: %v %v", cases, err)
	}
	ref := cases[0].Ref
	before := mustOn(t, win, 0, "--db", ws, "case", "show", ref, "--json").stdout

	inUse := func(t *testing.T, r result, file string) {
		t.Helper()
		t.Logf("%s", r.stderr)
		if r.code != 1 || !strings.Contains(r.stderr, file) || !strings.Contains(r.stderr, "open in another program") || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
			t.Fatalf("exit %d, want 1 with one line naming %s as open in another program:\n%s", r.code, file, r.stderr)
		}
	}
	t.Run("evidence from a spreadsheet open in Excel", func(t *testing.T) {
		writeFile(t, win, "manifiesto.xlsx", []byte("PK\x03\x04 a manifest"))
		release := hold(win.path("manifiesto.xlsx"))
		r := win.run(t, "--db", ws, "evidence", "add", ref, "--description", "Manifiesto", "--file", win.path("manifiesto.xlsx"))
		release()
		inUse(t, r, "manifiesto.xlsx")
		if after := mustOn(t, win, 0, "--db", ws, "case", "show", ref, "--json").stdout; after != before {
			t.Fatal("the refused evidence changed the case")
		}
	})
	t.Run("a dossier over a PDF open in a reader", func(t *testing.T) {
		old := []byte("%PDF-1.4 the dossier sent last week")
		writeFile(t, win, "Dossiers/dossier.pdf", old)
		release := hold(win.path("Dossiers/dossier.pdf"))
		r := win.run(t, "--db", ws, "dossier", ref, "-o", win.path("Dossiers/dossier.pdf"), "--force")
		release()
		inUse(t, r, "dossier.pdf")
		if got, _ := os.ReadFile(win.local("Dossiers/dossier.pdf")); !bytes.Equal(got, old) {
			t.Fatal("the PDF open in the reader was changed")
		}
		if left, _ := os.ReadDir(win.local("Dossiers")); len(left) != 1 {
			t.Fatalf("the refused dossier left files behind: %v", left)
		}
	})
	t.Run("a checkpoint open in an editor while verify reads it", func(t *testing.T) {
		mustOn(t, win, 0, "--db", ws, "checkpoint", "-o", win.path("punto.json"))
		release := hold(win.path("punto.json"))
		r := win.run(t, "--db", ws, "verify", "--checkpoint", win.path("punto.json"))
		release()
		inUse(t, r, "punto.json")
	})
	t.Run("the workspace held by another program", func(t *testing.T) {
		release := hold(ws)
		r := win.run(t, "--db", ws, "case", "list")
		release()
		inUse(t, r, "en uso.db")
		mustOn(t, win, 0, "--db", ws, "verify")
	})
}

// startWine starts one Wine server and Wine's own services for the test,
// with nowhere to print: otherwise each bollard.exe starts them and waits
// seconds for them to stop, or, were the server kept, they would hold its
// output open.
func startWine(t *testing.T) {
	t.Helper()
	for _, start := range [][]string{{"wineserver", "-p"}, {"wine", "wineboot"}} {
		if err := exec.Command(start[0], start[1:]...).Run(); err != nil {
			t.Fatalf("%v: %v", start, err)
		}
	}
	t.Cleanup(func() { exec.Command("wineserver", "-k").Run() })
}

// holder builds testdata/winhold and returns a function that holds a file
// open in it, as another program would, until the returned release.
func holder(t *testing.T) func(path string) (release func()) {
	t.Helper()
	exe := filepath.Join(t.TempDir(), "winhold.exe")
	build := exec.Command("go", "build", "-o", exe, "./testdata/winhold")
	build.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build winhold: %v\n%s", err, out)
	}
	return func(path string) func() {
		t.Helper()
		cmd := exec.Command("wine", exe, path)
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var errb bytes.Buffer
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line := make([]byte, 5)
		if _, err := io.ReadFull(stdout, line); err != nil || string(line) != "held\n" && string(line) != "held\r" {
			stdin.Close()
			cmd.Wait()
			t.Fatalf("winhold %s did not hold it: %q %v %s", path, line, err, errb.String())
		}
		return func() {
			stdin.Close()
			cmd.Wait()
		}
	}
}

// Encrypting in place a workspace with attached files, under a passphrase
// saved by Windows PowerShell (UTF-16 with a byte-order mark), which then
// opens with the same words saved plainly.
func TestWineEncryptInPlace(t *testing.T) {
	_, win := wineSides(t)
	startWine(t)
	ws := win.path("a cifrar.db")
	mustOn(t, win, 0, "--db", ws, "init", "--plain", "--officer", "Insp. José Núñez", "--agency", "SENAE", "--country", "EC", "--prefix", "ECU")
	mustOn(t, win, 0, "--db", ws, "demo", "--cases", "2", "--seed", "3")
	powershell := []byte{0xFF, 0xFE}
	for _, r := range "correct horse battery staple, Guayaquil\r\n" {
		powershell = append(powershell, byte(r), byte(r>>8))
	}
	writeFile(t, win, "passphrase.txt", powershell)
	if r := mustOn(t, win, 0, "--db", ws, "encrypt"); !strings.Contains(r.stdout+r.stderr, "encrypt") {
		t.Fatalf("encrypt said nothing of it:\n%s%s", r.stdout, r.stderr)
	}
	if b, err := os.ReadFile(win.local("a cifrar.db")); err != nil || bytes.HasPrefix(b, []byte("SQLite format 3")) {
		t.Fatalf("the workspace is not encrypted (%v)", err)
	}
	writeFile(t, win, "passphrase.txt", []byte("correct horse battery staple, Guayaquil\n"))
	if r := mustOn(t, win, 0, "--db", ws, "verify"); !strings.Contains(r.stdout, "intact") {
		t.Fatalf("verify after encrypt:\n%s", r.stdout)
	}
}
