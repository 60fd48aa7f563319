package storage

import (
	"fmt"
	"io/fs"
	"os"
)

// NotPlainFile says that what stands in the attachment folder under a
// file's hash is not a plain file (a named pipe, a symbolic link, a
// device): Bollard never stores one, and reading it could hang or read
// something outside the workspace, so it is refused before it is read.
type NotPlainFile struct {
	SHA256 string
	What   string // "a named pipe", "a symbolic link to /dev/zero"
}

func (e *NotPlainFile) Error() string {
	return fmt.Sprintf("storage: attachment file %s is %s, not a plain file: Bollard never stores one", e.SHA256, e.What)
}

// openPlain opens the stored file at p only if it is a plain file, and is
// still the same plain file once opened (not swapped in between).
func openPlain(sha, p string) (*os.File, error) {
	info, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &NotPlainFile{SHA256: sha, What: describeOdd(p, info.Mode())}
	}
	f, err := openBlobFile(p)
	if err != nil {
		return nil, err
	}
	opened, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !opened.Mode().IsRegular() || !os.SameFile(info, opened) {
		f.Close()
		return nil, &NotPlainFile{SHA256: sha, What: "a file that was replaced while it was being opened"}
	}
	return f, nil
}

// describeOdd names what stands at p, which is not a plain file.
func describeOdd(p string, mode fs.FileMode) string {
	if mode&fs.ModeSymlink != 0 {
		if to, err := os.Readlink(p); err == nil {
			return "a symbolic link to " + to
		}
		return "a symbolic link"
	}
	if mode.IsDir() {
		return "a folder"
	}
	return kindOf(mode)
}
