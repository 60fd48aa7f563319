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
			return storage.MakeBlobFolder(path, w.id, tx.ReferencedHashes, w.attachmentKey)
		})
		if err != nil {
			return nil, err
		}
	}
	// An encrypted workspace's key seals every file; nil keeps a
	// plaintext workspace's store as it was.
	return storage.OpenWorkspaceBlobs(path, w.id, w.attachmentKey)
}

// TempDir is this program's own temp folder inside the workspace's
// attachment folder, for files that are not evidence yet, such as the
// decrypted files of a package being imported: removed when the workspace
// closes, and by the next open if the program dies first.
// What is written there must go through TempSeal.
func (w *Workspace) TempDir() string { return w.blobs.TempDir() }

// TempSeal seals what is written to TempDir in an encrypted workspace, with
// a key held only in memory, so that no plaintext lands on disk there; nil
// (which passes bytes through) for a plaintext workspace.
func (w *Workspace) TempSeal() *storage.TempSeal { return w.blobs.TempSeal() }
