package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// holdWriteLock takes the workspace's write lock from a connection of its
// own, as another program would, until the test ends or release is called.
func holdWriteLock(t *testing.T, path string) (release func()) {
	t.Helper()
	db, err := sql.Open("sqlite3", dsn(path, false, nil))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	tx, err := db.Begin() // BEGIN IMMEDIATE: the write lock, now
	if err != nil {
		t.Fatal(err)
	}
	done := false
	release = func() {
		if !done {
			done = true
			tx.Rollback()
			db.Close()
		}
	}
	t.Cleanup(release)
	return release
}

// Opening an up-to-date workspace never waits for a writer, and reading
// never does either; a write waiting for another program gives up within
// 5 s with a message, instead of the ~50 s it once took.
func TestOpeningNeverWaitsForAWriter(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.db")
	s := mustOpenAt(t, path)
	insertCase(t, s, newCase("held"))
	s.Close()
	holdWriteLock(t, path)

	began := time.Now()
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("open while another program writes: %v", err)
	}
	defer s2.Close()
	if n := countRows(t, s2, "cases"); n != 1 {
		t.Fatalf("cases read while another program writes: %d, want 1", n)
	}
	if took := time.Since(began); took > time.Second {
		t.Errorf("opening and reading took %v while another program held the write lock", took)
	}

	began = time.Now()
	err = s2.Write(ctx, func(tx *Tx) error { return nil })
	took := time.Since(began)
	if !errors.Is(err, ErrWorkspaceBusy) || !strings.Contains(err.Error(), "try again when it finishes") {
		t.Fatalf("write while another program writes: %v, want ErrWorkspaceBusy", err)
	}
	if took > 5*time.Second || took < writerWait/2 {
		t.Errorf("the write gave up after %v, want about %v and within 5 s", took, writerWait)
	}
}

// A program writing leaves who it is beside the workspace, and one that
// waits for it names it; the record goes when the write ends.
func TestAWaitingWriterNamesTheHolder(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.db")
	holder := mustOpenAt(t, path)
	waiter := mustOpenAt(t, path)

	inside, finish := make(chan struct{}), make(chan struct{})
	held := make(chan error, 1)
	go func() {
		held <- holder.Write(ctx, func(tx *Tx) error {
			close(inside)
			<-finish
			return nil
		})
	}()
	<-inside
	h, ok := ReadHolder(path)
	if !ok || h.PID != os.Getpid() || time.Since(h.Since) > time.Minute {
		t.Fatalf("holder record while writing: %+v, %v", h, ok)
	}
	err := waiter.Write(ctx, func(tx *Tx) error { return nil })
	want := fmt.Sprintf("the workspace is being written by `%s` (pid %d) since %s; try again when it finishes",
		programName(os.Args), os.Getpid(), h.Since.Local().Format("15:04:05"))
	if err == nil || err.Error() != want {
		t.Fatalf("waiting write: %v\nwant: %s", err, want)
	}
	close(finish)
	if err := <-held; err != nil {
		t.Fatal(err)
	}
	if _, ok := ReadHolder(path); ok {
		t.Error("the holder record is still there after the write ended")
	}
	if err := waiter.Write(ctx, func(tx *Tx) error { return nil }); err != nil {
		t.Fatalf("write after the other ended: %v", err)
	}
}

func TestProgramName(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"/usr/bin/bollard"}, "bollard"},
		{[]string{"bollard", "--db", "x.db", "demo", "--cases", "5"}, "bollard demo"},
		{[]string{"bollard", "--db=x.db", "custody", "add", "DEMO-2026-0001/EX-001", "--action", "seized"}, "bollard custody add"},
		{[]string{`C:\bollard.exe`, "case", "show", "ESA-2026-0001"}, "bollard case show"},
		{[]string{`C:\Program Files\Bollard\bollard.com`, "demo"}, "bollard demo"},
		{[]string{`C:\Bollard\Bollard.EXE`}, "Bollard"},
		{[]string{"bollard", "import", "pkg.bollard"}, "bollard import"},
	} {
		if got := programName(tc.args); got != tc.want {
			t.Errorf("programName(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}

// An up-to-date workspace is opened without a single write: the file is
// byte for byte the same after opening and reading.
func TestOpeningWritesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	s := mustOpenAt(t, path)
	insertCase(t, s, newCase("still"))
	s.Close() // the last connection checkpoints the WAL into the file
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s = mustOpenAt(t, path)
	countRows(t, s, "cases")
	if wal, err := os.Stat(path + "-wal"); err == nil && wal.Size() > 0 {
		t.Errorf("opening wrote %d bytes to the WAL", wal.Size())
	}
	s.Close()
	after, _ := os.ReadFile(path)
	if !bytesEqual(before, after) {
		t.Error("opening and reading changed the workspace file")
	}
}

func bytesEqual(a, b []byte) bool { return string(a) == string(b) }

// The note of a program killed while it wrote is not believed: the waiting
// side must not send the officer looking for a program that is gone.
func TestANoteLeftByAKilledWriterIsNotBelieved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Skip("no `true` to run:", err)
	}
	for _, c := range []struct {
		pid  int
		want bool
	}{{os.Getpid(), true}, {gone.Process.Pid, false}} {
		b, _ := json.Marshal(Holder{Program: "bollard import", PID: c.pid, Since: time.Now()})
		if err := os.WriteFile(holderPath(path), b, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, ok := ReadHolder(path); ok != c.want {
			t.Errorf("note of pid %d (running: %v) believed: %v", c.pid, c.want, ok)
		}
	}
}
