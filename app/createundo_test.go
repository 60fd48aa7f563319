package app_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bollard/app"
	"bollard/storage/lockbox"
)

// A Create that fails after making the lockbox removes what it made: no
// half workspace is left that the passphrase opens but whose recovery key
// nobody saw. What was there before (here a file in the way of the
// attachment folder) is left alone.
func TestFailedCreateLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "caso.db")
	inTheWay := path + ".files"
	os.WriteFile(inTheWay, []byte("not a folder"), 0o600)
	_, _, err := app.Create(context.Background(), path, []byte("banana containers from Guayaquil"), true)
	if err == nil {
		t.Fatal("Create succeeded with a file where the attachment folder goes")
	}
	if !strings.Contains(err.Error(), "nothing of it was left behind") {
		t.Errorf("error %q does not say what was left", err)
	}
	t.Log(err)
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != filepath.Base(inTheWay) {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("left in the folder: %v, want only %s", names, filepath.Base(inTheWay))
	}
	if ok, _ := lockbox.Exists(path); ok {
		t.Error("the lockbox was left")
	}
	// A weak passphrase makes nothing, and its error is not reworded.
	if _, _, err := app.Create(context.Background(), path, []byte("x"), true); err == nil || strings.Contains(err.Error(), "was not made") {
		t.Errorf("weak passphrase: %v", err)
	}
}
