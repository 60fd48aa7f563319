// Package storage keeps a Bollard workspace in one SQLite file: it opens the
// file, brings its schema up to date, and reads and writes model records in
// transactions.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"

	"bollard/model"
	"bollard/storage/disk"
)

// Store is an open workspace file. It holds two handles on the file: one
// writer connection, so that writes never contend with each other inside the
// program, and a pool of read-only connections, so that a long read (the
// case list, a dossier) never waits for a write and never blocks one.
type Store struct {
	path   string
	writer *sql.DB
	reader *sql.DB
}

// Open opens the workspace file at path, creating it (and its folder) when
// missing, and applies any migrations this build knows and the file lacks.
// An up-to-date workspace is opened without taking the write lock: opening
// never makes another program wait, nor waits for one.
func Open(ctx context.Context, path string) (*Store, error) {
	return openRetrying(ctx, path, nil)
}

// OpenEncrypted opens (creating when missing) the encrypted workspace file
// at path with its database key (lockbox.DatabaseKey). A file that is not
// encrypted with that key is refused with ErrNotThisKey, and one that is
// not encrypted at all with ErrNotEncrypted; neither is written to.
func OpenEncrypted(ctx context.Context, path string, key []byte) (*Store, error) {
	if len(key) != 32 {
		return nil, errors.New("storage: a database key is 32 bytes")
	}
	if plain, err := IsPlaintext(path); err != nil {
		return nil, err
	} else if plain {
		return nil, ErrNotEncrypted
	}
	return openRetrying(ctx, path, key)
}

func openRetrying(ctx context.Context, path string, key []byte) (*Store, error) {
	// Two programs opening a new workspace at the same moment can meet while
	// one of them switches the file to WAL, a moment in which SQLite answers
	// "busy" at once instead of waiting; trying again a little later works.
	// A "busy" that took the whole busy timeout is another program writing:
	// that is reported, not waited for again.
	for attempt := 1; ; attempt++ {
		began := time.Now()
		s, err := open(ctx, path, key)
		if err == nil || !isBusy(err) || attempt == 5 || time.Since(began) > time.Second {
			return s, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Duration(attempt) * 50 * time.Millisecond):
		}
	}
}

func open(ctx context.Context, path string, key []byte) (*Store, error) {
	s, err := openFile(ctx, path, key)
	if se, ok := errors.AsType[sqlite3.Error](err); ok && se.Code == sqlite3.ErrCantOpen {
		// A path too long for Windows gets this from SQLite and nothing
		// more: say so, with its length.
		err = disk.TooLong(path, err)
	}
	return s, err
}

