package storage

import (
	"path/filepath"
	"syscall"
)

// File system magic numbers of statfs(2) for the copy-on-write file
// systems, whose overwrite writes new blocks and leaves the old ones.
const (
	btrfsMagic = 0x9123683e
	zfsMagic   = 0x2fc12fc1
)

// CopyOnWrite names the copy-on-write file system the folder of path is
// on (btrfs, ZFS), "" when it is none Bollard knows of.
func CopyOnWrite(path string) string {
	var st syscall.Statfs_t
	if syscall.Statfs(filepath.Dir(path), &st) != nil {
		return ""
	}
	switch uint32(st.Type) {
	case btrfsMagic:
		return "btrfs"
	case zfsMagic:
		return "ZFS"
	}
	return ""
}
