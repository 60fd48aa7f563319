package app

import (
	"context"

	"bollard/storage"
)

// openBlobs opens the workspace's own attachment folder (path.files, marked
// with the workspace's ID), making it the first time: for a workspace made
// by an older release this brings its files across from the folder it
// shared (see storage.MakeBlobFolder), which takes the write lock once.
// Opening never deletes a stored file; it removes only what programs that
// died left in the folder's temp folder.
func (w *Workspace) openBlobs(ctx context.Context, path string) (*storage.Blobs, error) {
	ready, err := storage.BlobFolderReady(path, w.id)
	if err != nil {
		return nil, err
	}
	if !ready {
		err := w.store.Write(ctx, func(tx *storage.Tx) error {
			return storage.MakeBlobFolder(path, w.id, tx.ReferencedHashes)
		})
		if err != nil {
			return nil, err
		}
	}
	return storage.OpenWorkspaceBlobs(path, w.id)
}

// TempDir is this program's own temp folder inside the workspace's
// attachment folder, for files that are not evidence yet, such as the
// decrypted files of a package being imported: removed when the workspace
// closes, and by the next open if the program dies first.
func (w *Workspace) TempDir() string { return w.blobs.TempDir() }