func openFile(ctx context.Context, path string, key []byte) (*Store, error) {
	if err := disk.MakeFolder(filepath.Dir(path)); err != nil {
		return nil, fmt.Errorf("storage: create the workspace folder: %w", err)
	}
	if err := createPrivate(path); err != nil {
		return nil, err
	}
	found, err := peek(ctx, path, key)
	if err != nil {
		return nil, err
	}
	writer, err := sql.Open(driverName, dsn(path, false, key))
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	writer.SetMaxOpenConns(1)
	if err := writer.PingContext(ctx); err != nil {
		writer.Close()
		return nil, fmt.Errorf("storage: open %s: %w", path, describe(err))
	}
	if err := privateCompanions(path); err != nil {
		writer.Close()
		return nil, err
	}
	reader, err := sql.Open(driverName, dsn(path, true, key))
	if err != nil {
		writer.Close()
		return nil, fmt.Errorf("storage: open %s for reading: %w", path, err)
	}
	reader.SetMaxOpenConns(max(4, runtime.NumCPU()))
	s := &Store{path: path, writer: writer, reader: reader}
	// Only a workspace that lacks a migration or its identity is written
	// to at opening; the rest is read without the write lock.
	if found.version != len(migrations) || !found.identity {
		if err := s.migrate(ctx); err != nil {
			s.Close()
			return nil, err
		}
		if err := ensureWorkspace(ctx, s); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// found is what a look at a workspace file, before anything is written to
// it, tells: its schema version and whether it has its identity yet.
type found struct {
	version  int
	identity bool
}

// peek reads the schema version of an existing file on a read-only
// connection, which in WAL mode never waits for a writer. It refuses an
// existing file that is not a Bollard workspace before anything is written
// to it: a mistyped --db must not turn another program's database into a
// workspace (or switch it to WAL). A missing or empty file is fine: it
// becomes a new workspace.
func peek(ctx context.Context, path string, key []byte) (found, error) {
	st, err := os.Stat(path)
	if err != nil || st.Size() == 0 {
		return found{}, nil
	}
	if err := rollBackHotJournal(ctx, path, key); err != nil {
		return found{}, err
	}
	q := url.Values{}
	q.Set("mode", "ro")
	q.Set("_busy_timeout", "4000")
	withKey(q, key)
	db, err := sql.Open(driverName, "file:"+url.PathEscape(path)+"?"+q.Encode())
	if err != nil {
		return found{}, fmt.Errorf("storage: open %s: %w", path, err)
	}
	defer db.Close()
	f, err := peekSchema(ctx, db, path)
	if key != nil && isNotADB(err) {
		return f, ErrNotThisKey
	}
	return f, err
}

// peekSchema reads, in one read transaction, whether the database is a
// workspace, its schema version and whether it has its identity.
func peekSchema(ctx context.Context, db *sql.DB, path string) (found, error) {
	var f found
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return f, fmt.Errorf("storage: open %s: %w", path, describe(err))
	}
	defer tx.Rollback()
	var tables, ours, identity int
	err = tx.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(*) FILTER (WHERE name = 'schema_migrations'),
		COUNT(*) FILTER (WHERE name = 'workspace')
		FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).Scan(&tables, &ours, &identity)
	if err != nil {
		return f, fmt.Errorf("storage: open %s: %w", path, describe(err))
	}
	if tables > 0 && ours == 0 {
		return f, fmt.Errorf("storage: %s is a database of another program, not a Bollard workspace; nothing was changed", path)
	}
	if ours == 0 {
		return f, nil
	}
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&f.version); err != nil {
		return f, fmt.Errorf("storage: read schema version: %w", describe(err))
	}
	if identity > 0 {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) > 0 FROM workspace`).Scan(&f.identity); err != nil {
			return f, fmt.Errorf("storage: read workspace: %w", describe(err))
		}
	}
	return f, nil
}

// dsn builds the connection string. The pragmas, and why:
//   - journal_mode=WAL: readers never block the writer nor the writer them,
//     and a crash mid-write leaves the last committed state.
//   - synchronous=FULL: a commit is on disk before it is reported done, so a
//     power cut on a field laptop does not take back what an officer saved.
//   - foreign_keys=on: SQLite leaves them off by default; a seizure must never
//     point at a case that is not there.
//   - busy_timeout: another process (the CLI while the window is open) may
//     hold the write lock for a moment; wait for it rather than fail. A
//     writer waits 4 s at most, then says who holds the workspace (see
//     holder.go): an officer is told within 5 s, not left staring. Readers
//     never wait for a writer in WAL mode; theirs only covers the rare
//     moments SQLite itself needs (recovering the WAL after a crash).
//   - cache_size=-32000: 32 MB of page cache per connection instead of 2 MB,
//     so that a workspace of tens of thousands of cases is read from memory.
//   - txlock=immediate: a write transaction takes the write lock when it
//     begins, so two writers queue instead of deadlocking on an upgrade, and
//     the next case number is read and used under the same lock.
//   - the key, for an encrypted workspace: see withKey.
func dsn(path string, readOnly bool, key []byte) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "FULL")
	q.Set("_foreign_keys", "on")
	q.Set("_cache_size", "-32000")
	if readOnly {
		q.Set("_busy_timeout", "10000")
		q.Set("mode", "ro")
	} else {
		q.Set("_busy_timeout", strconv.Itoa(int(writerWait/time.Millisecond)))
		q.Set("_txlock", "immediate")
	}
	withKey(q, key)
	return "file:" + url.PathEscape(path) + "?" + q.Encode()
}

// Path is the workspace file's path.
func (s *Store) Path() string { return s.path }

// Close closes the workspace file.
func (s *Store) Close() error {
	if s.writer == nil {
		return s.reader.Close()
	}
	return errors.Join(s.reader.Close(), s.writer.Close())
}

// Tx is one transaction on the workspace. Its methods read and write model
// records; the use case that opened it decides what belongs together.
type Tx struct {
	tx *sql.Tx
	// author is who the audit trail says made this transaction's changes,
	// and when; see SetAuthor.
	author auditAuthor
	// head is the audit trail's last entry, read once per transaction: the
	// write lock is held throughout, so nobody else can extend the trail.
	head *auditHead
	// stmts are the statements this transaction prepared, kept while it
	// lasts: a batch that saves thousands of records runs the same few
	// dozen statements, and preparing each again costs more than running it.
	stmts map[string]*sql.Stmt
	// caseWrites counts the cases this transaction created or changed
	// (see CaseWrites).
	caseWrites int
}

// CaseWrites is how many times this transaction has created or changed a
// case (its fields or its status; not the "last change" a batch moves up at
// its end): a case read earlier in the transaction is still as stored while
// this number has not moved.
func (tx *Tx) CaseWrites() int { return tx.caseWrites }

// prepared returns the transaction's statement for q, preparing it once.
func (tx *Tx) prepared(q string) (*sql.Stmt, error) {
	if s, ok := tx.stmts[q]; ok {
		return s, nil
	}
	s, err := tx.tx.Prepare(q)
	if err != nil {
		return nil, err
	}
	if tx.stmts == nil {
		tx.stmts = map[string]*sql.Stmt{}
	}
	tx.stmts[q] = s
	return s, nil
}

// queryRow runs a query that returns at most one row.
func (tx *Tx) queryRow(q string, args ...any) *sql.Row {
	s, err := tx.prepared(q)
	if err != nil {
		return tx.tx.QueryRow(q, args...) // reports the same error when scanned
	}
	return s.QueryRow(args...)
}

// query runs a query that returns rows.
func (tx *Tx) query(q string, args ...any) (*sql.Rows, error) {
	s, err := tx.prepared(q)
	if err != nil {
		return nil, err
	}
	return s.Query(args...)
}

// exec runs a statement that returns no rows.
func (tx *Tx) exec(q string, args ...any) (sql.Result, error) {
	s, err := tx.prepared(q)
	if err != nil {
		return nil, err
	}
	return s.Exec(args...)
}

// Read runs fn in a read-only transaction: everything fn reads comes from
// one consistent snapshot of the workspace.
func (s *Store) Read(ctx context.Context, fn func(tx *Tx) error) error {
	tx, err := s.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("storage: begin read: %w", describe(err))
	}
	defer tx.Rollback()
	return fn(&Tx{tx: tx})
}

// Write runs fn in a write transaction and commits it when fn returns nil.
// When fn fails, or the program dies before the commit, nothing fn wrote is
// kept.
// While it runs, who holds the workspace is written beside it, so that a
// program that has to wait can say who it waits for.
func (s *Store) Write(ctx context.Context, fn func(tx *Tx) error) error {
	if s.writer == nil {
		return ErrReadOnly
	}
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		if isBusy(err) {
			return s.busy(err)
		}
		return fmt.Errorf("storage: begin write: %w", describe(err))
	}
	defer tx.Rollback()
	release := s.hold()
	defer release()
	if err := fn(&Tx{tx: tx}); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("storage: commit: %w", describe(err))
	}
	return nil
}

// isNotADB reports whether err is SQLite saying the file is not a
// database: for an encrypted workspace, that the key does not open it.
func isNotADB(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrNotADB
}

// isBusy reports whether err is SQLite saying another connection holds a lock.
func isBusy(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked)
}

// wrap turns a driver error into one the layers above understand: a broken
// unique constraint is model.ErrConflict, a missing parent record is
// model.ErrNotFound, sql.ErrNoRows is model.ErrNotFound.
func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: %w", what, model.ErrNotFound)
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.ExtendedCode {
		case sqlite3.ErrConstraintUnique, sqlite3.ErrConstraintPrimaryKey:
			return fmt.Errorf("%s: %w", what, model.ErrConflict)
		case sqlite3.ErrConstraintForeignKey:
			return fmt.Errorf("%s: a record it refers to: %w", what, model.ErrNotFound)
		}
	}
	return fmt.Errorf("storage: %s: %w", what, describe(err))
}

// describe adds a plain explanation to the driver errors an officer can meet:
// a full disk, a file that is not a workspace, a read-only folder.
func describe(err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code {
	case sqlite3.ErrFull:
		return fmt.Errorf("the disk is full; nothing was saved (%w)", err)
	case sqlite3.ErrNotADB:
		return fmt.Errorf("this file is not a Bollard workspace (%w)", err)
	case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen:
		return fmt.Errorf("the workspace file cannot be written or opened here; check the folder's permissions (%w)", err)
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return fmt.Errorf("another program is holding the workspace; try again (%w)", err)
	}
	return err
}
