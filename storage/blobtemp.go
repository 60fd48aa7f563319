package storage

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"bollard/storage/disk"
)

// The blob store's temp folder, tmp/ inside it, holds what is being written
// and is not evidence yet: the partial copies of Put, the files an import
// unpacks (decrypted, for an encrypted package). Each program that opens
// the store works in a session folder of its own, tmp/<name>/, and holds a
// lock on tmp/<name>.lock while it runs. A session whose lock nobody holds
// belongs to a program that ended without tidying up (killed, crashed, a
// power cut), so opening the store removes it at once, not after an hour:
// no decrypted byte outlives the program that unpacked it by more than the
// next open. Nothing outside tmp/ is ever removed this way.

const (
	tempFolder = "tmp"
	lockSuffix = ".lock"
)

var (
	// errHeld says another running program holds a lock.
	errHeld = errors.New("storage: held by another program")
	// errNoLocks says the file system cannot lock files.
	errNoLocks = errors.New("storage: this file system cannot lock files")
)

// tempSession is this program's own folder in the store's temp folder.
type tempSession struct {
	dir  string
	lock *os.File
}

// startTempSession makes this program's session folder in storeDir/tmp.
func startTempSession(storeDir string) (*tempSession, error) {
	top := filepath.Join(storeDir, tempFolder)
	if err := os.MkdirAll(top, dirMode); err != nil {
		return nil, fmt.Errorf("storage: make the temp folder: %w", err)
	}
	for range 10 {
		name, err := sessionName()
		if err != nil {
			return nil, err
		}
		lockPath := filepath.Join(top, name+lockSuffix)
		f, err := lockFile(lockPath, true)
		switch {
		case errors.Is(err, os.ErrExist), errors.Is(err, errHeld):
			continue
		case err != nil && !errors.Is(err, errNoLocks):
			return nil, fmt.Errorf("storage: make the temp folder: %w", err)
		}
		// A sweep may have opened the file between its creation and the
		// lock, judged it abandoned and removed it: this lock would then
		// be on a name nobody sees. Start again under another name.
		if !stillNamed(f, lockPath) {
			f.Close()
			continue
		}
		dir := filepath.Join(top, name)
		if err := os.Mkdir(dir, dirMode); err != nil {
			f.Close()
			os.Remove(lockPath)
			return nil, fmt.Errorf("storage: make the temp folder: %w", err)
		}
		return &tempSession{dir: dir, lock: f}, nil
	}
	return nil, errors.New("storage: make the temp folder: no free name after 10 tries")
}

// close removes the session folder and all in it, then its lock.
func (s *tempSession) close() error {
	err := disk.RemoveFolder(s.dir)
	lockPath := s.dir + lockSuffix
	s.lock.Close()
	if rmErr := os.Remove(lockPath); rmErr != nil && !errors.Is(rmErr, os.ErrNotExist) && err == nil {
		err = rmErr
	}
	if err != nil {
		return fmt.Errorf("storage: remove the temp folder: %w", err)
	}
	return nil
}

// sessionName is a fresh random name for a session folder.
func sessionName() (string, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("storage: make the temp folder: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// isSessionName reports whether name is one sessionName gives: only such
// names are ever swept.
func isSessionName(name string) bool {
	if len(name) != 16 {
		return false
	}
	_, err := hex.DecodeString(name)
	return err == nil && strings.ToLower(name) == name
}

// stillNamed reports whether path still names the file f has open.
func stillNamed(f *os.File, path string) bool {
	open, err1 := f.Stat()
	named, err2 := os.Stat(path)
	return err1 == nil && err2 == nil && os.SameFile(open, named)
}

// SweepTemp removes the session folders of programs that ended without
// tidying up, and returns how many it removed. A session whose program
// still runs holds its lock and is left alone, however old; on a file
// system that cannot lock files, nothing is removed.
func (b *Blobs) SweepTemp() (int, error) {
	top := filepath.Join(b.dir, tempFolder)
	entries, err := os.ReadDir(top)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("storage: sweep the temp folder: %w", err)
	}
	removed := 0
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasSuffix(name, lockSuffix) && isSessionName(strings.TrimSuffix(name, lockSuffix)):
			lockPath := filepath.Join(top, name)
			f, err := lockFile(lockPath, false)
			switch {
			case errors.Is(err, errHeld), errors.Is(err, os.ErrNotExist):
				continue // still running, or tidied up meanwhile
			case errors.Is(err, errNoLocks):
				f.Close()
				continue
			case err != nil:
				return removed, fmt.Errorf("storage: sweep the temp folder: %w", err)
			}
			err = disk.RemoveFolder(strings.TrimSuffix(lockPath, lockSuffix))
			f.Close()
			if err == nil {
				err = os.Remove(lockPath)
			}
			if err != nil && !errors.Is(err, os.ErrNotExist) {
				return removed, fmt.Errorf("storage: sweep the temp folder: %w", err)
			}
			removed++
		case e.IsDir() && isSessionName(name):
			// A session folder is made after its lock and removed before
			// it: one without a lock was left by a sweep that stopped
			// half-way. Looked at again now, since a lock made while the
			// folder was being read may not have been listed.
			if _, err := os.Lstat(filepath.Join(top, name+lockSuffix)); !errors.Is(err, os.ErrNotExist) {
				continue
			}
			if err := disk.RemoveFolder(filepath.Join(top, name)); err != nil {
				return removed, fmt.Errorf("storage: sweep the temp folder: %w", err)
			}
			removed++
		}
	}
	return removed, nil
}
