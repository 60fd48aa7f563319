package storage

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// writerWait is how long a write waits for another program's write to end
// before it gives up and says who holds the workspace: short enough that an
// officer hears within 5 s why nothing happens.
const writerWait = 4 * time.Second

// ErrWorkspaceBusy says another program is writing to the workspace and
// did not finish in time; the error's text names that program.
var ErrWorkspaceBusy = errors.New("the workspace is being written by another program")

// ErrReadOnly says a workspace opened only to be read (by verify) was asked
// to write.
var ErrReadOnly = errors.New("storage: the workspace was opened read-only; nothing can be saved through it")

// Holder is who holds a workspace's write lock, as the holder wrote it
// beside the workspace file: SQLite's lock says only that someone holds it.
type Holder struct {
	Program string    `json:"program"` // "bollard demo", "bollard" (the window)
	PID     int       `json:"pid"`
	Since   time.Time `json:"since"`
}

// holderPath is the small file a writer keeps beside the workspace while it
// holds the write lock. Another program reads it without any lock.
func holderPath(workspacePath string) string { return workspacePath + "-writer" }

// hold records this program as the workspace's writer, and returns what
// clears the record. The record is a courtesy to whoever waits: a failure to
// write it never stops the write itself, and a record left by a crash is
// replaced by the next writer.
func (s *Store) hold() (release func()) {
	b, _ := json.Marshal(Holder{Program: programName(os.Args), PID: os.Getpid(), Since: time.Now()})
	p := holderPath(s.path)
	if os.WriteFile(p, b, 0o600) != nil {
		return func() {}
	}
	return func() {
		// The lock is released at commit, just before this runs: the next
		// writer may already have left its own record, which must stay.
		if now, err := os.ReadFile(p); err == nil && string(now) == string(b) {
			os.Remove(p)
		}
	}
}

// busy is the error of a write that waited writerWait for another
// program: it names that program when it left its record.
func (s *Store) busy(err error) error {
	if h, ok := ReadHolder(s.path); ok {
		return busyError(fmt.Sprintf("the workspace is being written by `%s` (pid %d) since %s; try again when it finishes",
			h.Program, h.PID, h.Since.Local().Format("15:04:05")))
	}
	return busyError(fmt.Sprintf("the workspace is being written by another program, which left no note of who it is; try again when it finishes (SQLite: %v)", sqliteText(err)))
}

// sqliteText is the driver's own words for err, without the layers of
// context wrapped around them.
func sqliteText(err error) string {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Error()
	}
	return err.Error()
}

// busyError is the one-line message of a write that could not wait longer;
// it matches ErrWorkspaceBusy.
type busyError string

func (e busyError) Error() string        { return string(e) }
func (e busyError) Is(target error) bool { return target == ErrWorkspaceBusy }

// ReadHolder returns who holds the workspace at workspacePath for writing,
// ok false when nobody left a record (nobody holds it, or a program other
// than Bollard does) or when the program that left it is no longer running
// (it was killed mid-write): an officer must not go looking for it.
func ReadHolder(workspacePath string) (h Holder, ok bool) {
	b, err := os.ReadFile(holderPath(workspacePath))
	if err != nil || json.Unmarshal(b, &h) != nil || h.PID == 0 || !processAlive(h.PID) {
		return Holder{}, false
	}
	return h, true
}

// programName names the running program for the record: its file name and
// the words of its command, without flags and their values, so that
// "bollard --db x.db custody add DEMO-2026-0001/EX-001 --action seized"
// reads "bollard custody add".
func programName(args []string) string {
	if len(args) == 0 {
		return "bollard"
	}
	name := args[0]
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:] // a Windows path is read the same on every system
	}
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".exe" || ext == ".com" {
		name = name[:len(name)-len(ext)] // Bollard.exe, the window; bollard.com, the command line
	}
	words := []string{name}
	for i := 1; i < len(args) && len(words) < 3; i++ {
		a := args[i]
		if strings.HasPrefix(a, "-") {
			if !strings.Contains(a, "=") && (a == "--db" || a == "-db") {
				i++ // the flag's value
			}
			if len(words) > 1 {
				break // the command's own flags: its words are done
			}
			continue
		}
		if len(words) > 1 && strings.ContainsAny(a, "/.0123456789") {
			break // a ref or a file, not a command word
		}
		words = append(words, a)
	}
	return strings.Join(words, " ")
}
