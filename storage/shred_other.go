//go:build !linux

package storage

// CopyOnWrite names the copy-on-write file system the folder of path is
// on; outside Linux it is not looked for ("").
func CopyOnWrite(path string) string { return "" }
