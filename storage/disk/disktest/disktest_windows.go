package disktest

import (
	"os"
	"sync"
	"syscall"
	"testing"

	"bollard/storage/disk"
)

// TempFolder is t.TempDir for tests run under Wine: Wine answers Go's
// os.RemoveAll "Invalid function", failing t.TempDir's cleanup, so
// disk.RemoveFolder tidies up instead.
func TempFolder(t testing.TB) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "bollard-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := disk.RemoveFolder(dir); err != nil {
			t.Error(err)
		}
	})
	return dir
}

// HoldOpen opens path as another program may (Excel a workbook, a PDF
// reader a dossier): shared with nobody. The returned function lets go of
// it, as does the test's end.
func HoldOpen(t testing.TB, path string) (release func()) {
	t.Helper()
	name, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		t.Fatal(err)
	}
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE, 0, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release = func() { once.Do(func() { syscall.CloseHandle(h) }) }
	t.Cleanup(release)
	return release
}
