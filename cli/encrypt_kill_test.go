package cli_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"bollard/app"
	"bollard/model"
	"bollard/storage"
	"bollard/storage/lockbox"
)

// encryptSteps are the points of bollard encrypt where the kill tests
// kill it (BOLLARD_TEST_KILL_AT, see storage.EncryptStep): before its
// commit point, at it, and at every rename and removal after it.
var encryptSteps = []string{
	"lockbox made", "database copied", "sealed a file", "attachments sealed",
	"committed", "plaintext database set aside", "plaintext attachments set aside",
	"sealed attachments in place", "lockbox in place", "encrypted database in place",
	"shredded .plaintext", "shredded a file", "shredded attachments",
}

// A bollard encrypt killed (SIGKILL) at any of its steps leaves either
// the plaintext workspace whole, or the encrypted one complete once it is
// opened; and bollard encrypt run again finishes the job, leaving no
// plaintext byte behind.
func TestKilledEncryptLeavesOneWholeWorkspace(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a dozen conversions")
	}
	pass := filepath.Join(t.TempDir(), "pass")
	os.WriteFile(pass, []byte("cold chain through Algeciras\n"), 0o600)
	for _, step := range encryptSteps {
		// Killed there, then encrypt run again at once.
		t.Run(step+" then encrypt", func(t *testing.T) {
			db, want := encryptableWorkspace(t)
			if r := runEncryptBinary(t, db, pass, step); r.code == 0 {
				t.Fatalf("encrypt was not killed at %q:\n%s", step, r.stderr)
			}
			if r := runEncryptBinary(t, db, pass, ""); r.code != 0 {
				t.Fatalf("encrypt again: %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			checkUnlocked(t, db, want)
			noPlaintextLeft(t, db, want)
		})
		// Killed there, then opened.
		t.Run(step+" then open", func(t *testing.T) {
			db, want := encryptableWorkspace(t)
			r := runEncryptBinary(t, db, pass, step)
			if r.code == 0 {
				t.Fatalf("encrypt was not killed at %q:\n%s", step, r.stderr)
			}
			ctx := t.Context()
			w, err := app.Open(ctx, db)
			switch {
			case err == nil:
				if committed := step != "lockbox made" && step != "database copied" && step != "sealed a file" && step != "attachments sealed"; committed {
					t.Errorf("killed after the commit point (%s), the workspace opens as plaintext", step)
				}
				checkWorkspace(t, w, want, nil)
				w.Close()
			case errors.Is(err, app.ErrEncrypted):
				checkUnlocked(t, db, want)
			default:
				t.Fatalf("after a kill at %q the workspace opens neither way: %v", step, err)
			}
			r = runEncryptBinary(t, db, pass, "")
			if r.code != 0 && !strings.Contains(r.stderr, "already encrypted") {
				t.Fatalf("encrypt again: %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			checkUnlocked(t, db, want)
			noPlaintextLeft(t, db, want)
		})
	}
}

// before is what a workspace held before it was encrypted.
type before struct {
	cases int
	head  model.AuditEntry
	files map[string][]byte
	words []string
}

// encryptableWorkspace makes a small demo workspace with an exhibit file.
func encryptableWorkspace(t *testing.T) (string, before) {
	db, ref := demoCase(t)
	note := filepath.Join(t.TempDir(), "manifest.txt")
	os.WriteFile(note, []byte("BILL OF LADING MSCU7781234 consignee Hacienda Zurbarán"), 0o644)
	photo := filepath.Join(t.TempDir(), "IMG_2041.jpg")
	os.WriteFile(photo, []byte("\xFF\xD8\xFF\xE0 the brick, stamped Rolex, seal BE-0042"), 0o644)
	must(t, 0, "--db", db, "evidence", "add", ref, "--kind", "document", "--description", "Manifest", "--file", note, "--file", photo)
	b := before{files: map[string][]byte{}, words: []string{ref, "MSCU7781234", "stamped Rolex"}}
	w, err := app.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	cases, _ := w.Cases(t.Context(), model.CaseFilter{})
	b.cases = len(cases)
	for _, c := range cases {
		b.words = append(b.words, c.Title)
	}
	b.head, _ = w.AuditHead(t.Context())
	filepath.WalkDir(storage.BlobDir(db), func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && len(d.Name()) == 64 {
			b.files[d.Name()], _ = os.ReadFile(p)
		}
		return nil
	})
	if len(b.files) < 2 {
		t.Fatalf("%d files", len(b.files))
	}
	return db, b
}

// killable is bollard built with the tag killpoints, whose encrypt kills
// itself at the step BOLLARD_TEST_KILL_AT names (storage.EncryptStep); the
// program as shipped has no such hook. Built once, when first needed.
var killable = sync.OnceValues(func() (string, error) {
	bin := bollard + "-killable"
	build := exec.Command("go", "build", "-tags", "killpoints", "-o", bin, "..")
	if out, err := build.CombinedOutput(); err != nil {
		return "", fmt.Errorf("build bollard with killpoints: %v\n%s", err, out)
	}
	return bin, nil
})

func runEncryptBinary(t *testing.T, db, passFile, killAt string, flags ...string) result {
	t.Helper()
	bin := bollard
	if killAt != "" {
		var err error
		if bin, err = killable(); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bin, append([]string{"--db", db, "encrypt"}, flags...)...)
	cmd.Env = append(os.Environ(), "DISPLAY=", "WAYLAND_DISPLAY=", "BOLLARD_PASSPHRASE_FILE="+passFile, "BOLLARD_TEST_KILL_AT="+killAt)
	return runCommand(t, cmd)
}

// checkWorkspace checks an open workspace holds what it held before;
// key, for an encrypted one, opens its files.
func checkWorkspace(t *testing.T, w *app.Workspace, want before, key []byte) {
	t.Helper()
	cases, err := w.Cases(t.Context(), model.CaseFilter{})
	if err != nil || len(cases) != want.cases {
		t.Errorf("%d cases (%v), want %d", len(cases), err, want.cases)
	}
	if h, err := w.AuditHead(t.Context()); err != nil || h.Hash != want.head.Hash {
		t.Errorf("audit head %d (%v), want %d", h.Seq, err, want.head.Seq)
	}
	for sha, body := range want.files {
		f, err := os.Open(filepath.Join(storage.BlobDir(w.Path()), sha[:2], sha))
		if err != nil {
			t.Errorf("file %s: %v", sha, err)
			continue
		}
		var r io.Reader = f
		if key != nil {
			if r, err = storage.OpenSealedAttachment(f, key); err != nil {
				t.Errorf("file %s: %v", sha, err)
				f.Close()
				continue
			}
		}
		got, err := io.ReadAll(r)
		f.Close()
		if err != nil || !bytes.Equal(got, body) {
			t.Errorf("file %s: %d bytes (%v), want %d", sha, len(got), err, len(body))
		}
	}
}

func checkUnlocked(t *testing.T, db string, want before) {
	t.Helper()
	secret := []byte("cold chain through Algeciras")
	w, err := app.Unlock(t.Context(), db, secret)
	if err != nil {
		t.Fatalf("unlock: %v", err)
	}
	defer w.Close()
	key, err := lockbox.Unlock(db, secret)
	if err != nil {
		t.Fatal(err)
	}
	checkWorkspace(t, w, want, lockbox.AttachmentKey(key))
}

// noPlaintextLeft looks in every byte under the workspace's folder for
// what the plaintext workspace held.
func noPlaintextLeft(t *testing.T, db string, want before) {
	t.Helper()
	needles := [][]byte{[]byte("SQLite format 3")}
	for _, w := range want.words {
		needles = append(needles, []byte(w))
	}
	for _, b := range want.files {
		needles = append(needles, b[len(b)/2:min(len(b), len(b)/2+32)])
	}
	filepath.WalkDir(filepath.Dir(db), func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		b, _ := os.ReadFile(p)
		for _, n := range needles {
			if bytes.Contains(b, n) {
				t.Errorf("%s holds the plaintext %q", p, n[:min(len(n), 24)])
			}
		}
		if rel, _ := filepath.Rel(filepath.Dir(db), p); strings.Contains(rel, ".plaintext") || strings.Contains(rel, ".encrypting") || strings.Contains(rel, ".encrypt-") {
			t.Errorf("%s is left over", p)
		}
		return nil
	})
}

// The same property with kills at seeded random moments of a whole run,
// not only at the named steps: wherever the kill lands, the workspace
// opens whole one way or the other, and encrypt run again finishes.
func TestEncryptKilledAtRandomMoments(t *testing.T) {
	if testing.Short() {
		t.Skip("kills several conversions")
	}
	pass := filepath.Join(t.TempDir(), "pass")
	os.WriteFile(pass, []byte("cold chain through Algeciras\n"), 0o600)
	db, _ := encryptableWorkspace(t)
	began := time.Now()
	if r := runEncryptBinary(t, db, pass, ""); r.code != 0 {
		t.Fatalf("encrypt: %s", r.stderr)
	}
	took := time.Since(began)
	rng := rand.New(rand.NewPCG(19, 35))
	for i := range 6 {
		after := time.Duration(rng.Int64N(int64(took)))
		t.Run(fmt.Sprintf("run %d", i), func(t *testing.T) {
			db, want := encryptableWorkspace(t)
			cmd := exec.Command(bollard, "--db", db, "encrypt")
			cmd.Env = append(os.Environ(), "DISPLAY=", "WAYLAND_DISPLAY=", "BOLLARD_PASSPHRASE_FILE="+pass)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(after)
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			w, err := app.Open(t.Context(), db)
			switch {
			case err == nil:
				checkWorkspace(t, w, want, nil)
				w.Close()
			case errors.Is(err, app.ErrEncrypted):
				checkUnlocked(t, db, want)
			default:
				t.Fatalf("killed after %v the workspace opens neither way: %v", after, err)
			}
			if r := runEncryptBinary(t, db, pass, ""); r.code != 0 && !strings.Contains(r.stderr, "already encrypted") {
				t.Fatalf("encrypt again: %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			checkUnlocked(t, db, want)
			noPlaintextLeft(t, db, want)
		})
	}
}

// A conversion killed after its commit point never printed its recovery
// key: encrypt --recovery run again finishes it and prints a new one,
// which unlocks the workspace.
func TestResumedEncryptPrintsANewRecoveryKey(t *testing.T) {
	pass := filepath.Join(t.TempDir(), "pass")
	os.WriteFile(pass, []byte("cold chain through Algeciras\n"), 0o600)
	db, want := encryptableWorkspace(t)
	if r := runEncryptBinary(t, db, pass, "lockbox in place", "--recovery"); r.code == 0 {
		t.Fatal("encrypt was not killed")
	}
	r := runEncryptBinary(t, db, pass, "", "--recovery")
	if r.code != 0 || !strings.Contains(r.stdout, "cut short has been finished") {
		t.Fatalf("encrypt again: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	var code string
	for _, line := range strings.Split(r.stdout, "\n") {
		if l := strings.TrimSpace(line); strings.Count(l, "-") == 7 && len(l) == 39 {
			code = l
		}
	}
	if code == "" {
		t.Fatalf("no recovery key printed:\n%s", r.stdout)
	}
	w, err := app.Unlock(t.Context(), db, []byte(code))
	if err != nil {
		t.Fatalf("unlock with the new recovery key: %v", err)
	}
	w.Close()
	noPlaintextLeft(t, db, want)
}

// The program as shipped has no kill hook: BOLLARD_TEST_KILL_AT in its
// environment changes nothing.
func TestShippedEncryptHasNoKillHook(t *testing.T) {
	db, _ := encryptableWorkspace(t)
	pass := secretFile(t, "cold chain through Algeciras")
	cmd := exec.Command(bollard, "--db", db, "encrypt")
	cmd.Env = append(os.Environ(), "DISPLAY=", "WAYLAND_DISPLAY=", "BOLLARD_PASSPHRASE_FILE="+pass, "BOLLARD_TEST_KILL_AT=committed")
	if r := runCommand(t, cmd); r.code != 0 {
		t.Fatalf("encrypt with BOLLARD_TEST_KILL_AT set: exit %d\n%s", r.code, r.stderr)
	}
}
