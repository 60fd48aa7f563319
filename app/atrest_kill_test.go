//go:build unix

package app_test

import (
	"bufio"
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"bollard/app"
	"bollard/app/demo"
	"bollard/model"
)

// The writer the kill test starts in a process of its own and kills with
// SIGKILL: it fills the encrypted workspace with a demo, printing a line
// after each batch saved, or adds as evidence a file it reads from a pipe.
const (
	envKillWriter = "BOLLARD_ATREST_WRITER" // the workspace to write to
	envKillStep   = "BOLLARD_ATREST_STEP"   // "demo" or "evidence"
	envKillFile   = "BOLLARD_ATREST_FILE"   // the pipe the evidence comes through
	killPassword  = "a passphrase for the kill test"
	killMarker    = "Bill of lading MSCU7781234, consignee Hacienda Zurbaran, plaintext marker\n"
)

func TestMain(m *testing.M) {
	if path := os.Getenv(envKillWriter); path != "" {
		if err := killWriter(path); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func killWriter(path string) error {
	ctx := context.Background()
	w, err := app.Unlock(ctx, path, []byte(killPassword))
	if err != nil {
		return err
	}
	defer w.Close()
	switch os.Getenv(envKillStep) {
	case "demo":
		_, err = demo.Fill(ctx, w, demo.Options{Cases: 3000, Seed: 5, Progress: func(done, total int) {
			fmt.Printf("saved %d of %d\n", done, total)
		}})
		return err
	case "evidence":
		cases, err := w.Cases(ctx, model.CaseFilter{})
		if err != nil || len(cases) == 0 {
			return fmt.Errorf("no case to add evidence to (%v)", err)
		}
		_, err = w.AddEvidence(ctx, model.EvidenceItem{CaseID: cases[0].ID, Description: "bill of lading scan",
			Kind: model.EvidenceDocument}, os.Getenv(envKillFile))
		return err
	}
	return fmt.Errorf("no such step %q", os.Getenv(envKillStep))
}

// TestNothingReadableAfterKill is the grep test after a kill -9 mid-write:
// a demo killed between two batches, then an evidence file killed halfway
// through being stored. Nothing of either is readable in the workspace's
// folder or the temp folder, and the workspace still unlocks, holding
// what was committed.
func TestNothingReadableAfterKill(t *testing.T) {
	dir := t.TempDir()
	temp := t.TempDir()
	path := filepath.Join(dir, "ws.db")
	w, _, err := app.Create(ctx, path, []byte(killPassword), false)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()

	writer := func(step string, extra ...string) *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), envKillWriter+"="+path, envKillStep+"="+step, "TMPDIR="+temp)
		cmd.Env = append(cmd.Env, extra...)
		cmd.Stderr = os.Stderr
		return cmd
	}

	// The demo, killed while it writes its third batch.
	cmd := writer("demo")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	for batches := 0; batches < 2; batches++ {
		if !lines.Scan() {
			t.Fatalf("the demo writer stopped before its second batch (%v)", cmd.Wait())
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err == nil {
		t.Fatal("the demo writer finished before it was killed")
	}

	// The evidence, killed with 8 MB of it read: the pipe gives no more
	// until the writer is gone.
	pipe := filepath.Join(t.TempDir(), "bill-of-lading-scan.pdf")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd = writer("evidence", envKillFile+"="+pipe)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	feed, err := os.OpenFile(pipe, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	chunk := []byte(strings.Repeat(killMarker, 1<<16/len(killMarker)))
	for n := 0; n < 8<<20; n += len(chunk) {
		if _, err := feed.Write(chunk); err != nil {
			t.Fatalf("the evidence writer stopped reading: %v", err)
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	feed.Close()

	// What the kills left is kept aside before the workspace is opened
	// again, which clears the killed writers' temp files.
	left := t.TempDir()
	copyTree(t, dir, filepath.Join(left, "workspace"))
	copyTree(t, temp, filepath.Join(left, "temp"))
	if !holdsFileOver(t, filepath.Join(left, "workspace"), "tmp", 4<<20) {
		t.Fatal("the killed evidence writer left no temp file of its 8 MB: the kill did not land mid-write")
	}

	// What was committed is there, and nothing of it is readable.
	w, err = app.Unlock(ctx, path, []byte(killPassword))
	if err != nil {
		t.Fatalf("the workspace does not unlock after the kills: %v", err)
	}
	defer w.Close()
	needles := valuesOf(t, w)
	if len(needles) < 50 {
		t.Fatalf("only %d values to look for: the demo's first batches saved so little?", len(needles))
	}
	needles = sample(needles, 600)
	needles[strings.TrimSpace(killMarker)] = true
	needles["bill-of-lading-scan"] = true
	t.Logf("looking for %d values", len(needles))
	lookForPlaintext(t, needles, dir, temp, left)
}

// copyTree copies the regular files under from to to.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(to, rel)), 0o700); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// holdsFileOver reports whether a file of more than size bytes lies under
// a folder named folder somewhere below dir.
func holdsFileOver(t *testing.T, dir, folder string, size int64) bool {
	t.Helper()
	found := false
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && strings.Contains(p, string(filepath.Separator)+folder+string(filepath.Separator)) {
			if info, err := d.Info(); err == nil && info.Size() > size {
				found = true
			}
		}
		return nil
	})
	return found
}

// sample keeps about n of the values, spread over them in sorted order:
// a page the cipher left in the clear would hold several of the demo's
// thousands, and looking for all of them in every byte takes half a minute.
func sample(values map[string]bool, n int) map[string]bool {
	all := slices.Sorted(maps.Keys(values))
	step := max(1, len(all)/n)
	out := map[string]bool{}
	for i := 0; i < len(all); i += step {
		out[all[i]] = true
	}
	return out
}
