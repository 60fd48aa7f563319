package storage

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"bollard/storage/disk"
	"bollard/storage/lockbox"
)

// Encrypting a workspace in place is crash-safe by this protocol. A kill
// at any moment leaves either the plaintext workspace intact, or a
// journal by which the next open (or the next bollard encrypt) completes
// the encrypted one; never a mix.
//
//  1. The converting program holds the encrypt lock (ws.db.encrypt-lock)
//     for its whole run. Whoever opens the workspace takes it first, and
//     tidies up after a conversion that died (FinishEncrypting); while a
//     live conversion holds it, the open is refused.
//  2. Everything new is built beside the workspace under names nothing
//     else reads: the lockbox as ws.db.encrypting.lockbox, the encrypted
//     database as ws.db.encrypting, the sealed attachments as
//     ws.db.encrypting.files. Each is synced and checked against the
//     plaintext (row counts, audit trail, every file's hash).
//  3. The commit point: the journal ws.db.encrypt-journal is written to a
//     temp name, synced and renamed into place, and its folder synced.
//     Without a journal, whatever the names of step 2 hold is an attempt
//     that did not finish: it is removed, and the plaintext workspace,
//     untouched so far, is the workspace.
//  4. With a journal, the renames are made, each only when the files say
//     it is still to do, so that doing them again after a kill is safe:
//     ws.db -> ws.db.plaintext, ws.db.files -> ws.db.plaintext.files,
//     ws.db.encrypting.files -> ws.db.files, the lockbox into place, and
//     ws.db.encrypting -> ws.db. The folder is synced.
//  5. The plaintext copies (ws.db.plaintext and its folder) are
//     overwritten and removed; then the journal is removed.

// EncryptNames are the files of a conversion of the workspace at Path.
type EncryptNames struct {
	Path       string // the workspace file
	Lock       string // held while a conversion runs
	Journal    string // present from the commit point until the end
	NewDB      string // the encrypted database, until it is renamed into place
	NewLockbox string
	NewFiles   string // the sealed attachment folder
	OldDB      string // the plaintext database, set aside to be removed
	OldFiles   string // the plaintext attachment folder, likewise
}

// EncryptFiles names the files of a conversion of the workspace at path.
func EncryptFiles(path string) EncryptNames {
	n := EncryptNames{
		Path:    path,
		Lock:    path + ".encrypt-lock",
		Journal: path + ".encrypt-journal",
		NewDB:   path + ".encrypting",
		OldDB:   path + ".plaintext",
	}
	n.NewLockbox = lockbox.Path(n.NewDB)
	n.NewFiles = BlobDir(n.NewDB)
	n.OldFiles = BlobDir(n.OldDB)
	return n
}

// ErrBeingEncrypted says another program is encrypting the workspace.
var ErrBeingEncrypted = errors.New("the workspace is being encrypted by another program (bollard encrypt); try again when it has finished")

// LockEncrypting takes the workspace's encrypt lock, refusing with
// ErrBeingEncrypted when a running program holds it. A lock file left by
// a program that died is taken over. The returned function releases it
// (and removes the file when remove is set).
func LockEncrypting(path string) (release func(remove bool), err error) {
	n := EncryptFiles(path)
	if _, err := os.Stat(filepath.Dir(path)); err != nil {
		return nil, fmt.Errorf("storage: %w", err)
	}
	for range 10 {
		f, err := lockFile(n.Lock, false)
		if errors.Is(err, os.ErrNotExist) {
			f, err = lockFile(n.Lock, true)
			if errors.Is(err, os.ErrExist) {
				continue // made by another at this moment: try it again
			}
		}
		switch {
		case errors.Is(err, errHeld):
			return nil, ErrBeingEncrypted
		case err != nil && !errors.Is(err, errNoLocks):
			return nil, fmt.Errorf("storage: take the encrypt lock: %w", err)
		}
		// The file may have been removed by its last holder between the
		// open and the lock: a lock on a name nobody sees holds nothing.
		if !stillNamed(f, n.Lock) {
			f.Close()
			continue
		}
		return func(remove bool) {
			if remove {
				os.Remove(n.Lock)
			}
			f.Close()
		}, nil
	}
	return nil, errors.New("storage: take the encrypt lock: it kept changing hands")
}

// journal is what the commit point writes: enough to check that it is
// this workspace's.
type journal struct {
	Format    string    `json:"format"`
	Workspace string    `json:"workspace"` // the workspace file's name
	Committed time.Time `json:"committed"`
}

const journalFormat = "bollard-encrypt-journal/1"

