package app

import "context"

// OutsideSaves returns a number that moves whenever another program saved
// to the workspace file since it was last asked, and not for this
// Workspace's own saves. The window asks it every second or two and reads
// again what it shows when it moves, so that lists, the case view and the
// integrity check never stay stale after a script or a second window
// changed the file.
func (w *Workspace) OutsideSaves(ctx context.Context) (int64, error) {
	return w.store.OutsideSaves(ctx)
}
