package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"bollard/storage/disk"
)

// Two things an older release's folder, or a crashed build, may leave
// beside a workspace, and the proof asked before Bollard takes either:
// a folder of files without a marker is claimed only when every file in
// it is the workspace's own, and an unfinished build is removed only when
// it is provably this workspace's. Anything else is left for a person.

// migratingInfix names a folder being built by MakeBlobFolder:
// ws.db.files.migrating-123.
const migratingInfix = ".migrating-"

// claimSameName marks the folder of a workspace file without an extension
// (x -> x.files), which is also the name older releases gave the folder
// of x.db, x.sqlite, x.old. It is claimed only when every file in it is
// one this workspace references; otherwise it holds another workspace's
// evidence and is refused, untouched, so that a later prune can never
// delete it.
func claimSameName(workspacePath, id string, referenced func() (map[string]bool, error)) error {
	dir := BlobDir(workspacePath)
	hashes, err := referenced()
	if err != nil {
		return err
	}
	var foreign []string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if name := d.Name(); !d.Type().IsRegular() || !validHash(name) || !hashes[name] ||
			filepath.Join(dir, name[:2], name) != p {
			rel, _ := filepath.Rel(dir, p)
			foreign = append(foreign, rel)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("storage: read the attachment folder: %w", err)
	}
	if len(foreign) > 0 {
		base := filepath.Base(workspacePath)
		return fmt.Errorf("storage: the attachment folder %s holds files of another workspace made by an older release (%d not this workspace's, such as %q); nothing in it was touched: give this workspace file an extension no other file there has (rename %s to %s.db, say) and open it again: the files it references are then copied into its own folder %s.db.files",
			dir, len(foreign), foreign[0], base, base, base)
	}
	return writeMarker(dir, id)
}

// removeUnfinished removes what an earlier build of the workspace's folder
// that crashed left (dir.migrating-*), but only a folder that is provably
// that: it holds the marker naming this workspace, written first, and
// nothing but hash folders of hash-named files and the marker's temp file.
// Any other folder by that name is left exactly as it is.
func removeUnfinished(dir, id string) error {
	parent, prefix := filepath.Dir(dir), filepath.Base(dir)+migratingInfix
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		half := filepath.Join(parent, e.Name())
		if !ourUnfinished(half, id) {
			continue
		}
		if err := disk.RemoveFolder(half); err != nil {
			return fmt.Errorf("storage: remove an unfinished attachment folder: %w", err)
		}
	}
	return nil
}

// ourUnfinished reports whether half is a folder MakeBlobFolder began for
// the workspace id and never finished.
func ourUnfinished(half, id string) bool {
	if owner, err := readMarker(half); err != nil || owner != id {
		return false
	}
	errOther := errors.New("not ours")
	err := filepath.WalkDir(half, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(half, p)
		parts := strings.Split(rel, string(filepath.Separator))
		switch {
		case rel == ".":
			return nil
		case len(parts) == 1 && d.Type().IsRegular() && (parts[0] == markerName || strings.HasPrefix(parts[0], "."+markerName+"-")):
			return nil
		case len(parts) == 1 && d.IsDir() && len(parts[0]) == 2 && validHash(strings.Repeat(parts[0], 32)):
			return nil
		case len(parts) == 2 && d.Type().IsRegular() && validHash(parts[1]) && parts[1][:2] == parts[0]:
			return nil
		}
		return errOther
	})
	return err == nil
}
