//go:build !windows

package disk

import "os"

// rename is os.Rename: on Unix nothing holds a name against it.
func rename(from, to string) error { return os.Rename(from, to) }
