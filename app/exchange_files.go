package app

import (
	"context"
	"errors"
	"fmt"
	"io"

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

// fileReceived checks that the file of an attachment recorded elsewhere
// came with its package, and that the exhibit does not have it already.
func fileReceived(b *Batch, a *model.Attachment, at *where) error {
	has, err := b.blobs.Has(a.SHA256)
	if err != nil {
		return model.Invalid("attachment sha256", a.SHA256, "should be a SHA-256 in lowercase hex")
	}
	if !has {
		return errors.New("the file " + a.Name + " (SHA-256 " + a.SHA256 + ") is not in the package")
	}
	return notAttached(at.exhibit.Item, a)
}
