//go:build !windows

package cli_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runWithin runs the binary, failing the test if it has not finished
// within the time given: a hang is what is tested for.
func runWithin(t *testing.T, d time.Duration, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	cmd := exec.CommandContext(ctx, bollard, args...)
	cmd.Env = append(os.Environ(), "DISPLAY=", "WAYLAND_DISPLAY=", "BOLLARD_DB=", "HOME="+t.TempDir(), "XDG_DATA_HOME="+t.TempDir())
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("bollard %v still running after %s", args, d)
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, out.String(), errb.String()}
}

// An attachment file replaced by a named pipe or by a symbolic link to
// /dev/zero: verify and export used to read it forever. Now verify names
// the exhibit and the file, and export refuses in one line.
func TestVerifyAndExportRefuseWhatIsNotAPlainFile(t *testing.T) {
	for _, c := range []struct {
		name string
		make func(p string) error
		what string
	}{
		{"a named pipe", func(p string) error { return syscall.Mkfifo(p, 0o600) }, "a named pipe"},
		{"a link to /dev/zero", func(p string) error { return os.Symlink("/dev/zero", p) }, "a symbolic link to /dev/zero"},
	} {
		t.Run(c.name, func(t *testing.T) {
			db, ref := demoCase(t)
			photo := filepath.Join(t.TempDir(), "IMG_2041.jpg")
			os.WriteFile(photo, []byte("\xFF\xD8\xFF\xE0 the brick"), 0o644)
			exhibit := strings.TrimSpace(must(t, 0, "--db", db, "evidence", "add", ref, "--description", "Brick", "--file", photo).stdout)
			sum := sha256.Sum256([]byte("\xFF\xD8\xFF\xE0 the brick"))
			sha := hex.EncodeToString(sum[:])
			p := filepath.Join(db+".files", sha[:2], sha)
			os.Chmod(p, 0o600)
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			if err := c.make(p); err != nil {
				t.Fatal(err)
			}
			r := runWithin(t, 30*time.Second, "--db", db, "verify")
			if r.code == 0 || !strings.Contains(r.stdout+r.stderr, "exhibit "+exhibit+": the file IMG_2041.jpg (SHA-256 "+sha+") is "+c.what) {
				t.Errorf("verify: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
			}
			r = runWithin(t, 30*time.Second, "--db", db, "export", ref, "--plain", "-o", filepath.Join(t.TempDir(), "out.bollard"))
			r.expect(t, 1, "export")
			if !strings.Contains(r.stderr, sha+" is "+c.what+", not a plain file") {
				t.Errorf("export: %s", r.stderr)
			}
		})
	}
}
