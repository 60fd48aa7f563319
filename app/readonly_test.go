package app_test

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"bollard/app"
	"bollard/model"
	"bollard/storage"
)

// exactSnapshot is every file and folder under dir: its mode, size and the
// SHA-256 of its bytes, so that a test can say nothing at all changed.
func exactSnapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		entry := info.Mode().String()
		if info.Mode().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			entry += fmt.Sprintf(" %d %x", len(b), sha256.Sum256(b))
		}
		out[rel] = entry
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// aClosedCopy makes a workspace with a case, an exhibit with a file and a
// checkpoint, closes it (folding the WAL into the file) and copies it,
// files and all, to a folder of its own. It returns the copy's path and
// the checkpoint's public key.
func aClosedCopy(t *testing.T) (path, key string) {
	t.Helper()
	w, _, _ := aCaseWithHistory(t)
	cp, err := w.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	src := w.Path()
	w.Close()
	dir := filepath.Join(t.TempDir(), "copy")
	if out, err := exec.Command("cp", "-a", filepath.Dir(src), dir).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v %s", err, out)
	}
	return filepath.Join(dir, filepath.Base(src)), cp.PublicKey
}

// verifyReadOnly runs verify as `bollard verify` does and wants it intact.
func verifyReadOnly(t *testing.T, path, key string) {
	t.Helper()
	w, err := app.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatalf("open read-only: %v", err)
	}
	defer w.Close()
	v, err := w.VerifyAgainst(ctx, nil, key)
	if err != nil {
		t.Fatal(err)
	}
	if !v.OK() || v.Files != 1 || v.Records != 5 {
		t.Fatalf("verify: %q, %d files, %d records", v.Problems, v.Files, v.Records)
	}
	if err := w.RememberPartner(ctx, model.Partner{PublicKey: "eA=="}); !errors.Is(err, storage.ErrReadOnly) {
		t.Errorf("a write through a read-only workspace: %v, want ErrReadOnly", err)
	}
}

// chattrImmutable marks path immutable, which even root cannot write
// through; it reports false where the file system or the tool does not
// allow it. The mark is taken off when the test ends.
func chattrImmutable(t *testing.T, path string) bool {
	t.Helper()
	if err := exec.Command("chattr", "+i", path).Run(); err != nil {
		t.Logf("chattr +i %s: %v: only the permission bits are tested", path, err)
		return false
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", path).Run() })
	return true
}

// verify reads and never writes: a 0444 copy, and a copy in a 0555 folder,
// are checked, and every byte of the database, its -wal and -shm files and
// the folder's listing are the same afterwards. Tests run as root, whom
// permissions do not stop: the byte-for-byte comparison is what proves
// nothing was written, and chattr +i (where available) makes the folder
// truly unwritable for root too.
func TestVerifyWritesNothing(t *testing.T) {
	t.Run("a 0444 copy", func(t *testing.T) {
		path, key := aClosedCopy(t)
		dir := filepath.Dir(path)
		if err := os.Chmod(path, 0o444); err != nil {
			t.Fatal(err)
		}
		before := exactSnapshot(t, dir)
		verifyReadOnly(t, path, key)
		if after := exactSnapshot(t, dir); !reflect.DeepEqual(before, after) {
			t.Errorf("verify changed the folder:\nbefore %v\nafter  %v", before, after)
		}
	})

	t.Run("a copy in a read-only folder", func(t *testing.T) {
		path, key := aClosedCopy(t)
		dir := filepath.Dir(path)
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		immutable := chattrImmutable(t, dir)
		before := exactSnapshot(t, dir)
		verifyReadOnly(t, path, key)
		if after := exactSnapshot(t, dir); !reflect.DeepEqual(before, after) {
			t.Errorf("verify changed the folder (chattr +i: %v):\nbefore %v\nafter  %v", immutable, before, after)
		}
	})

	t.Run("a copy taken while open, WAL and all, in a writable folder", func(t *testing.T) {
		w, _, _ := aCaseWithHistory(t)
		dir := t.TempDir()
		for _, suffix := range []string{"", "-wal", "-shm"} {
			b, err := os.ReadFile(w.Path() + suffix)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "w.db"+suffix), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		path := filepath.Join(dir, "w.db")
		before := exactSnapshot(t, dir)
		r, err := app.OpenReadOnly(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		v, err := r.Verify(ctx, nil)
		r.Close()
		// The attachment folder was not copied: its file is reported
		// missing, and the folder is not created.
		if err != nil || v.Records != 4 || len(v.Problems) != 1 || !strings.Contains(v.Problems[0], "is missing from the workspace") {
			t.Fatalf("verify: %q, %d records, %v", v.Problems, v.Records, err)
		}
		// SQLite rewrites its -shm index of the WAL; nothing else changes.
		after := exactSnapshot(t, dir)
		delete(before, "w.db-shm")
		delete(after, "w.db-shm")
		if !reflect.DeepEqual(before, after) {
			t.Errorf("verify changed the folder:\nbefore %v\nafter  %v", before, after)
		}
	})

	t.Run("a copy with changes still in its WAL, in a folder that cannot be written, is refused plainly", func(t *testing.T) {
		w, _, _ := aCaseWithHistory(t)
		dir := t.TempDir()
		for _, suffix := range []string{"", "-wal"} {
			b, _ := os.ReadFile(w.Path() + suffix)
			os.WriteFile(filepath.Join(dir, "w.db"+suffix), b, 0o444)
		}
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		before := exactSnapshot(t, dir)
		_, err := app.OpenReadOnly(ctx, filepath.Join(dir, "w.db"))
		if err == nil || !strings.Contains(err.Error(), "its last changes still wait in w.db-wal") ||
			!strings.Contains(err.Error(), "nothing was changed") {
			t.Fatalf("open: %v", err)
		}
		if after := exactSnapshot(t, dir); !reflect.DeepEqual(before, after) {
			t.Errorf("the refused open changed the folder")
		}
	})

	t.Run("a workspace of an older schema is refused, not migrated", func(t *testing.T) {
		path, _ := aClosedCopy(t)
		sqlOnPath(t, path, fmt.Sprintf(`DELETE FROM schema_migrations WHERE version = %d`, app.SchemaVersion()))
		before := exactSnapshot(t, filepath.Dir(path))
		_, err := app.OpenReadOnly(ctx, path)
		want := fmt.Sprintf("has schema %d and this Bollard reads schema %d", app.SchemaVersion()-1, app.SchemaVersion())
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("open an older workspace read-only: %v, want %q", err, want)
		}
		if after := exactSnapshot(t, filepath.Dir(path)); !reflect.DeepEqual(before, after) {
			t.Errorf("the refused open changed the folder:\nbefore %v\nafter  %v", before, after)
		}
	})
}