// CommitEncrypting writes the journal: from here on the conversion is
// completed, never undone. Call it holding the encrypt lock, once the new
// files are complete, synced and checked.
func CommitEncrypting(path string) error {
	n := EncryptFiles(path)
	b, err := json.Marshal(journal{Format: journalFormat, Workspace: filepath.Base(path), Committed: time.Now().UTC()})
	if err != nil {
		return fmt.Errorf("storage: write the encrypt journal: %w", err)
	}
	tmp := n.Journal + ".partial"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("storage: write the encrypt journal: %w", err)
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, n.Journal)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("storage: write the encrypt journal: %w", err)
	}
	if err := disk.SyncFolder(filepath.Dir(path)); err != nil {
		return err
	}
	EncryptStep("committed")
	return nil
}

// FinishEncrypting completes or undoes a conversion of the workspace at
// path that did not finish: with a journal it completes it (finished is
// then true: the workspace is now encrypted), without one it removes
// what the attempt left. Call it holding the encrypt lock. A workspace
// with nothing left over is left as it is.
func FinishEncrypting(path string) (finished bool, err error) {
	n := EncryptFiles(path)
	b, err := os.ReadFile(n.Journal)
	if errors.Is(err, os.ErrNotExist) {
		return false, RemoveEncryptLeftovers(path)
	} else if err != nil {
		return false, fmt.Errorf("storage: read the encrypt journal: %w", err)
	}
	var j journal
	if json.Unmarshal(b, &j) != nil || j.Format != journalFormat || j.Workspace != filepath.Base(path) {
		return false, fmt.Errorf("storage: %s is not a journal this Bollard wrote for %s; nothing was changed: move it aside if it does not belong there", n.Journal, path)
	}
	return true, rollForward(n)
}

// rollForward makes the renames of step 4 that are still to do, then
// removes the plaintext (step 5) and the journal.
func rollForward(n EncryptNames) error {
	dir := filepath.Dir(n.Path)
	rename := func(from, to, step string) error {
		if err := os.Rename(from, to); err != nil {
			return fmt.Errorf("storage: finish encrypting: move %s to %s: %w", from, to, err)
		}
		if err := disk.SyncFolder(dir); err != nil {
			return err
		}
		EncryptStep(step)
		return nil
	}
	files := BlobDir(n.Path)
	if exists(n.NewDB) && !exists(n.OldDB) && exists(n.Path) {
		if err := rename(n.Path, n.OldDB, "plaintext database set aside"); err != nil {
			return err
		}
	}
	if exists(n.NewFiles) && !exists(n.OldFiles) && exists(files) {
		if err := rename(files, n.OldFiles, "plaintext attachments set aside"); err != nil {
			return err
		}
	}
	if exists(n.NewFiles) {
		if err := rename(n.NewFiles, files, "sealed attachments in place"); err != nil {
			return err
		}
	}
	if exists(n.NewLockbox) {
		if err := rename(n.NewLockbox, lockbox.Path(n.Path), "lockbox in place"); err != nil {
			return err
		}
	}
	if exists(n.NewDB) {
		if err := rename(n.NewDB, n.Path, "encrypted database in place"); err != nil {
			return err
		}
	}
	for _, p := range []string{n.OldDB, n.OldDB + "-wal", n.OldDB + "-shm", n.OldDB + "-journal"} {
		if err := Shred(p); err != nil {
			return err
		}
		EncryptStep("shredded " + filepath.Ext(p))
	}
	if err := ShredTree(n.OldFiles); err != nil {
		return err
	}
	EncryptStep("shredded attachments")
	if err := os.Remove(n.Journal); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("storage: finish encrypting: %w", err)
	}
	return disk.SyncFolder(dir)
}

// RemoveEncryptLeftovers removes what a conversion that did not reach its
// commit point left: all of it encrypted, none of it the workspace. The
// plaintext workspace is not touched.
func RemoveEncryptLeftovers(path string) error {
	n := EncryptFiles(path)
	var errs []error
	for _, p := range []string{n.Journal + ".partial", n.NewDB, n.NewDB + "-wal", n.NewDB + "-shm", n.NewDB + "-journal", n.NewLockbox,
		n.OldDB + "-wal", n.OldDB + "-shm", n.OldDB + "-journal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	// The lockbox's own temp files, left when the kill came while it was
	// being written.
	partial, _ := filepath.Glob(filepath.Join(filepath.Dir(n.NewLockbox), "."+filepath.Base(n.NewLockbox)+".*.partial"))
	for _, p := range partial {
		errs = append(errs, os.Remove(p))
	}
	if exists(n.NewFiles) {
		errs = append(errs, disk.RemoveFolder(n.NewFiles))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("storage: remove what an unfinished encryption left: %w", err)
	}
	return nil
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}
