package storage

import "os"

// openBlobFile opens a stored file for reading. Windows has no O_NOFOLLOW
// or O_NONBLOCK: the Lstat before it and the check of the opened file
// after it are what refuse a link or a file that is not plain.
func openBlobFile(p string) (*os.File, error) { return os.Open(p) }
