//go:build !windows

package storage

import (
	"errors"
	"os"
	"syscall"
)

// lockFile opens the file at path (creating it when create is set) and
// takes an exclusive lock on it without waiting. errHeld says another
// process holds it. The lock lasts while the file stays open and ends when
// the process does, however it ends: that is how a temp session of a
// killed program is told from one still running. On a file system that
// has no locks it returns the open file with errNoLocks.
func lockFile(path string, create bool) (*os.File, error) {
	flag := os.O_RDWR
	if create {
		flag |= os.O_CREATE | os.O_EXCL
	}
	f, err := os.OpenFile(path, flag, 0o600)
	if err != nil {
		return nil, err
	}
	switch err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); {
	case err == nil:
		return f, nil
	case errors.Is(err, syscall.EWOULDBLOCK):
		f.Close()
		return nil, errHeld
	default:
		// A file system without locks (some network shares): the file
		// is open but not locked, and nobody can tell whether its owner
		// still runs.
		return f, errNoLocks
	}
}
