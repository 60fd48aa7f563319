//go:build !windows

package disk

import "os"

// CreateTemp makes a new file in dir, named by pattern as os.CreateTemp
// names it, readable and writable by its owner only from the moment it
// exists: os.CreateTemp makes it 0600.
func CreateTemp(dir, pattern string) (*os.File, error) {
	return os.CreateTemp(dir, pattern)
}
