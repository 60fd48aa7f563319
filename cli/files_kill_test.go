package cli_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A prune killed at any moment loses no file without its audit entry: each
// file it was removing is still in the store, or set aside with no entry
// yet (and the next prune puts it back and removes it properly), or
// removed with its entry. After the next prune every one is gone with
// exactly one entry, the attached file is untouched, and verify is intact.
func TestKilledPruneLosesNothingUnaudited(t *testing.T) {
	if testing.Short() {
		t.Skip("kills several prunes of 2,000 files")
	}
	// A workspace with an attached photo and 2,000 copies no exhibit has.
	setup := func(t *testing.T) (db string, strays map[string]string) {
		db, ref := demoCase(t)
		photo := filepath.Join(t.TempDir(), "IMG_10.jpg")
		os.WriteFile(photo, []byte("\xFF\xD8\xFF attached, never pruned"), 0o644)
		must(t, 0, "--db", db, "evidence", "add", ref, "--description", "Photo", "--file", photo)
		strays = map[string]string{}
		for i := range 2000 {
			body := fmt.Sprintf("stray copy %d", i)
			sum := sha256.Sum256([]byte(body))
			sha := hex.EncodeToString(sum[:])
			p := filepath.Join(db+".files", sha[:2], sha)
			os.MkdirAll(filepath.Dir(p), 0o700)
			if err := os.WriteFile(p, []byte(body), 0o400); err != nil {
				t.Fatal(err)
			}
			strays[sha] = body
		}
		return db, strays
	}
	start := func(t *testing.T, db string) *exec.Cmd {
		cmd := exec.Command(bollard, "--db", db, "files", "prune")
		cmd.Env = append(os.Environ(), "DISPLAY=")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	// How long a whole prune takes here, to spread the kills over it.
	db, _ := setup(t)
	began := time.Now()
	start(t, db).Wait()
	took := time.Since(began)
	t.Logf("a whole prune of 2,000 files takes %v", took)

	settingAside := func(db string, _ time.Time) bool {
		m, _ := filepath.Glob(filepath.Join(db+".files", "pruning", "*", "*"))
		return len(m) >= 100
	}
	at := func(frac float64) func(string, time.Time) bool {
		return func(_ string, started time.Time) bool {
			return time.Since(started) >= time.Duration(frac*float64(took))
		}
	}
	for _, point := range []struct {
		name string
		wait func(db string, started time.Time) bool
	}{
		{"at once", at(0)},
		{"while setting files aside", settingAside},
		{"at 40%", at(0.4)},
		{"at 80%", at(0.8)},
		{"at 95%", at(0.95)},
	} {
		t.Run(point.name, func(t *testing.T) {
			db, strays := setup(t)
			started := time.Now()
			cmd := start(t, db)
			for deadline := time.Now().Add(20 * time.Second); !point.wait(db, started) && time.Now().Before(deadline); {
				time.Sleep(time.Millisecond)
			}
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()

			audited := prunedInAudit(t, db)
			inStore, setAside, entries := 0, 0, 0
			for sha, body := range strays {
				p := filepath.Join(db+".files", sha[:2], sha)
				aside, _ := filepath.Glob(filepath.Join(db+".files", "pruning", "*", sha))
				switch {
				case audited[sha] > 0:
					entries++
				case fileHolds(p, body):
					inStore++
				case len(aside) == 1 && fileHolds(aside[0], body):
					setAside++
				default:
					t.Fatalf("file %s is gone with no audit entry", sha[:12])
				}
			}
			t.Logf("killed %s: %d still stored, %d set aside uncommitted, %d removed with their entry", point.name, inStore, setAside, entries)

			must(t, 0, "--db", db, "files", "prune")
			audited = prunedInAudit(t, db)
			for sha := range strays {
				if audited[sha] != 1 {
					t.Fatalf("file %s has %d audit entries after the second prune, want 1", sha[:12], audited[sha])
				}
				if _, err := os.Stat(filepath.Join(db+".files", sha[:2], sha)); !os.IsNotExist(err) {
					t.Fatalf("file %s is still stored: %v", sha[:12], err)
				}
			}
			if left, _ := os.ReadDir(filepath.Join(db+".files", "pruning")); len(left) != 0 {
				t.Errorf("set aside after the second prune: %v", left)
			}
			if r := must(t, 0, "--db", db, "verify"); !strings.Contains(r.stdout, "1 attachment files") || !strings.Contains(r.stdout, "all intact") {
				t.Errorf("verify:\n%s", r.stdout)
			}
		})
	}
}

// prunedInAudit counts the prune entries for each hash.
func prunedInAudit(t *testing.T, db string) map[string]int {
	t.Helper()
	r := must(t, 0, "--db", db, "audit", "--json")
	counts := map[string]int{}
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	for dec.More() {
		var e struct {
			RecordType string `json:"record_type"`
			RecordID   string `json:"record_id"`
			Action     string
		}
		if err := dec.Decode(&e); err != nil {
			t.Fatal(err)
		}
		if e.RecordType == "attachment file" && e.Action == "remove" {
			counts[e.RecordID]++
		}
	}
	return counts
}

func fileHolds(path, body string) bool {
	b, err := os.ReadFile(path)
	return err == nil && string(b) == body
}
