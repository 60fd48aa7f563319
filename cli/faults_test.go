package cli_test

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"bollard/storage"
)

// The fault-injection suite: each command that writes evidence is killed
// with SIGKILL at random points, and after every kill the workspace must
// still be whole: SQLite's integrity check passes, `bollard verify` says
// all intact, and every attachment row's file exists and re-hashes to its
// SHA-256. A kill stands for a crash or a program killed mid-import; it
// cannot stand for a power cut (what was written survives in the system's
// cache), which only the fsyncs guard against.
//
// The kill points are drawn from a seed, printed with every failure so the
// run can be replayed:
//
//	BOLLARD_FAULT_SEED=S go test ./cli/ -run 'TestKilledMidWrite/NAME'
//
// `make test` makes a few runs of each command; BOLLARD_SOAK=N makes N
// (`make bench` runs a long soak).

// faultCommand is one command the suite kills.
type faultCommand struct {
	name string
	// probe, when set, is run on a workspace that does not exist before
	// anything else: when this binary answers that it does not know the
	// command, the command is skipped, naming why.
	probe []string
	// prepare makes, once, the workspace every run starts from: a copy of
	// the file at template and its attachment folder (prepare may leave
	// template absent, for a command that makes its own workspace). Inputs
	// go in inputs. It returns the command line given a run's workspace.
	prepare func(t *testing.T, rng *rand.Rand, template, inputs string) func(db string) []string
}

// faultCommands are the commands killed. A new command is one entry here.
var faultCommands = []faultCommand{
	{
		name: "demo",
		prepare: func(t *testing.T, rng *rand.Rand, template, inputs string) func(string) []string {
			seed := strconv.Itoa(rng.IntN(1000))
			return func(db string) []string { return []string{"--db", db, "demo", "--cases", "60", "--seed", seed} }
		},
	},
	{
		name: "import_json",
		prepare: func(t *testing.T, rng *rand.Rand, template, inputs string) func(string) []string {
			initWorkspace(t, template)
			file := absPath(t, filepath.Join("..", "docs", "examples", "case.json"))
			return func(db string) []string { return []string{"--db", db, "import", file} }
		},
	},
	{
		name: "import_csv",
		prepare: func(t *testing.T, rng *rand.Rand, template, inputs string) func(string) []string {
			initWorkspace(t, template)
			must(t, 0, "--db", template, "import", filepath.Join("..", "docs", "examples", "case.json"))
			ref := listCases(t, template)[0].Ref
			file := filepath.Join(inputs, "seizures.csv")
			writeSeizureSheet(t, file, 600, rng)
			return func(db string) []string { return []string{"--db", db, "import", file, "--case", ref} }
		},
	},
	{
		name: "import_package",
		prepare: func(t *testing.T, rng *rand.Rand, template, inputs string) func(string) []string {
			// A partner's case with three photos, encrypted to this workspace.
			partner := filepath.Join(inputs, "partner.db")
			must(t, 0, "--db", partner, "init", "--plain", "--officer", "Insp. Lotte Peeters", "--agency", "Belgian Customs", "--country", "BE", "--prefix", "BEC")
			must(t, 0, "--db", partner, "demo", "--cases", "2", "--seed", "5")
			ref := listCases(t, partner)[0].Ref
			add := []string{"--db", partner, "evidence", "add", ref, "--description", "Photos of the container"}
			for i := range 3 {
				add = append(add, "--file", randomFile(t, inputs, fmt.Sprintf("IMG_%d.jpg", 2041+i), 1536<<10, rng))
			}
			must(t, 0, add...)
			initWorkspace(t, template)
			recipient := filepath.Join(inputs, "torres.age")
			must(t, 0, "--db", template, "keys", "export", "-o", recipient)
			pkg := filepath.Join(inputs, "case.bollard")
			must(t, 0, "--db", partner, "export", ref, "-o", pkg, "--recipient", recipient)
			return func(db string) []string { return []string{"--db", db, "import", pkg, "--trust"} }
		},
	},
	{
		name: "evidence_add",
		prepare: func(t *testing.T, rng *rand.Rand, template, inputs string) func(string) []string {
			must(t, 0, "--db", template, "demo", "--cases", "3")
			ref := listCases(t, template)[0].Ref
			video := randomFile(t, inputs, "scanner.mp4", 4<<20, rng)
			photo := randomFile(t, inputs, "seal.jpg", 512<<10, rng)
			return func(db string) []string {
				return []string{"--db", db, "evidence", "add", ref, "--description", "Scanner video and seal photo",
					"--seizure", "SZ-0001", "--file", video, "--file", photo}
			}
		},
	},
	{
		name:  "files_prune",
		probe: []string{"files", "prune", "--dry-run"},
		prepare: func(t *testing.T, rng *rand.Rand, template, inputs string) func(string) []string {
			must(t, 0, "--db", template, "demo", "--cases", "3")
			ref := listCases(t, template)[0].Ref
			must(t, 0, "--db", template, "evidence", "add", ref, "--description", "Kept photos",
				"--file", randomFile(t, inputs, "kept1.jpg", 256<<10, rng), "--file", randomFile(t, inputs, "kept2.jpg", 256<<10, rng))
			plantUnreferencedFiles(t, template, 16, 256<<10, rng)
			return func(db string) []string { return []string{"--db", db, "files", "prune"} }
		},
	},
}

