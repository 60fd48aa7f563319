//go:build !windows

package disk

import (
	"fmt"
	"os"
)

// OwnerOnly makes the file or folder at path readable and writable by its
// owner alone (a file 0600, a folder 0700): a workspace, its keys and
// what Bollard writes from it are case material, not for the other
// accounts of a shared laptop. A file already read-only (a stored
// attachment, 0400) keeps its mode.
func OwnerOnly(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("keep %s to its owner: %w", path, err)
	}
	mode := os.FileMode(0o600)
	switch {
	case info.IsDir():
		mode = 0o700
	case info.Mode().Perm()&0o200 == 0:
		mode = 0o400
	}
	if err := os.Chmod(path, mode); err != nil {
		return fmt.Errorf("keep %s to its owner: %w", path, err)
	}
	return nil
}
