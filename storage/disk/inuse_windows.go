package disk

import (
	"errors"

	"golang.org/x/sys/windows"
)

// heldElsewhere reports whether err is Windows refusing a file another
// process has open without sharing it (ERROR_SHARING_VIOLATION) or holds
// a lock on (ERROR_LOCK_VIOLATION).
func heldElsewhere(err error) bool {
	return errors.Is(err, windows.ERROR_SHARING_VIOLATION) || errors.Is(err, windows.ERROR_LOCK_VIOLATION)
}

// heldOpen reports whether another program has the file at path open
// without letting it be replaced: MoveFileEx then fails with "Access
// denied", which says nothing of why. Asking to open the file for deletion,
// sharing everything, is refused with a sharing violation exactly then.
func heldOpen(path string) bool {
	name, err := windows.UTF16PtrFromString(LongPath(path))
	if err != nil {
		return false
	}
	share := uint32(windows.FILE_SHARE_READ | windows.FILE_SHARE_WRITE | windows.FILE_SHARE_DELETE)
	h, err := windows.CreateFile(name, windows.DELETE, share, nil, windows.OPEN_EXISTING, windows.FILE_FLAG_BACKUP_SEMANTICS, 0)
	if err != nil {
		return heldElsewhere(err)
	}
	windows.CloseHandle(h)
	return false
}
