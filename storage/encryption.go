package storage

import (
	"bytes"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"

	sqlite3 "github.com/mattn/go-sqlite3"

	"bollard/storage/disk"
)

// An encrypted workspace file is encrypted page by page by SQLite3
// Multiple Ciphers (the go-sqlite3 fork named in go.mod's replace line,
// which keeps mattn's API). Its cipher is ChaCha20-Poly1305: every page is
// authenticated as well as encrypted, so a page altered on disk is refused
// rather than read. The -wal and the rollback journal are encrypted the
// same way. The key is the workspace's database key (lockbox.DatabaseKey),
// 32 random bytes, so SQLite3MC's own passphrase stretching is set to one
// round (_kdf_iter=1): stretching a random key adds nothing but 40 ms to
// every connection opened.

// driverName is the driver every workspace connection is opened with: the
// go-sqlite3 driver with a hook that keeps SQLite's temporary tables and
// indices in memory, because SQLite3MC does not encrypt temporary files
// and a large sort would otherwise spill case data to the temp folder.
const driverName = "sqlite3-bollard"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{
		ConnectHook: func(c *sqlite3.SQLiteConn) error {
			_, err := c.Exec("PRAGMA temp_store = MEMORY", nil)
			return err
		},
	})
}

// withKey adds the database key, when there is one, to a connection's
// parameters. A nil key opens a plaintext workspace.
func withKey(q url.Values, key []byte) {
	if key == nil {
		return
	}
	q.Set("_cipher", "chacha20")
	q.Set("_kdf_iter", "1")
	q.Set("_key", hex.EncodeToString(key))
}

// ErrNotEncrypted says a workspace file opened with a key is a plaintext
// SQLite file: it is refused, not encrypted behind the officer's back
// (bollard encrypt does that, safely).
var ErrNotEncrypted = errors.New("storage: the workspace file is not encrypted; encrypt it with bollard encrypt")

// ErrNotThisKey says an encrypted workspace file does not open with the
// key its lockbox gave: the lockbox beside it is another workspace's, or
// the file is damaged.
var ErrNotThisKey = errors.New("storage: the workspace file does not open with the key of the lockbox beside it (the lockbox is another workspace's, or the file is damaged); nothing was changed")

// plainHeader begins every plaintext SQLite file.
var plainHeader = []byte("SQLite format 3\x00")

// IsPlaintext reports whether the file at path is a plaintext SQLite
// file. A missing or empty file is not (it is nothing yet).
func IsPlaintext(path string) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	} else if err != nil {
		return false, disk.InUse(path, fmt.Errorf("storage: open %s: %w", path, err))
	}
	defer f.Close()
	head := make([]byte, len(plainHeader))
	n, err := io.ReadFull(f, head)
	if n == 0 {
		return false, nil
	}
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return false, fmt.Errorf("storage: read %s: %w", path, err)
	}
	return bytes.Equal(head[:n], plainHeader[:n]), nil
}

// createPrivate makes a missing workspace file empty and readable by its
// owner only, before SQLite creates it with the umask's mode (often 0644)
// or, on Windows, with the access list of its folder.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		// SQLite would say only "unable to open database file" of one
		// another program holds open unshared (Windows): ask first.
		f, err := os.Open(path)
		if err != nil {
			return disk.InUse(path, fmt.Errorf("storage: open %s: %w", path, err))
		}
		return f.Close()
	} else if err != nil {
		return fmt.Errorf("storage: create %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("storage: create %s: %w", path, err)
	}
	return disk.OwnerOnly(path)
}

// privateCompanions makes the -wal and -shm that SQLite made beside an
// open workspace its owner's only. On Unix SQLite gives them the mode of
// the workspace file already; on Windows they take the access list of the
// folder, which may be one the officer shares (Documents), and SQLite
// makes them anew at each open.
func privateCompanions(path string) error {
	for _, p := range []string{path + "-wal", path + "-shm"} {
		if _, err := os.Lstat(p); err != nil {
			continue
		}
		if err := disk.OwnerOnly(p); err != nil {
			return fmt.Errorf("storage: %w", err)
		}
	}
	return nil
}