// TestKilledMidWrite kills each of faultCommands at random points and
// checks the workspace after every kill.
func TestKilledMidWrite(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("BOLLARD_FAULT_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("BOLLARD_FAULT_SEED=%q: not a number", s)
		}
	}
	runs := 6
	if s := os.Getenv("BOLLARD_SOAK"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("BOLLARD_SOAK=%q: should be how many runs of each command to kill", s)
		}
		runs = n
	}
	t.Logf("seed %d, %d runs of each command", seed, runs)
	for _, fc := range faultCommands {
		t.Run(fc.name, func(t *testing.T) {
			h := fnv.New64a()
			h.Write([]byte(fc.name))
			rng := rand.New(rand.NewPCG(seed, h.Sum64()))
			killCommand(t, fc, rng, runs, fmt.Sprintf("BOLLARD_FAULT_SEED=%d go test ./cli/ -run 'TestKilledMidWrite/%s'", seed, fc.name))
		})
	}
}

// killCommand runs one command on fresh copies of its workspace, runs
// times, killing each run at points drawn from rng and checking the
// workspace after each kill and after the command is run again to the end.
func killCommand(t *testing.T, fc faultCommand, rng *rand.Rand, runs int, replay string) {
	home := t.TempDir()
	if fc.probe != nil {
		r := run(t, append([]string{"--db", filepath.Join(t.TempDir(), "none.db")}, fc.probe...)...)
		if r.code == 2 && regexp.MustCompile(`unknown (command|\w+ subcommand)`).MatchString(r.stderr) {
			t.Skipf("this binary does not know `bollard %s` yet: %s", strings.Join(fc.probe, " "), strings.TrimSpace(r.stderr))
		}
	}
	templateDir, inputs := t.TempDir(), t.TempDir()
	args := fc.prepare(t, rng, filepath.Join(templateDir, "ws.db"), inputs)

	// One run to the end measures how long the command takes and how far
	// it moves the workspace's files; kill points are drawn within both.
	dir := copyWorkspace(t, templateDir)
	db := filepath.Join(dir, "ws.db")
	whole := runUntil(home, dir, args(db), func(time.Duration, int64) bool { return false })
	if whole.err != nil || whole.killed || whole.code != 0 {
		t.Fatalf("bollard %s on an unharmed workspace: exit %d %v\n%s", strings.Join(args(db), " "), whole.code, whole.err, whole.stderr)
	}
	if problems := faultProblems(t, db, true); len(problems) > 0 {
		t.Fatalf("after a whole run, before any kill:\n  %s\nreplay: %s", strings.Join(problems, "\n  "), replay)
	}
	os.RemoveAll(dir)
	t.Logf("a whole run takes %v and moves the workspace's files by %d bytes", whole.took.Round(time.Millisecond), whole.moved)

	landed := 0
	for i := range runs {
		// Every draw is made every time, so that run i of a seed is the same
		// kill point whatever the runs before it did. One run in three is
		// killed twice: the second kill lands while the command, run again,
		// recovers from the first.
		points := []killPoint{drawKillPoint(rng, whole)}
		if second := drawKillPoint(rng, whole); rng.IntN(3) == 0 {
			points = append(points, second)
		}
		dir := copyWorkspace(t, templateDir)
		db := filepath.Join(dir, "ws.db")
		line := strings.Join(args(db), " ")
		var what []string
		for _, p := range points {
			got := runUntil(home, dir, args(db), p.stop)
			if got.err != nil {
				t.Fatalf("run %d: %v", i, got.err)
			}
			what = append(what, fmt.Sprintf("killed %s (after %v)", p, got.took.Round(time.Millisecond)))
			if got.killed {
				landed++
			} else {
				what[len(what)-1] = fmt.Sprintf("to be killed %s, finished first (after %v)", p, got.took.Round(time.Millisecond))
				if !doneOrAlreadyDone(got) {
					t.Fatalf("run %d of `bollard %s`, %s: exit %d\n%s%s\nreplay: %s",
						i, line, strings.Join(what, ", then "), got.code, got.stdout, got.stderr, replay)
				}
			}
			if problems := faultProblems(t, db, false); len(problems) > 0 {
				t.Fatalf("run %d of `bollard %s`, %s: the workspace is not whole:\n  %s\nreplay: %s",
					i, line, strings.Join(what, ", then "), strings.Join(problems, "\n  "), replay)
			}
		}
		t.Logf("run %d: %s%s", i, strings.Join(what, ", then "), leftovers(dir, db, templateDir))

		// The officer runs the command again: it finishes the work, or says
		// the work is already done, and the workspace is whole again.
		again := runUntil(home, dir, args(db), func(time.Duration, int64) bool { return false })
		if again.err != nil || !doneOrAlreadyDone(again) {
			t.Fatalf("run %d of `bollard %s`, %s, then run again: exit %d %v\n%s%s\nreplay: %s",
				i, line, strings.Join(what, ", then "), again.code, again.err, again.stdout, again.stderr, replay)
		}
		if problems := faultProblems(t, db, true); len(problems) > 0 {
			t.Fatalf("run %d of `bollard %s`, %s, then run again: the workspace is not whole:\n  %s\nreplay: %s",
				i, line, strings.Join(what, ", then "), strings.Join(problems, "\n  "), replay)
		}
		if left := leftovers(dir, db, templateDir); left != "" {
			t.Logf("run %d, run again: still%s", i, strings.TrimPrefix(left, ";"))
		}
		os.RemoveAll(dir)
	}
	if landed == 0 {
		t.Errorf("in none of %d runs did a kill come before the command finished: nothing was tested (replay: %s)", runs, replay)
	}
}

