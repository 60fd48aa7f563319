package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// OddBlobFile is something in the blob store that Bollard never puts there
// and that could show a file other than the one stored: a symbolic link
// (its target can change without the store's file changing), a file with
// other hard links (it can be changed through another name, outside the
// store), or something that is not a plain file or folder.
type OddBlobFile struct {
	Path string // relative to the store's folder
	What string // "a symbolic link to X", "a file with 2 other hard links", "a named pipe"
	// OtherLinks is how many other names a plain file has; 0 for the rest.
	OtherLinks int
}

// SHA256 is the hash the odd file is stored under, "" when its name is not one.
func (o OddBlobFile) SHA256() string {
	if name := filepath.Base(o.Path); validHash(name) {
		return name
	}
	return ""
}

func (o OddBlobFile) String() string { return o.Path + ": " + o.What }

// ScanBlobs walks the whole blob store, without following links, and
// returns everything in it that is not a plain folder or a plain file with
// one name. In an encrypted store it also reports every file, outside the
// temp folder and but for the folder's marker, that is not sealed: a
// plaintext file put there from outside. A missing store holds nothing odd.
func (b *Blobs) ScanBlobs() ([]OddBlobFile, error) {
	var odd []OddBlobFile
	err := filepath.WalkDir(b.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == b.dir && errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipDir
			}
			return err
		}
		rel, _ := filepath.Rel(b.dir, path)
		if rel == "." {
			rel = filepath.Base(b.dir)
		}
		info, err := os.Lstat(path)
		if err != nil {
			return err
		}
		switch mode := info.Mode(); {
		case mode&fs.ModeSymlink != 0:
			target, _ := os.Readlink(path)
			odd = append(odd, OddBlobFile{Path: rel, What: fmt.Sprintf("a symbolic link to %s", target)})
		case mode.IsDir():
		case mode.IsRegular():
			if n := linkCount(info); n > 1 {
				odd = append(odd, OddBlobFile{Path: rel, What: fmt.Sprintf("a file with %d other hard links (it can be changed through another name)", n-1), OtherLinks: int(n - 1)})
			}
			if b.key == nil || rel == markerName || strings.HasPrefix(rel, tempFolder+string(filepath.Separator)) {
				return nil
			}
			// Only the first bytes are read: the whole check is Check's.
			if sealed, err := sealedOnDisk(path); err != nil {
				odd = append(odd, OddBlobFile{Path: rel, What: fmt.Sprintf("a file that could not be read (%v)", err)})
			} else if !sealed {
				odd = append(odd, OddBlobFile{Path: rel, What: "a file that is not encrypted, in an encrypted workspace's attachment folder"})
			}
		default:
			odd = append(odd, OddBlobFile{Path: rel, What: "not a plain file (" + kindOf(mode) + ")"})
		}
		return nil
	})
	if err != nil {
		return odd, fmt.Errorf("storage: scan attachment folder: %w", err)
	}
	return odd, nil
}

// kindOf names a kind of file that is neither plain nor a folder.
func kindOf(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0:
		return "a device"
	}
	return mode.Type().String()
}
