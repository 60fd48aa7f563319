//go:build !windows

package disk

// heldElsewhere is never true here: Unix lets any number of programs open
// a file, and its locks are advisory.
func heldElsewhere(error) bool { return false }
