package disk

import (
	"path/filepath"
	"strings"
)

// MaxPath is the longest path most Windows programs (and the Win32 calls
// without the \\?\ prefix) accept: 260 characters, the last a NUL.
const MaxPath = 260

// LongPath is path as the Win32 calls that Go's os package does not wrap
// accept it past MaxPath: absolute, with the \\?\ prefix (\\?\UNC\ for a
// share). Go's own os calls do this for themselves.
func LongPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil || len(abs) < MaxPath-12 || strings.HasPrefix(abs, `\\?\`) {
		return path
	}
	if strings.HasPrefix(abs, `\\`) {
		return `\\?\UNC\` + abs[2:]
	}
	return `\\?\` + abs
}
