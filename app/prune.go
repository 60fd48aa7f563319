package app

import (
	"context"
	"errors"
	"os"

	"bollard/model"
	"bollard/storage"
)

// StoredFile is a file in the workspace's attachment folder, by its hash.
type StoredFile struct {
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// PruneReport says what `files prune` removed, or with a dry run would
// remove, and which files no exhibit has but stay because the audit trail
// names them.
type PruneReport struct {
	DryRun  bool         `json:"dry_run"`
	Prune   string       `json:"prune,omitempty"` // the ID the audit entries of this prune carry
	Removed []StoredFile `json:"removed"`         // with a dry run, what would be removed
	Bytes   int64        `json:"bytes"`           // their total size
	Kept    []StoredFile `json:"kept_in_audit_trail"`
}

// PruneFiles removes the files in the attachment folder that no exhibit
// has and whose hash the audit trail names nowhere: copies left by a crash
// between copying a file in and saving its exhibit. It is the only way a
// stored file is ever removed, and only on the officer's word: each removal
// is an audit entry in the officer's name, written under the write lock in
// the transaction that removes the file. With dryRun it only says what it
// would remove, and changes nothing.
func (w *Workspace) PruneFiles(ctx context.Context, dryRun bool) (PruneReport, error) {
	r := PruneReport{DryRun: dryRun, Removed: []StoredFile{}, Kept: []StoredFile{}}
	if dryRun {
		err := w.read(ctx, func(tx *storage.Tx) error { return w.findUnreferenced(tx, &r) })
		return r, err
	}
	r.Prune = model.NewID()
	err := w.Change(ctx, func(b *Batch) error {
		// Finish or undo what a prune killed half-way left set aside.
		if err := w.blobs.SettlePrunes(b.tx); err != nil {
			return err
		}
		r.Removed, r.Kept, r.Bytes = r.Removed[:0], r.Kept[:0], 0
		if err := w.findUnreferenced(b.tx, &r); err != nil {
			return err
		}
		for _, f := range r.Removed {
			if err := b.tx.PruneFile(w.blobs, storage.PrunedFile{SHA256: f.SHA256, Size: f.Size, Prune: r.Prune}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		if undo := w.blobs.UndoPrune(r.Prune); undo != nil {
			return r, errors.Join(err, undo)
		}
		return r, err
	}
	return r, w.blobs.FinishPrune(r.Prune)
}

// findUnreferenced fills r with the stored files no exhibit has: those the
// audit trail names go to Kept, the others to Removed.
func (w *Workspace) findUnreferenced(tx *storage.Tx, r *PruneReport) error {
	stored, err := w.blobs.List()
	if err != nil {
		return err
	}
	attached, err := tx.AttachedHashes()
	if err != nil {
		return err
	}
	audited, err := tx.AuditedHashes()
	if err != nil {
		return err
	}
	for _, sha := range stored {
		if attached[sha] {
			continue
		}
		f := StoredFile{SHA256: sha}
		// The size on disk, read without opening the file: what removing
		// it frees (in an encrypted workspace, the sealed file's size,
		// a little more than its contents').
		if info, err := os.Lstat(w.blobs.Path(sha)); err == nil {
			f.Size = info.Size()
		}
		if audited[sha] {
			r.Kept = append(r.Kept, f)
			continue
		}
		r.Removed = append(r.Removed, f)
		r.Bytes += f.Size
	}
	return nil
}
