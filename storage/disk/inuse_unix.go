//go:build !windows

package disk

// heldElsewhere is never true here: Unix lets any number of programs open
// a file, and its locks are advisory.
func heldElsewhere(error) bool { return false }

// heldOpen is never true here: a rename replaces a file however many
// programs have it open.
func heldOpen(string) bool { return false }
