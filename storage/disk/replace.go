package disk

import (
	"errors"
	"os"
)

// Replace renames the finished temp file tmp over path, whole: a reader
// sees the old file or the new one, never half of either. On Windows
// os.Rename is MoveFileEx with MOVEFILE_REPLACE_EXISTING, which does that
// within a volume; it fails, leaving the old file as it was, when another
// program has path open (a PDF reader with last week's dossier), and the
// error then says so (*InUseError). The caller removes tmp.
func Replace(tmp, path string) error {
	err := os.Rename(tmp, path)
	if err != nil && heldOpen(path) {
		return &InUseError{Path: path, Err: err}
	}
	return err
}

// IsInUse reports whether err is, or wraps, an *InUseError: its message
// names the file and says what to do, so a caller need not add the name.
func IsInUse(err error) bool {
	_, ok := errors.AsType[*InUseError](err)
	return ok
}
