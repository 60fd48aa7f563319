package storage

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
)

// rollBackHotJournal lets SQLite undo a write that a crash cut short while
// the file was still in rollback-journal mode, which is the moment a new
// workspace is being made, before it switches to WAL: the crash leaves a
// partly written file and, beside it, the journal (ws.db-journal) that
// undoes the write. Only a connection that may write can roll it back; a
// read-only one, like the look peek takes first, gets "attempt
// to write a readonly database" on every open, for ever. The connection
// here sets no pragma: it switches nothing to WAL and changes no other
// program's database beyond what SQLite itself does for any program that
// opens it after a crash (restore its last committed state).
func rollBackHotJournal(ctx context.Context, path string, key []byte) error {
	if st, err := os.Stat(path + "-journal"); err != nil || st.Size() == 0 {
		return nil
	}
	q := url.Values{}
	q.Set("mode", "rw")
	q.Set("_busy_timeout", "10000")
	withKey(q, key)
	db, err := sql.Open(driverName, "file:"+url.PathEscape(path)+"?"+q.Encode())
	if err != nil {
		return fmt.Errorf("storage: open %s: %w", path, err)
	}
	defer db.Close()
	// Any read takes the shared lock, and SQLite rolls a hot journal back
	// before it reads.
	var n int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master`).Scan(&n); err != nil {
		return fmt.Errorf("storage: open %s: undo the write a crash cut short: %w", path, describe(err))
	}
	return nil
}
