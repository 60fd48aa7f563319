//go:build !windows

package storage

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
)

// The scan names, by its path in the store, every link and every file
// that is not plain, and nothing else; it follows no link, not even one
// that replaces the store's folder itself.
func TestScanBlobsNamesOddFiles(t *testing.T) {
	b := mustOpenBlobs(t)
	blob, err := b.Put(strings.NewReader("the photo"))
	if err != nil {
		t.Fatal(err)
	}
	if odd, err := b.ScanBlobs(); err != nil || len(odd) != 0 {
		t.Fatalf("a clean store: %v, %v", odd, err)
	}
	elsewhere := t.TempDir()
	if err := os.Symlink(filepath.Join(elsewhere, "x"), filepath.Join(b.dir, "ab")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(b.Path(blob.SHA256), filepath.Join(elsewhere, "second")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(b.dir, "fifo"), 0o600); err != nil {
		t.Fatal(err)
	}
	odd, err := b.ScanBlobs()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range odd {
		got = append(got, o.String())
	}
	want := []string{
		"ab: a symbolic link to " + filepath.Join(elsewhere, "x"),
		"fifo: not a plain file (a named pipe)",
		filepath.Join(blob.SHA256[:2], blob.SHA256) + ": a file with 1 other hard links (it can be changed through another name)",
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("scan:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The whole folder swapped for a link to another.
	moved := filepath.Join(t.TempDir(), "real")
	if err := os.Rename(b.dir, moved); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(moved, b.dir); err != nil {
		t.Fatal(err)
	}
	odd, err = b.ScanBlobs()
	if err != nil || len(odd) != 1 || odd[0].String() != filepath.Base(b.dir)+": a symbolic link to "+moved {
		t.Errorf("a linked folder: %v, %v", odd, err)
	}

	// A store not made yet holds nothing odd, and is not made by looking.
	missing := ReadOnlyBlobs(filepath.Join(t.TempDir(), "none.files"), nil)
	if odd, err := missing.ScanBlobs(); err != nil || len(odd) != 0 {
		t.Errorf("a missing store: %v, %v", odd, err)
	}
	if _, err := os.Stat(missing.dir); !os.IsNotExist(err) {
		t.Errorf("scanning made the folder: %v", err)
	}
}
