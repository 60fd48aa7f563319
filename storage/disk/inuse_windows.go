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
