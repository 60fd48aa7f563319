package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"bollard/storage"
	"bollard/storage/lockbox"
)

// A plaintext workspace is encrypted in place: an encrypted copy of its
// database and a sealed copy of its attachment folder are built beside it
// and checked, a journal marks the commit point, the copies are renamed
// into place, and only then are the plaintext copies overwritten and
// removed. The protocol, and why a kill at any moment is safe, is written
// out in storage/encryptjournal.go.

// ErrAlreadyEncrypted says Encrypt was asked to encrypt an encrypted
// workspace.
var ErrAlreadyEncrypted = errors.New("the workspace is already encrypted; nothing was changed (bollard passphrase changes its passphrase)")

// EncryptResult is what Encrypt did.
type EncryptResult struct {
	// RecoveryKey, when one was asked for, is printed once by the caller
	// for the office safe; it is stored nowhere.
	RecoveryKey string
	// Attachments is how many attachment files were encrypted.
	Attachments int
	// Removed are the plaintext files and folders overwritten and removed.
	Removed []string
	// Caveats say plainly where overwriting cannot be trusted to have
	// reached the plaintext's blocks.
	Caveats []string
	// Resumed says an earlier conversion that was killed after its commit
	// point was completed, rather than a new one made.
	Resumed bool
}

// Encrypt encrypts the plaintext workspace at path in place under
// passphrase (and a recovery key when recovery is set), then overwrites
// and removes its plaintext copies. progress, when not nil, is told the
// bytes done of the total. It refuses, changing nothing, a workspace that
// is already encrypted, one another program has open, and a file that is
// not a workspace; and it stops, changing nothing, at an attachment file
// whose contents do not match its hash. Run again after a crash, it
// completes or undoes what the crash left.
func Encrypt(ctx context.Context, path string, passphrase []byte, recovery bool, progress func(done, total int64)) (EncryptResult, error) {
	var res EncryptResult
	if progress == nil {
		progress = func(int64, int64) {}
	}
	if err := lockbox.CheckPassphrase(passphrase); err != nil {
		return res, err
	}
	release, err := storage.LockEncrypting(path)
	if err != nil {
		return res, err
	}
	defer release(true)
	n := storage.EncryptFiles(path)
	if resumed, err := storage.FinishEncrypting(path); err != nil {
		return res, err
	} else if resumed {
		// Killed after its commit point: its recovery key, if it made
		// one, was never printed. A new one replaces it.
		res.Resumed = true
		if recovery {
			if res.RecoveryKey, err = lockbox.NewRecoveryKey(path, passphrase); err != nil {
				return res, fmt.Errorf("the workspace is now encrypted, but a new recovery key could not be made: %w", err)
			}
		}
		res.Removed, res.Caveats = []string{n.OldDB, n.OldFiles}, caveats(path)
		return res, nil
	}
	if enc, err := IsEncrypted(path); err != nil {
		return res, err
	} else if enc {
		return res, ErrAlreadyEncrypted
	}
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() || st.Size() == 0 {
		return res, fmt.Errorf("there is no workspace at %s; nothing was changed", path)
	}
	if plain, err := storage.IsPlaintext(path); err != nil {
		return res, err
	} else if !plain {
		return res, fmt.Errorf("%s is not a Bollard workspace (nor an encrypted one: it has no lockbox); nothing was changed", path)
	}
	// An ordinary open first: it refuses a file that is not a workspace,
	// brings the schema up to date and gives the workspace its own
	// attachment folder, so that the copy is of a current workspace.
	w, err := openPlaintext(ctx, path)
	if err != nil {
		return res, err
	}
	id := w.ID()
	if err := w.Close(); err != nil {
		return res, err
	}

	committed := false
	defer func() {
		if !committed {
			// Best effort: what is left is encrypted, and the next open
			// or encrypt removes it.
			_ = storage.RemoveEncryptLeftovers(path)
		}
	}()
	hold, err := storage.HoldExclusive(ctx, path)
	if err != nil {
		return res, err
	}
	defer hold.Close()
	plainSum, err := hold.Summary(ctx)
	if err != nil {
		return res, err
	}
	files, total, err := storage.PlainBlobFiles(storage.BlobDir(path))
	if err != nil {
		return res, err
	}
	total += st.Size()
	var done int64
	progress(done, total)

	key, code, err := lockbox.Create(n.NewDB, passphrase, lockbox.Options{Recovery: recovery})
	if err != nil {
		return res, err
	}
	defer lockbox.Forget(key)
	storage.EncryptStep("lockbox made")
	dbKey := lockbox.DatabaseKey(key)
	defer lockbox.Forget(dbKey)
	if err := hold.EncryptInto(ctx, n.NewDB, dbKey); err != nil {
		return res, err
	}
	storage.EncryptStep("database copied")
	if err := checkEncryptedCopy(ctx, n.NewDB, dbKey, plainSum); err != nil {
		return res, err
	}
	done += st.Size()
	progress(done, total)
	attachmentKey := lockbox.AttachmentKey(key)
	defer lockbox.Forget(attachmentKey)
	err = storage.SealBlobFolder(storage.BlobDir(path), n.NewFiles, id, files, attachmentKey, func(b int64) {
		done += b
		progress(done, total)
	})
	if err != nil {
		return res, err
	}
	storage.EncryptStep("attachments sealed")
	// The hold ends before the commit: SQLite, closing, folds the -wal
	// into the plaintext file and removes it, so that no plaintext -wal
	// or journal is left to sit beside the encrypted file under its name.
	if err := hold.Close(); err != nil {
		return res, err
	}
	if err := setAsidePlainSidecars(path, n); err != nil {
		return res, err
	}
	if err := storage.CommitEncrypting(path); err != nil {
		return res, err
	}
	committed = true
	if _, err := storage.FinishEncrypting(path); err != nil {
		return res, fmt.Errorf("the workspace is encrypted, but finishing failed (run bollard encrypt again to finish): %w", err)
	}
	res.RecoveryKey = code
	res.Attachments = len(files)
	res.Removed = []string{path + " (plaintext)", storage.BlobDir(path) + " (plaintext)"}
	res.Caveats = caveats(path)
	return res, nil
}

