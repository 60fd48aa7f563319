package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"bollard/storage"
)

// OwnFile is which of a workspace's own files a path names, if any.
type OwnFile int

const (
	// NotOwn: the path is none of the workspace's files.
	NotOwn OwnFile = iota
	// OwnDatabase: the workspace file, or a file SQLite or Bollard keeps
	// beside it (-wal, -shm, -journal, -writer).
	OwnDatabase
	// OwnAttachments: the folder of attached files, the one older
	// releases used, or anything inside either.
	OwnAttachments
)

// WorkspaceOwns says whether path names one of the files that make up the
// workspace at workspace. A file a command writes (a checkpoint, a package,
// a dossier, a key) must never land there: renamed over the database or
// over an exhibit's file, it would destroy the case or the evidence. Paths
// are compared by what they are on disk where they exist (a hard link, a
// symbolic link, another spelling), else by folder and name.
func WorkspaceOwns(path, workspace string) OwnFile {
	if workspace == "" {
		return NotOwn
	}
	bases := []string{workspace}
	if real, err := filepath.EvalSymlinks(workspace); err == nil && real != workspace {
		bases = append(bases, real) // SQLite names its -wal after the real file
	}
	for _, base := range bases {
		for _, suffix := range []string{"", "-wal", "-shm", "-journal", "-writer"} {
			if sameFile(path, base+suffix) {
				return OwnDatabase
			}
		}
		for _, dir := range []string{storage.BlobDir(base), storage.LegacyBlobDir(base)} {
			if sameFile(path, dir) || inside(path, dir) {
				return OwnAttachments
			}
		}
	}
	return NotOwn
}

// CheckOutput refuses to write a file over one of the workspace's own.
func CheckOutput(path, workspace string) error {
	switch WorkspaceOwns(path, workspace) {
	case OwnDatabase:
		return fmt.Errorf("%s is the workspace's own file: choose another name; nothing was written", path)
	case OwnAttachments:
		return fmt.Errorf("%s is in the workspace's folder of attached files: choose another place; nothing was written", path)
	}
	return nil
}

// sameFile says whether a and b name one file: the same file if both are
// there, else the same name in the same folder.
func sameFile(a, b string) bool {
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(ia, ib)
	}
	if filepath.Base(filepath.Clean(a)) != filepath.Base(filepath.Clean(b)) {
		return false
	}
	da, errA := os.Stat(filepath.Dir(a))
	db, errB := os.Stat(filepath.Dir(b))
	return errA == nil && errB == nil && os.SameFile(da, db)
}

// inside says whether path lies somewhere under dir, however either is
// spelled: each folder above path is compared with dir on disk.
func inside(path, dir string) bool {
	d, err := os.Stat(dir)
	if err != nil {
		abs, errA := filepath.Abs(path)
		absDir, errD := filepath.Abs(dir)
		return errA == nil && errD == nil && strings.HasPrefix(abs, absDir+string(filepath.Separator))
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	for p := filepath.Dir(abs); ; p = filepath.Dir(p) {
		if info, err := os.Stat(p); err == nil && os.SameFile(info, d) {
			return true
		}
		if parent := filepath.Dir(p); parent == p {
			return false
		}
	}
}
