package storage_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"bollard/storage"
)

// Only one program at a time may convert a workspace; the lock passes on
// once it is released.
func TestLockEncrypting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ws.db")
	release, err := storage.LockEncrypting(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := storage.LockEncrypting(path); !errors.Is(err, storage.ErrBeingEncrypted) {
		t.Fatalf("second lock: %v, want ErrBeingEncrypted", err)
	}
	release(true)
	again, err := storage.LockEncrypting(path)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	again(true)
	if _, err := os.Stat(storage.EncryptFiles(path).Lock); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock file stayed: %v", err)
	}
}

// Shred overwrites the file's own blocks before removing it: another name
// of the same file reads zeros afterwards.
func TestShredOverwrites(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "evidence")
	os.WriteFile(p, []byte("LIMITE: informant Hacienda Zurbarán"), 0o400)
	other := filepath.Join(dir, "other-name")
	if err := os.Link(p, other); err != nil {
		t.Skip("no hard links here:", err)
	}
	if err := storage.Shred(p); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("still there: %v", err)
	}
	b, _ := os.ReadFile(other)
	if len(b) == 0 || !bytes.Equal(b, make([]byte, len(b))) {
		t.Errorf("the file's blocks hold %q, want zeros", b)
	}
	if err := storage.Shred(p); err != nil {
		t.Errorf("shred of a missing file: %v", err)
	}
}

// Anything in a plaintext attachment folder that Bollard did not store
// there stops the conversion, named.
func TestPlainBlobFilesRefusesStrangers(t *testing.T) {
	dir := t.TempDir()
	sha := "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
	os.MkdirAll(filepath.Join(dir, "9f"), 0o700)
	os.WriteFile(filepath.Join(dir, "9f", sha), []byte("test"), 0o400)
	os.WriteFile(filepath.Join(dir, "workspace-id"), []byte("ws\n"), 0o600)
	os.MkdirAll(filepath.Join(dir, "tmp", "session"), 0o700)
	files, total, err := storage.PlainBlobFiles(dir)
	if err != nil || len(files) != 1 || total != 4 {
		t.Fatalf("files %v, %d bytes, %v", files, total, err)
	}
	stranger := filepath.Join(dir, "9f", "notes.txt")
	os.WriteFile(stranger, []byte("x"), 0o600)
	_, _, err = storage.PlainBlobFiles(dir)
	var bad *storage.UnsealableError
	if !errors.As(err, &bad) || bad.Path != stranger {
		t.Errorf("a stranger in the folder: %v", err)
	}
}

// A journal that is not this workspace's is refused, and nothing moved.
func TestFinishEncryptingRefusesAStrangeJournal(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ws.db")
	os.WriteFile(path, []byte("SQLite format 3\x00"), 0o600)
	n := storage.EncryptFiles(path)
	os.WriteFile(n.Journal, []byte(`{"format":"bollard-encrypt-journal/1","workspace":"other.db"}`), 0o600)
	os.WriteFile(n.NewDB, []byte("sealed"), 0o600)
	if _, err := storage.FinishEncrypting(path); err == nil {
		t.Fatal("a journal of another workspace was followed")
	}
	if b, _ := os.ReadFile(path); string(b) != "SQLite format 3\x00" {
		t.Errorf("the workspace file changed: %q", b)
	}
}
