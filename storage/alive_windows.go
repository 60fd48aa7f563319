//go:build windows

package storage

import "os"

// processAlive reports whether a process with that pid runs on this
// computer: Windows opens a handle only to a process that exists.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
