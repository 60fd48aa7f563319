package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"bollard/storage/disk"
)

// After a workspace is encrypted, its plaintext copies are overwritten and
// removed, as far as the file system lets a program reach its own blocks.

// ShredCaveat is the sentence said about removing plaintext on every disk:
// what overwriting cannot reach.
const ShredCaveat = "On an SSD, blocks the file system freed may survive in the drive until it trims them, whatever was written over the file; full-disk encryption (BitLocker, FileVault, LUKS) covers them."

// ShredTree overwrites every file under dir (see Shred) and removes the
// folder. A missing folder is nothing to do.
func ShredTree(dir string) error {
	var files, dirs []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			dirs = append(dirs, p)
		} else {
			files = append(files, p)
		}
		return nil
	})
	if errors.Is(err, os.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("storage: remove %s: %w", dir, err)
	}
	for _, f := range files {
		if err := Shred(f); err != nil {
			return err
		}
		EncryptStep("shredded a file")
	}
	for i := len(dirs) - 1; i >= 0; i-- {
		if err := os.Remove(dirs[i]); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("storage: remove %s: %w", dirs[i], err)
		}
	}
	return disk.SyncFolder(filepath.Dir(dir))
}

// Shred overwrites a file once with zeros, in place, syncs it, then
// removes it. Where the file system writes in place (ext4, xfs, NTFS on a
// spinning disk) the plaintext is gone; where it does not (copy-on-write
// file systems, snapshots, an SSD's wear levelling) the old blocks may
// survive: see ShredCaveats. Only a regular file is overwritten; a link is
// removed, never followed. A missing file is nothing to do.
func Shred(path string) error {
	info, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("storage: remove %s: %w", path, err)
	}
	if info.Mode().IsRegular() && info.Size() > 0 {
		// Attachment files are 0400: made writable to be overwritten.
		if info.Mode().Perm()&0o200 == 0 {
			if err := os.Chmod(path, 0o600); err != nil {
				return fmt.Errorf("storage: overwrite %s: %w", path, err)
			}
		}
		if err := overwrite(path, info.Size()); err != nil {
			return err
		}
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("storage: remove %s: %w", path, err)
	}
	return nil
}

func overwrite(path string, size int64) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("storage: overwrite %s: %w", path, err)
	}
	defer f.Close()
	zeros := make([]byte, copyChunk)
	for left := size; left > 0; {
		n := min(left, int64(len(zeros)))
		if _, err := f.Write(zeros[:n]); err != nil {
			return fmt.Errorf("storage: overwrite %s: %w", path, err)
		}
		left -= n
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("storage: overwrite %s: %w", path, err)
	}
	return nil
}
