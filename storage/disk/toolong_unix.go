//go:build !windows

package disk

// TooLong returns err: only Windows limits a path's length this way.
func TooLong(path string, err error) error { return err }
