package app

import (
	"context"
	"errors"
	"fmt"
	"io"

	"bollard/app/search"
	"bollard/model"
)

// stagedFiles are files from a case package copied into the workspace ahead
// of the transaction that attaches them (a large file takes seconds to copy,
// and the write lock is not held meanwhile). Drop removes, whatever
// happened, the copies no exhibit ended up with.
type stagedFiles struct {
	w     *Workspace
	files []storedFile
}

// staging starts a set of staged files.
func (w *Workspace) staging() *stagedFiles { return &stagedFiles{w: w} }

// Add copies a file that should hash to sha into the workspace. A file
// already held is not copied again. A file whose contents do not hash to
// sha is refused and not kept.
func (s *stagedFiles) Add(sha string, open func() (io.ReadCloser, error)) error {
	w := s.w
	if has, err := w.blobs.Has(sha); err != nil || has {
		return err
	}
	r, err := open()
	if err != nil {
		return err
	}
	defer r.Close()
	blob, err := w.blobs.Put(r)
	if err != nil {
		return err
	}
	f := storedFile{blob: blob}
	if blob.SHA256 != sha {
		w.dropUnattached(context.Background(), []storedFile{f})
		return fmt.Errorf("the file listed as SHA-256 %s holds other contents (%s)", sha, blob.SHA256)
	}
	s.files = append(s.files, f)
	return nil
}

// Drop removes the staged copies that no exhibit has.
func (s *stagedFiles) Drop(ctx context.Context) {
	s.w.dropUnattached(context.WithoutCancel(ctx), s.files)
}

// AddAttachmentAsRecorded attaches a file that another workspace attached
// to an exhibit, keeping its identity, name and who added it when. The file
// must already be in the workspace (see StagedFiles) and is checked to be.
func (b *Batch) AddAttachmentAsRecorded(a *model.Attachment) error {
	item, err := b.tx.EvidenceByID(a.ItemID)
	if err != nil {
		return err
	}
	c, err := b.activeCase(item.CaseID)
	if err != nil {
		return err
	}
	if err := a.Validate(b.now); err != nil {
		return err
	}
	has, err := b.blobs.Has(a.SHA256)
	if err != nil {
		return model.Invalid("attachment sha256", a.SHA256, "should be a SHA-256 in lowercase hex")
	}
	if !has {
		return errors.New("the file " + a.Name + " (SHA-256 " + a.SHA256 + ") is not in the package")
	}
	for _, had := range item.Attachments {
		if had.SHA256 == a.SHA256 {
			return fmt.Errorf("exhibit %s already has this file, as %s (SHA-256 %s)", item.ExhibitRef, had.Name, had.SHA256)
		}
	}
	if err := b.tx.InsertAttachment(a); err != nil {
		return err
	}
	item.Attachments = append(item.Attachments, *a)
	b.contentsChanged(item.CaseID, model.Record{UpdatedAt: a.AddedAt, UpdatedBy: a.AddedBy})
	b.index(search.EvidenceDoc(item, c.Ref))
	return nil
}
