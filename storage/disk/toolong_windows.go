package disk

import (
	"fmt"
	"path/filepath"
	"unicode/utf16"
)

// TooLong explains a failure to open the file at path when its path is
// too long for Windows: SQLite (C, not Go's os package) opens files
// without the \\?\ prefix, so unless long paths are enabled for the whole
// computer, Windows refuses a path of MaxPath characters or more, and
// SQLite says only "unable to open database file". Its companions (-wal,
// -journal) add up to 8 characters. For a shorter path err is returned as
// it is. Wine, where the Windows build is tested, has no such limit.
func TooLong(path string, err error) error {
	abs, absErr := filepath.Abs(path)
	n := len(utf16.Encode([]rune(abs))) // Windows counts UTF-16 units, not bytes
	if err == nil || absErr != nil || n+len("-journal") < MaxPath {
		return err
	}
	return fmt.Errorf("the path %s is %d characters long, too long for Windows (at most %d here): move the workspace to a folder with a shorter path: %w",
		abs, n, MaxPath-1-len("-journal"), err)
}
