package disk

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/windows"
)

// renameRetries is how long rename keeps trying: antivirus scanners and
// the search indexer open a file just written, for a moment, without
// letting it be renamed, and MoveFileEx then fails with "Access denied" or
// a sharing violation. Go's own tools retry the same way on Windows
// (cmd/go/internal/robustio). A program that holds the file for longer (a
// PDF reader with last week's dossier) still gets its name in the error.
var renameRetries = []time.Duration{10 * time.Millisecond, 50 * time.Millisecond, 100 * time.Millisecond, 250 * time.Millisecond, 500 * time.Millisecond}

func rename(from, to string) error {
	err := os.Rename(from, to)
	for _, wait := range renameRetries {
		if !errors.Is(err, windows.ERROR_ACCESS_DENIED) && !heldElsewhere(err) {
			return err
		}
		time.Sleep(wait)
		err = os.Rename(from, to)
	}
	return err
}
