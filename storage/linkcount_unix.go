//go:build !windows

package storage

import (
	"os"
	"syscall"
)

// linkCount is how many names (hard links) the file has.
func linkCount(info os.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}
