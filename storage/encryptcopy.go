package storage

import (
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"

	"bollard/model"
)

// Encrypting a plaintext workspace copies its database into a new,
// encrypted file with SQLite3MC's VACUUM INTO, while the plaintext file is
// held exclusively: nobody else can read or write it until the copy is
// made, so the copy is the whole workspace as it last was.

// ErrHeldByAnother says another program has the workspace open (the
// window, a command still running): it is not encrypted under its feet.
var ErrHeldByAnother = errors.New("another program has the workspace open (the Bollard window, or a command still running); close it and try again; nothing was changed")

// ExclusiveHold is one connection on a plaintext workspace in SQLite's
// exclusive locking mode: while it is open no other connection, in this
// program or another, can read or write the file.
type ExclusiveHold struct {
	path string
	db   *sql.DB
}

// HoldExclusive opens the plaintext workspace at path exclusively. It
// refuses (ErrHeldByAnother, naming the writer when it left its record)
// when another connection has the file open: in WAL mode every open
// connection keeps a shared lock on the file, so the exclusive lock is
// granted only when nobody else has it open. It writes nothing.
func HoldExclusive(ctx context.Context, path string) (*ExclusiveHold, error) {
	q := url.Values{}
	q.Set("mode", "rw")
	q.Set("_locking_mode", "EXCLUSIVE")
	q.Set("_busy_timeout", "1000")
	db, err := sql.Open(driverName, "file:"+url.PathEscape(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	h := &ExclusiveHold{path: path, db: db}
	// The first read of a WAL workspace in exclusive mode takes the
	// exclusive lock on the file, and keeps it until the connection closes.
	var n int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master`).Scan(&n); err != nil {
		db.Close()
		if isBusy(err) {
			if who, ok := ReadHolder(path); ok {
				return nil, fmt.Errorf("%w (`%s`, pid %d, is writing to it)", ErrHeldByAnother, who.Program, who.PID)
			}
			return nil, ErrHeldByAnother
		}
		return nil, fmt.Errorf("storage: open %s: %w", path, describe(err))
	}
	var mode string
	if err := db.QueryRowContext(ctx, `PRAGMA locking_mode`).Scan(&mode); err != nil || !strings.EqualFold(mode, "exclusive") {
		db.Close()
		return nil, fmt.Errorf("storage: cannot hold %s exclusively (locking mode %q): %v", path, mode, err)
	}
	return h, nil
}

// Close ends the hold. SQLite copies what the -wal holds into the file and
// removes the -wal, as it does when the last connection closes.
func (h *ExclusiveHold) Close() error { return h.db.Close() }

// Summary is what a workspace file holds, to compare a copy with its
// original: the schema version, the rows of every table, and the audit
// trail's last entry (its hash seals every entry before it).
type Summary struct {
	Version   int
	Rows      map[string]int64
	AuditHead model.AuditEntry
}

// Summary reads the held workspace's summary.
func (h *ExclusiveHold) Summary(ctx context.Context) (Summary, error) {
	tx, err := h.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Summary{}, fmt.Errorf("storage: read %s: %w", h.path, describe(err))
	}
	defer tx.Rollback()
	return summarise(&Tx{tx: tx})
}

// Summary reads the workspace's summary.
func (s *Store) Summary(ctx context.Context) (sum Summary, err error) {
	err = s.Read(ctx, func(tx *Tx) error {
		sum, err = summarise(tx)
		return err
	})
	return sum, err
}

func summarise(tx *Tx) (Summary, error) {
	sum := Summary{Rows: map[string]int64{}}
	rows, err := tx.tx.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return sum, fmt.Errorf("storage: list tables: %w", describe(err))
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return sum, fmt.Errorf("storage: list tables: %w", err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return sum, fmt.Errorf("storage: list tables: %w", err)
	}
	for _, t := range tables {
		var n int64
		// Names come from sqlite_master, quoted as identifiers.
		if err := tx.tx.QueryRow(`SELECT COUNT(*) FROM "` + strings.ReplaceAll(t, `"`, `""`) + `"`).Scan(&n); err != nil {
			return sum, fmt.Errorf("storage: count %s: %w", t, describe(err))
		}
		sum.Rows[t] = n
	}
	if sum.Rows["schema_migrations"] > 0 {
		if err := tx.tx.QueryRow(`SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&sum.Version); err != nil {
			return sum, fmt.Errorf("storage: read schema version: %w", describe(err))
		}
	}
	if sum.Rows["audit_log"] > 0 {
		if sum.AuditHead, err = tx.AuditHead(); err != nil {
			return sum, err
		}
	}
	return sum, nil
}

// Same reports how a copy's summary differs from the original's, "" when
// it does not.
func (s Summary) Same(c Summary) string {
	if s.Version != c.Version {
		return fmt.Sprintf("schema version %d, not %d", c.Version, s.Version)
	}
	for t, n := range s.Rows {
		if c.Rows[t] != n {
			return fmt.Sprintf("table %s has %d rows, not %d", t, c.Rows[t], n)
		}
	}
	if len(c.Rows) != len(s.Rows) {
		return fmt.Sprintf("%d tables, not %d", len(c.Rows), len(s.Rows))
	}
	if c.AuditHead.Seq != s.AuditHead.Seq || c.AuditHead.Hash != s.AuditHead.Hash {
		return fmt.Sprintf("the audit trail ends at entry %d (%s), not %d (%s)", c.AuditHead.Seq, c.AuditHead.Hash, s.AuditHead.Seq, s.AuditHead.Hash)
	}
	return ""
}

// EncryptInto writes an encrypted copy of the held workspace into the new
// file dst, encrypted with the database key as OpenEncrypted opens it (see
// withKey: ChaCha20-Poly1305, one KDF round, the key's hex as SQLite3MC's
// passphrase). dst must not exist. The copy is synced before it returns.
func (h *ExclusiveHold) EncryptInto(ctx context.Context, dst string, key []byte) error {
	if len(key) != 32 {
		return errors.New("storage: a database key is 32 bytes")
	}
	if _, err := os.Lstat(dst); !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("storage: %s is in the way of the encrypted copy", dst)
	}
	// The file is made 0600 first: SQLite would make it with the umask's.
	if err := createPrivate(dst); err != nil {
		return err
	}
	q := url.Values{}
	q.Set("cipher", "chacha20")
	q.Set("kdf_iter", "1")
	q.Set("key", hex.EncodeToString(key))
	uri := "file:" + url.PathEscape(dst) + "?" + q.Encode()
	if _, err := h.db.ExecContext(ctx, `VACUUM INTO ?`, uri); err != nil {
		return fmt.Errorf("storage: write the encrypted copy %s: %w", dst, describe(err))
	}
	if plain, err := IsPlaintext(dst); err != nil {
		return err
	} else if plain {
		return fmt.Errorf("storage: the copy %s came out unencrypted", dst)
	}
	return syncFile(dst)
}

// syncFile flushes a file's contents to the disk. It opens the file for
// writing: Windows flushes (FlushFileBuffers) only through a handle that
// may write, and refuses a read-only one with "Access denied".
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("storage: sync %s: %w", path, err)
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return fmt.Errorf("storage: sync %s: %w", path, err)
	}
	return nil
}
