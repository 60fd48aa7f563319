//go:build !windows

package storage

import "syscall"

// canWrite asks the system whether this program may write to path (W_OK).
func canWrite(path string) bool { return syscall.Access(path, 0x2) == nil }
