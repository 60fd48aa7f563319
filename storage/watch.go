package storage

import (
	"context"
	"fmt"
)

// OutsideSaves returns a number that moves whenever another program (or
// another Store on the same file) has committed to the workspace since it
// was last asked, and stays put for this Store's own saves: SQLite's
// data_version, read on the writer's connection. data_version is per
// connection and counts only the commits of other connections, and the
// writer is one dedicated connection that all of this Store's saves go
// through, so its number moves for outside saves alone. Asking is cheap
// (no transaction, no lock held), so a window can ask every second or two
// to learn that what it shows is stale.
func (s *Store) OutsideSaves(ctx context.Context) (int64, error) {
	var v int64
	if err := s.writer.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("storage: ask for saves by other programs: %w", describe(err))
	}
	return v, nil
}
