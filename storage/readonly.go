package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
)

// OpenReadOnly opens an existing workspace only to read it, for verify: it
// creates no folder, takes no lock that makes a writer wait, migrates
// nothing and writes nothing, so it also works on a copy on a
// write-blocked stick, a 0444 file or a read-only folder.
//
// How it is opened depends on what lies beside the file:
//   - no -wal file: nobody has the workspace open (in WAL mode the last
//     connection to close removes it), and SQLite is told the file is
//     immutable: it reads the file alone and creates neither -wal nor -shm,
//     which a plain read-only open would leave behind;
//   - a -wal file, and the file and folder can be written: the workspace is
//     open elsewhere (or was copied open). It is read through SQLite's usual
//     read-only connection, which sees the changes in the -wal and updates
//     only the -shm, SQLite's shared index of the -wal, never the database
//     nor the -wal;
//   - a -wal file holding changes, and the file or folder cannot be written:
//     SQLite cannot read those changes without an -shm of its own, and an
//     immutable open would ignore them; it is refused, saying how to check it.
//
// A workspace of an older schema is refused, not read: the queries are
// this build's, and updating it would write.
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	return openReadOnly(ctx, path, nil)
}

// OpenReadOnlyEncrypted is OpenReadOnly for an encrypted workspace.
func OpenReadOnlyEncrypted(ctx context.Context, path string, key []byte) (*Store, error) {
	if len(key) != 32 {
		return nil, errors.New("storage: a database key is 32 bytes")
	}
	return openReadOnly(ctx, path, key)
}

func openReadOnly(ctx context.Context, path string, key []byte) (*Store, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	if !st.Mode().IsRegular() || st.Size() == 0 {
		return nil, fmt.Errorf("storage: %s is not a Bollard workspace; nothing was changed", path)
	}
	if j, err := os.Stat(path + "-journal"); err == nil && j.Size() > 0 {
		// immutable=1 would read past the journal a crash left, and a
		// read-only connection cannot undo the write it holds.
		return nil, fmt.Errorf("storage: a crash left a write to %s unfinished (%s): open the workspace once with Bollard, "+
			"which undoes it (or a copy of both files, if this one must stay as it is), then check it; nothing was changed",
			path, filepath.Base(path)+"-journal")
	}
	q := url.Values{}
	q.Set("mode", "ro")
	q.Set("_busy_timeout", "10000")
	q.Set("_cache_size", "-32000")
	wal, err := os.Stat(path + "-wal")
	switch {
	case errors.Is(err, os.ErrNotExist):
		q.Set("immutable", "1")
	case err != nil:
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	case writable(path, st) && writable(filepath.Dir(path), nil):
	case wal.Size() == 0:
		q.Set("immutable", "1")
	default:
		base := filepath.Base(path)
		return nil, fmt.Errorf("storage: %s cannot be written and its last changes still wait in %s: "+
			"copy %s, %s and %s together to a folder that can be written and check the copy; nothing was changed",
			path, base+"-wal", base, base+"-wal", base+"-shm")
	}
	withKey(q, key)
	// No _journal_mode here: asking for WAL is itself a write when the file
	// is not in WAL mode yet.
	reader, err := sql.Open(driverName, "file:"+url.PathEscape(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	f, err := peekSchema(ctx, reader, path)
	if err == nil {
		err = readableSchema(path, f)
	}
	if err != nil {
		reader.Close()
		return nil, err
	}
	return &Store{path: path, reader: reader}, nil
}

// readableSchema refuses to read a workspace this build's queries do not fit.
func readableSchema(path string, f found) error {
	switch {
	case f.version == 0 || !f.identity:
		return fmt.Errorf("storage: %s is not a Bollard workspace, or one never opened; nothing was changed", path)
	case f.version > len(migrations):
		return fmt.Errorf("storage: %s was written by a newer Bollard (schema %d; this build knows up to %d): check it with that Bollard; nothing was changed", path, f.version, len(migrations))
	case f.version < len(migrations):
		return fmt.Errorf("storage: %s has schema %d and this Bollard reads schema %d: check it with the Bollard that wrote it, "+
			"or open a copy once with this one (which updates the copy) and check that; nothing was changed", path, f.version, len(migrations))
	}
	return nil
}

// ReadOnly reports whether the store was opened with OpenReadOnly.
func (s *Store) ReadOnly() bool { return s.writer == nil }

// writable reports whether this program could write to the file or folder
// at path: its permission bits allow someone to, and the system lets this
// program (which for root also means the file is not marked immutable).
// Going by the bits as well as by the system keeps a 0444 copy untouched
// even for root, whom the system lets write anything.
func writable(path string, st os.FileInfo) bool {
	if st == nil {
		var err error
		if st, err = os.Stat(path); err != nil {
			return false
		}
	}
	if st.Mode().Perm()&0o222 == 0 {
		return false
	}
	return canWrite(path)
}
