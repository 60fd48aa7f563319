//go:build !windows

package disk

import "os"

// RemoveFolder removes dir and all in it; a dir already gone is no error.
func RemoveFolder(dir string) error { return os.RemoveAll(dir) }
