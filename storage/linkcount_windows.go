package storage

import "os"

// linkCount on Windows is not read from the file information Go gives;
// hard links there are left to the hash check.
func linkCount(os.FileInfo) uint64 { return 1 }
