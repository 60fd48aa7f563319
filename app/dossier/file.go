package dossier

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"bollard/app"
	"bollard/storage/disk"
)

// The reasons a dossier may not be written where asked. CheckTarget wraps
// them with the path; the command line and the window say them their way.
var (
	// ErrExists: a file is there, and replacing it was not asked for.
	ErrExists = errors.New("the file exists")
	// ErrWorkspace: the path is one of the workspace's own files (the
	// database, its -wal or -shm, the folder of attached files or a file
	// in it), which a dossier written over it would destroy.
	ErrWorkspace = errors.New("that is one of the workspace's own files")
	// ErrFolder: the path is a folder.
	ErrFolder = errors.New("is a folder")
)

// CheckTarget says whether a dossier may be written at path: never over
// one of the workspace's own files (app.WorkspaceOwns), never over a
// folder, and over an existing file only when replace is set.
func CheckTarget(path, workspace string, replace bool) error {
	if app.WorkspaceOwns(path, workspace) != app.NotOwn {
		return fmt.Errorf("%s: %w", path, ErrWorkspace)
	}
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return fmt.Errorf("%s: %w", path, ErrFolder)
	case err == nil && !replace:
		return fmt.Errorf("%s: %w", path, ErrExists)
	}
	return nil
}

// WriteFile writes the dossier to the file at path. It writes a temporary
// file beside it and renames it into place, so that a failed or cancelled
// export leaves the previous file, or none, never half a PDF a partner
// might be sent. Its errors name path, not the temporary file, in words
// the officer can act on.
func WriteFile(ctx context.Context, path string, f app.CaseFile, opt Options) (pages int, err error) {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return 0, fmt.Errorf("%s: %w", path, ErrFolder)
	}
	// The officer only, from its first byte: a dossier is the case file in print.
	tmp, err := disk.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return 0, writeError(path, err)
	}
	defer os.Remove(tmp.Name()) // gone after the rename; left over only after a failure
	pages, err = Write(ctx, tmp, f, opt)
	if err != nil {
		tmp.Close()
		return 0, err
	}
	err = tmp.Sync()
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = disk.Replace(tmp.Name(), path)
	}
	if err != nil {
		return 0, writeError(path, err)
	}
	return pages, nil
}

// writeError says why path could not be written, naming it rather than
// the temporary file the error was about.
func writeError(path string, err error) error {
	if disk.IsInUse(err) {
		return err // names the file and says what to do
	}
	var why error = err
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		why = pe.Err
	case errors.As(err, &le):
		why = le.Err
	}
	switch {
	case errors.Is(why, fs.ErrNotExist):
		return fmt.Errorf("cannot write %s: the folder does not exist", path)
	case errors.Is(why, syscall.EISDIR):
		return fmt.Errorf("%s: %w", path, ErrFolder)
	case errors.Is(why, fs.ErrPermission):
		return fmt.Errorf("cannot write %s: permission denied", path)
	case errors.Is(why, syscall.ENOSPC):
		return fmt.Errorf("cannot write %s: the disk is full", path)
	}
	return fmt.Errorf("cannot write %s: %w", path, why)
}
