package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"bollard/model"
	"bollard/storage/disk"
)

// A prune removes files no exhibit has and no audit entry names, each with
// an audit entry of its own. Under the write lock, each file is first set
// aside in pruning/<prune>/ in the store, and its entry written; only once
// the entries are committed are the set-aside files deleted. A crash before
// the commit leaves files set aside whose entries never landed: the next
// prune puts them back. Nothing is ever gone without its entry.

// pruneFolder holds the files of a prune whose entries are not committed.
const pruneFolder = "pruning"

// PrunedFile is what the audit trail records of a file a prune removed.
type PrunedFile struct {
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
	Prune  string `json:"prune"` // the ID of the prune that removed it
}

// PruneFile sets the stored file aside and writes its removal to the audit
// trail, in this transaction. FinishPrune deletes it once the transaction
// has committed; UndoPrune puts it back if it did not.
func (tx *Tx) PruneFile(b *Blobs, f PrunedFile) error {
	read := func(string) (PrunedFile, error) { return f, nil }
	return audited(tx, model.RecordFile, model.AuditRemove, f.SHA256, read, noCase[PrunedFile], func() error {
		return b.setAside(f.Prune, f.SHA256)
	})
}

// setAside moves a stored file into the prune's folder.
func (b *Blobs) setAside(prune, sha string) error {
	if b.temp == nil {
		return ErrReadOnlyBlobs
	}
	p := b.Path(sha)
	if p == "" || !model.ValidID(prune) {
		return fmt.Errorf("%w: %q", ErrBadHash, sha)
	}
	aside := filepath.Join(b.dir, pruneFolder, prune)
	if err := os.MkdirAll(aside, dirMode); err != nil {
		return fmt.Errorf("storage: set attachment file %s aside: %w", sha, err)
	}
	if err := os.Rename(p, filepath.Join(aside, sha)); err != nil {
		return fmt.Errorf("storage: set attachment file %s aside: %w", sha, err)
	}
	return nil
}

// FinishPrune deletes the files a committed prune set aside.
func (b *Blobs) FinishPrune(prune string) error {
	if !model.ValidID(prune) {
		return fmt.Errorf("storage: finish prune: %q is not a prune's ID", prune)
	}
	if err := disk.RemoveFolder(filepath.Join(b.dir, pruneFolder, prune)); err != nil {
		return fmt.Errorf("storage: finish prune: %w", err)
	}
	return nil
}

// UndoPrune puts back the files a prune that did not commit set aside. A
// file stored again meanwhile is kept as it is, and the set-aside copy is
// dropped only when the file in place re-hashes to its name (the same
// contents); when it does not, the set-aside original stays where it is,
// the prune's folder with it, and the error names both.
func (b *Blobs) UndoPrune(prune string) error {
	if !model.ValidID(prune) {
		return fmt.Errorf("storage: undo prune: %q is not a prune's ID", prune)
	}
	aside := filepath.Join(b.dir, pruneFolder, prune)
	entries, err := os.ReadDir(aside)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("storage: undo prune: %w", err)
	}
	touched := map[string]bool{}
	var kept []error
	for _, e := range entries {
		final := b.Path(e.Name())
		if final == "" {
			continue // not a file a prune sets aside: left for a person to see
		}
		if _, err := os.Lstat(final); err == nil {
			set := filepath.Join(aside, e.Name())
			// Check reads through the key in an encrypted store, and
			// refuses anything in place that is not a plain file.
			if b.Check(e.Name()) != nil {
				kept = append(kept, fmt.Errorf("storage: undo prune: %s does not hold the bytes its name says; the original is kept set aside at %s", final, set))
				continue
			}
			if err := os.Remove(set); err != nil {
				return fmt.Errorf("storage: undo prune: %w", err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(final), dirMode); err != nil {
			return fmt.Errorf("storage: undo prune: %w", err)
		}
		if err := os.Rename(filepath.Join(aside, e.Name()), final); err != nil {
			return fmt.Errorf("storage: undo prune: %w", err)
		}
		touched[filepath.Dir(final)] = true
	}
	// The files are back under their names for good only once their
	// folders are synced; then the prune's folder may go.
	for dir := range touched {
		if err := disk.SyncFolder(dir); err != nil {
			return err
		}
	}
	if err := disk.SyncFolder(b.dir); err != nil {
		return err
	}
	if len(kept) > 0 {
		return errors.Join(kept...)
	}
	return b.FinishPrune(prune)
}

// SettlePrunes finishes or undoes, by what the audit trail says, every
// prune a crash interrupted. Call it under the write lock, in tx.
func (b *Blobs) SettlePrunes(tx *Tx) error {
	entries, err := os.ReadDir(filepath.Join(b.dir, pruneFolder))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("storage: settle prunes: %w", err)
	}
	for _, e := range entries {
		prune := e.Name()
		if !e.IsDir() || !model.ValidID(prune) {
			continue
		}
		var committed bool
		err := tx.queryRow(`SELECT EXISTS (SELECT 1 FROM audit_log WHERE record_type = ? AND instr(before, ?) > 0)`,
			model.RecordFile, `"prune":"`+prune+`"`).Scan(&committed)
		if err != nil {
			return wrap("settle prunes", err)
		}
		if committed {
			err = b.FinishPrune(prune)
		} else {
			err = b.UndoPrune(prune)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
