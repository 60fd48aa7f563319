//go:build !windows

package disk

import (
	"errors"
	"fmt"
	"os"
)

// SyncFolder makes the names in dir durable: after a rename into dir, a
// power cut leaves the new name, not the old one. A file system that
// cannot sync a folder (EINVAL) keeps its names its own way, and is let be.
func SyncFolder(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync the folder %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return fmt.Errorf("sync the folder %s: %w", dir, err)
	}
	return nil
}
