//go:build !windows

package storage

import (
	"os"
	"syscall"
)

// openBlobFile opens a stored file for reading without following a symbolic
// link and without waiting on a named pipe: a file swapped for either
// between the Lstat and the open is refused or returns at once, never hangs.
func openBlobFile(p string) (*os.File, error) {
	return os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
}
