package disk

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// RemoveFolder removes dir and all in it; a dir already gone is no error.
//
// It walks the folder and removes each file and folder with os.Remove
// rather than calling os.RemoveAll, whose Windows path (Go 1.26:
// NtSetInformationFile with FileDispositionInformationEx) Wine, where the
// Windows build is tested, answers "Invalid function". os.Remove also
// clears the read-only attribute that finished attachment copies carry.
// What cannot be removed (a file open in another program) is left, and the
// error names the first such file and how many there were.
func RemoveFolder(dir string) error {
	var paths []string
	folders := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil && p == dir {
			return err
		}
		paths = append(paths, p) // a folder listed before what it holds
		folders[p] = d != nil && d.IsDir()
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("remove the folder %s: %w", dir, err)
	}
	var first error
	left := 0
	for _, p := range slices.Backward(paths) {
		err := os.Remove(p)
		if err == nil || errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if folders[p] && first != nil {
			continue // not empty: what is left in it is counted already
		}
		left++
		if first == nil {
			first = InUse(p, err)
		}
	}
	if left > 0 {
		return fmt.Errorf("remove the folder %s: %d left that could not be removed, the first: %w", dir, left, first)
	}
	return nil
}
