// Package disk holds what Bollard does with files that Windows does
// differently: making a rename durable, keeping a file to its owner,
// telling who else can read a file, telling a file open in another
// program, and removing a folder. Each idea has a file for Windows and
// one for the other systems, so that the rest of Bollard says what it
// means once and never asks runtime.GOOS.
//
// The Windows build is tested under Wine (make test-windows), whose
// answers are not always Windows' own; where that matters, the comment
// says so.
package disk
