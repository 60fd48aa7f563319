package storage

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"bollard/storage/disk/disktest"
)

// A lock is held by one program at a time, yet the lock file stays a file
// like any other: readable, and removable by its holder before it lets go.
func TestLockFileWindows(t *testing.T) {
	p := filepath.Join(disktest.TempFolder(t), "00112233aabbccdd.lock")
	f, err := lockFile(p, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lockFile(p, false); !errors.Is(err, errHeld) {
		t.Fatalf("second lock: %v, want errHeld", err)
	}
	if _, err := lockFile(p, true); !errors.Is(err, os.ErrExist) {
		t.Fatalf("second creation: %v, want ErrExist", err)
	}
	if _, err := os.ReadFile(p); err != nil {
		t.Errorf("reading a held lock file: %v", err)
	}
	if !stillNamed(f, p) {
		t.Error("stillNamed is false for the lock just taken")
	}
	f.Close()
	again, err := lockFile(p, false)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	if err := os.Remove(p); err != nil {
		t.Errorf("removing the lock file while holding it: %v", err)
	}
	again.Close()
	if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock file stayed: %v", err)
	}
}

// Releasing the encrypt lock with remove set leaves no lock file.
func TestLockEncryptingWindows(t *testing.T) {
	path := filepath.Join(disktest.TempFolder(t), "ws.db")
	release, err := LockEncrypting(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LockEncrypting(path); !errors.Is(err, ErrBeingEncrypted) {
		t.Fatalf("second lock: %v, want ErrBeingEncrypted", err)
	}
	release(true)
	if _, err := os.Stat(EncryptFiles(path).Lock); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock file stayed: %v", err)
	}
}

// A running program's temp session is readable by anyone who walks the
// workspace's folder (a backup, a check of every file), its lock file too.
func TestTempSessionReadableWindows(t *testing.T) {
	dir := filepath.Join(disktest.TempFolder(t), "w.db.files")
	b, err := OpenBlobs(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			_, err = os.ReadFile(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := b.SweepTemp(); n != 0 || err != nil {
		t.Errorf("SweepTemp = %d, %v: a running session was taken for an abandoned one", n, err)
	}
}
