//go:build !windows

package disk

import (
	"fmt"
	"os"
)

// OthersCanRead returns who besides its owner can read the open file f,
// "" when no one: here the group and other bits of its mode ("other
// users (mode 0640)"), as ssh judges a key.
func OthersCanRead(f *os.File) (who string, err error) {
	info, err := f.Stat()
	if err != nil {
		return "", err
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		return fmt.Sprintf("other users (mode %04o)", perm), nil
	}
	return "", nil
}

// HowToKeepToOwner says how the user makes the file at path readable by
// them alone, once OthersCanRead has named others.
func HowToKeepToOwner(path string) string {
	return fmt.Sprintf("make it readable by you only (chmod 600 %s)", path)
}
