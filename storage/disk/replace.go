package disk

import (
	"errors"
)

// Replace renames the finished temp file tmp over path, whole: a reader
// sees the old file or the new one, never half of either. On Windows
// os.Rename is MoveFileEx with MOVEFILE_REPLACE_EXISTING, which does that
// within a volume; it fails, leaving the old file as it was, when another
// program has path open (a PDF reader with last week's dossier), and the
// error then says so (*InUseError), after about a second of retries for
// the scanners that hold a fresh file for a moment (rename_windows.go).
// The caller removes tmp.
func Replace(tmp, path string) error {
	err := rename(tmp, path)
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