// doneOrAlreadyDone says a run that was not killed ended well: it did the
// work, or refused because an earlier run had done it ("already holds
// cases", "already in the workspace", "already has this seizure").
func doneOrAlreadyDone(r runOutcome) bool {
	return r.code == 0 || r.code == 1 && strings.Contains(r.stdout+r.stderr, "already")
}

// killPoint is when one run is killed: after a time, or once the
// workspace's files have grown or shrunk by a number of bytes.
type killPoint struct {
	desc string
	stop func(took time.Duration, moved int64) bool
}

func (k killPoint) String() string { return k.desc }

// drawKillPoint draws a kill point within a whole run's time or the bytes
// it moves: a time, a size drawn evenly, or a size drawn evenly on a log
// scale, which lands as often in the first kilobytes (the file being made,
// its first page, the switch to WAL, the first temp file) as in the bulk of
// the work. It always makes the same draws, whatever it returns.
func drawKillPoint(rng *rand.Rand, whole runOutcome) killPoint {
	kind, frac := rng.IntN(3), rng.Float64()
	bytes := int64(frac * float64(whole.moved))
	if kind == 2 {
		bytes = int64(math.Pow(float64(whole.moved), frac))
	}
	if kind > 0 && bytes > 0 {
		return killPoint{fmt.Sprintf("once its files moved by %d bytes", bytes), func(took time.Duration, moved int64) bool {
			// A command stuck long past its measured time is killed anyway.
			return moved >= bytes || took > 3*whole.took+time.Second
		}}
	}
	at := time.Duration(frac * float64(whole.took))
	return killPoint{fmt.Sprintf("after %v", at.Round(time.Millisecond)), func(took time.Duration, _ int64) bool { return took >= at }}
}

// runOutcome is how a run ended.
type runOutcome struct {
	killed bool          // SIGKILL ended it
	code   int           // its exit status when it finished
	took   time.Duration // from start to exit
	moved  int64         // the most the workspace folder's size moved from its start
	stdout string
	stderr string
	err    error // it could not be run
}

