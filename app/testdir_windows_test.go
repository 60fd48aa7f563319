package app_test

import (
	"os"
	"sync"
	"syscall"
	"testing"

	"bollard/storage/disk"
)

// testDir is t.TempDir for the Windows tests, which run under Wine: Wine
// answers Go's os.RemoveAll "Invalid function", failing t.TempDir's
// cleanup, so disk.RemoveFolder tidies up instead.
func testDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "bollard-app-")
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

// holdOpen opens path as another program may (Excel a workbook, a PDF
// reader a dossier): shared with nobody. The returned function lets go of
// it, as does the test's end.
func holdOpen(t *testing.T, path string) (release func()) {
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
