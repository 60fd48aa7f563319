//go:build windows

package storage

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"

	"bollard/storage/disk"
)

// lockedByte is where the lock lies: one byte far past the end of the
// (empty) lock file. Windows locks are mandatory, so a lock on the bytes
// a reader reads would refuse the read; none lies there.
const lockedByte = 1 << 62

// lockFile opens the file at path (creating it when create is set) and
// takes an exclusive lock on it without waiting. errHeld says another
// process holds it. Windows ends the lock when the process ends, however
// it ends: that is how a temp session of a killed program is told from one
// still running.
//
// The file is opened shared for reading, writing and deleting, as Unix
// opens every file, and the lock is LockFileEx's, as Unix's is flock's.
// Opening it shared with nobody, as this once did, made the file itself
// the lock, but then nobody could read the workspace's folder (a backup,
// a check of every file) while Bollard ran, nor remove the lock file
// before closing it ("Sharing violation").
func lockFile(path string, create bool) (*os.File, error) {
	name, err := windows.UTF16PtrFromString(disk.LongPath(path)) // a lock deep in .files may pass 260 characters
	if err != nil {
		return nil, err
	}
	disposition := uint32(windows.OPEN_EXISTING)
	if create {
		disposition = windows.CREATE_NEW
	}
	share := uint32(windows.FILE_SHARE_READ | windows.FILE_SHARE_WRITE | windows.FILE_SHARE_DELETE)
	h, err := windows.CreateFile(name, windows.GENERIC_READ|windows.GENERIC_WRITE, share, nil, disposition, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	f := os.NewFile(uintptr(h), path)
	var where windows.Overlapped
	where.OffsetHigh = lockedByte >> 32
	err = windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &where)
	switch {
	case err == nil:
		return f, nil
	case errors.Is(err, windows.ERROR_LOCK_VIOLATION):
		f.Close()
		return nil, errHeld
	default:
		// A file system without locks (some network shares): the file
		// is open but not locked, and nobody can tell whether its owner
		// still runs.
		return f, errNoLocks
	}
}
