package storage

import (
	"os"
	"testing"

	"bollard/storage/disk"
)

// testDir is t.TempDir for the Windows tests, which run under Wine:
// Wine answers Go's os.RemoveAll "Invalid function", failing t.TempDir's
// cleanup, so disk.RemoveFolder tidies up instead.
func testDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "bollard-storage-")
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
