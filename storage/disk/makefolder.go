package disk

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// MakeFolder makes dir, and any folder above it that is missing, for its
// owner only (OwnerOnly). A folder that already exists is left as it is:
// it may be one the officer chose and shares, such as Documents.
func MakeFolder(dir string) error {
	var missing []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			break
		} else if !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("make the folder %s: %w", dir, err)
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if len(missing) == 0 {
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("make the folder %s: %w", dir, err)
	}
	for _, d := range missing {
		if err := OwnerOnly(d); err != nil {
			return err
		}
	}
	return nil
}
