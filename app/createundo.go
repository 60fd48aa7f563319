package app

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"bollard/storage"
	"bollard/storage/disk"
	"bollard/storage/lockbox"
)

// newWorkspaceNames are the files and folders that making a workspace at
// path may bring into being: the workspace file and SQLite's companions,
// the note of who writes, the lockbox and the attachment folder.
func newWorkspaceNames(path string) []string {
	return []string{path, path + "-wal", path + "-shm", path + "-journal", path + "-writer",
		lockbox.Path(path), storage.BlobDir(path)}
}

// absentNames returns those of names that do not exist yet: what a Create
// that fails may remove, being its own and holding no cases.
func absentNames(names []string) []string {
	var absent []string
	for _, p := range names {
		if _, err := os.Lstat(p); errors.Is(err, os.ErrNotExist) {
			absent = append(absent, p)
		}
	}
	return absent
}

// undoCreate removes what a failed Create made (the names in made, which
// did not exist before it began), so that a failed init leaves no half
// workspace that opens with the passphrase but whose recovery key nobody
// was shown. What cannot be removed is named in the error; when nothing
// was made, err is returned as it is.
func undoCreate(path string, made []string, err error) error {
	made = slices.DeleteFunc(slices.Clone(made), func(p string) bool {
		_, err := os.Lstat(p)
		return errors.Is(err, os.ErrNotExist)
	})
	if len(made) == 0 {
		return err
	}
	var left []string
	for _, p := range made {
		if rmErr := disk.RemoveFolder(p); rmErr != nil {
			left = append(left, p)
		}
	}
	if len(left) == 0 {
		return fmt.Errorf("the workspace %s was not made, and nothing of it was left behind: %w", path, err)
	}
	return fmt.Errorf("the workspace %s was not made; left behind, holding no cases: %s (remove them before trying again): %w",
		path, strings.Join(left, ", "), err)
}