// runUntil runs bollard and kills it with SIGKILL as soon as stop says so,
// given the time since the start and how far the size of the files in dir
// moved from what it was at the start (grown or shrunk).
func runUntil(home, dir string, args []string, stop func(took time.Duration, moved int64) bool) runOutcome {
	cmd := exec.Command(bollard, args...)
	cmd.Env = append(os.Environ(), "DISPLAY=", "WAYLAND_DISPLAY=", "BOLLARD_DB=", "BOLLARD_PASSPHRASE=", "HOME="+home, "XDG_DATA_HOME="+home)
	var outb, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &outb, &errb
	base := folderSize(dir)
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return runOutcome{err: err}
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var out runOutcome
	tick := time.NewTicker(500 * time.Microsecond)
	defer tick.Stop()
	for waiting := true; waiting; {
		select {
		case <-done:
			waiting = false
		case <-tick.C:
			moved := folderSize(dir) - base
			out.moved = max(out.moved, moved, -moved)
			if stop(time.Since(start), max(moved, -moved)) {
				cmd.Process.Signal(syscall.SIGKILL)
				<-done
				waiting = false
			}
		}
	}
	out.took = time.Since(start)
	out.stdout, out.stderr = outb.String(), errb.String()
	ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
	out.killed = ws.Signaled() && ws.Signal() == syscall.SIGKILL
	out.code = cmd.ProcessState.ExitCode()
	return out
}

// folderSize is the total size of the files under dir; files that come and
// go meanwhile are counted or not.
func folderSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// copyWorkspace copies the template folder (a workspace and its
// attachment folder, or nothing) to a new folder, keeping file modes and
// times.
func copyWorkspace(t *testing.T, template string) string {
	t.Helper()
	dst, err := os.MkdirTemp(t.TempDir(), "run")
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(template, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(template, path)
		to := filepath.Join(dst, rel)
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(to, info.Mode().Perm()|0o700)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.WriteFile(to, b, info.Mode().Perm()); err != nil {
			return err
		}
		// A file's age can decide what is swept or pruned: keep it.
		return os.Chtimes(to, info.ModTime(), info.ModTime())
	})
	if err != nil {
		t.Fatalf("copy the workspace: %v", err)
	}
	return dst
}

func initWorkspace(t *testing.T, db string) {
	t.Helper()
	must(t, 0, "--db", db, "init", "--plain", "--officer", "M. Torres", "--agency", "SVA", "--country", "ES", "--prefix", "ESA")
}

func absPath(t *testing.T, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// randomFile writes size random bytes to dir/name, as a photo or a video
// would be: nothing to compress, no two alike.
func randomFile(t *testing.T, dir, name string, size int, rng *rand.Rand) string {
	t.Helper()
	b := make([]byte, size)
	for i := 0; i < size; i += 8 {
		v := rng.Uint64()
		for j := 0; j < 8 && i+j < size; j++ {
			b[i+j] = byte(v >> (8 * j))
		}
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeSeizureSheet writes a spreadsheet of n distinct seizures, in the
// columns of the documented English example.
func writeSeizureSheet(t *testing.T, path string, n int, rng *rand.Rand) {
	t.Helper()
	var b strings.Builder
	b.WriteString("Date,Place,LOCODE,Commodity,Category,HS code,Quantity (kg),Value,Currency,Transport mode,Concealment,Detection,Container,Seals,Bill of lading,Origin,Transit,Destination,Officer,Notes\n")
	start := time.Date(2026, 1, 5, 6, 0, 0, 0, time.UTC)
	for i := range n {
		fmt.Fprintf(&b, "%s,Port of Rotterdam - Maasvlakte II,NLRTM,Cocaine hydrochloride in bricks,cocaine,2939.71,%d.5,,,Maritime container,In reefer %d,Scanner,,,,EC,PA,NL,J. de Vries,Row %d of a long sheet\n",
			start.Add(time.Duration(i)*time.Hour).Format(time.RFC3339), 10+rng.IntN(5000), i, i)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// plantUnreferencedFiles stores n files in the workspace's attachment folder
// that no exhibit has, as a crash between copying a file in and committing
// its exhibit leaves them, dated two days back so that no age rule keeps
// them from `files prune`.
func plantUnreferencedFiles(t *testing.T, db string, n, size int, rng *rand.Rand) {
	t.Helper()
	blobs, err := storage.OpenBlobs(storage.BlobDir(db), nil)
	if err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-48 * time.Hour)
	for i := range n {
		path := randomFile(t, t.TempDir(), fmt.Sprintf("lost%d.jpg", i), size, rng)
		blob, err := blobs.PutFile(path)
		if err != nil {
			t.Fatal(err)
		}
		os.Chtimes(blobs.Path(blob.SHA256), old, old)
	}
}
