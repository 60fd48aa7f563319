//go:build !windows

package storage

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with that pid runs on this
// computer: signal 0 checks without sending anything. A process of another
// user answers EPERM, and is alive.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