// checkEncryptedCopy opens the encrypted copy as an encrypted workspace is
// opened and compares what it holds with the plaintext's summary.
func checkEncryptedCopy(ctx context.Context, path string, dbKey []byte, want storage.Summary) error {
	s, err := storage.OpenEncrypted(ctx, path, dbKey)
	if err != nil {
		return fmt.Errorf("the encrypted copy does not open (nothing was changed): %w", err)
	}
	got, err := s.Summary(ctx)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("the encrypted copy cannot be read back (nothing was changed): %w", err)
	}
	if diff := want.Same(got); diff != "" {
		return fmt.Errorf("the encrypted copy differs from the workspace: %s; nothing was changed", diff)
	}
	// An empty -wal may stay after the close (the read-only connections
	// cannot remove it); it must not follow the file under another name.
	for _, side := range []string{"-wal", "-shm", "-journal"} {
		st, err := os.Stat(path + side)
		if err != nil {
			continue
		}
		if side != "-shm" && st.Size() > 0 {
			return fmt.Errorf("the encrypted copy kept its %s after closing; nothing was changed", side)
		}
		if err := os.Remove(path + side); err != nil {
			return fmt.Errorf("the encrypted copy: %w; nothing was changed", err)
		}
	}
	return nil
}

// setAsidePlainSidecars moves the plaintext file's -wal, -shm and
// -journal, if SQLite left any (empty, or the -shm's index), beside the plaintext file that will be
// removed with it: under their own names they would sit beside the
// encrypted file, and SQLite would read them as its own.
func setAsidePlainSidecars(path string, n storage.EncryptNames) error {
	for _, side := range []string{"-wal", "-shm", "-journal"} {
		st, err := os.Lstat(path + side)
		if err != nil {
			continue
		}
		if side != "-shm" && st.Size() > 0 {
			// What it holds is not in the plaintext file yet, nor so in
			// the copy: moved, it would be lost.
			return fmt.Errorf("%s still holds changes after the workspace was closed; nothing was changed: open the workspace once, close it, and try again", path+side)
		}
		if err := os.Rename(path+side, n.OldDB+side); err != nil {
			return fmt.Errorf("set aside %s: %w; nothing was changed", path+side, err)
		}
	}
	return nil
}

// caveats are the sentences that say where overwriting the plaintext
// cannot be trusted.
func caveats(path string) []string {
	var c []string
	if fs := storage.CopyOnWrite(path); fs != "" {
		c = append(c, fmt.Sprintf("%s is on %s, a copy-on-write file system: overwriting wrote new blocks, and the plaintext's old blocks (and any snapshot of them) remain until the file system reuses them; delete the snapshots that hold the workspace.", filepath.Dir(path), fs))
	}
	if legacy := storage.LegacyBlobDir(path); legacy != storage.BlobDir(path) {
		if st, err := os.Stat(legacy); err == nil && st.IsDir() {
			c = append(c, fmt.Sprintf("%s, where older releases kept attachment files (other workspaces may share it), was left as it is: its files are plaintext; remove it once no workspace needs it.", legacy))
		}
	}
	c = append(c, "Backups, snapshots and copies of the plaintext workspace made before today are not touched; delete them.")
	c = append(c, storage.ShredCaveat)
	return c
}

// settleEncrypting completes or undoes a conversion of the workspace that
// died, before the workspace is opened, and refuses while one runs.
func settleEncrypting(path string) error {
	n := storage.EncryptFiles(path)
	if !anyExists(n.Lock, n.Journal, n.NewDB, n.NewLockbox, n.NewFiles) {
		return nil
	}
	release, err := storage.LockEncrypting(path)
	if err != nil {
		return err
	}
	defer release(true)
	_, err = storage.FinishEncrypting(path)
	return err
}

// refuseWhileEncrypting refuses a read-only open while a conversion runs
// or waits to be finished: verify writes nothing, so it cannot finish it,
// and the files it would read are changing.
func refuseWhileEncrypting(path string) error {
	n := storage.EncryptFiles(path)
	if anyExists(n.Journal, n.Lock) {
		return fmt.Errorf("%s is being encrypted, or its encryption was cut short: run bollard encrypt (or open it) to finish, then check it; nothing was changed", path)
	}
	return nil
}

func anyExists(paths ...string) bool {
	for _, p := range paths {
		if _, err := os.Lstat(p); err == nil {
			return true
		}
	}
	return false
}
