package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"os"
	"path/filepath"
	"strings"

	"bollard/model"
	"bollard/storage"
	"bollard/storage/disk"
)

// storedFile is a file copied into the workspace's blob folder, not yet
// attached to an exhibit.
type storedFile struct {
	blob      storage.Blob
	name      string
	mediaType string
}

// storeFiles copies files into the blob folder before the transaction that
// attaches them: a 1 GB file takes seconds to copy, and the write lock is
// not held meanwhile. Whatever happens next, dropUnattached removes the
// copies no exhibit ended up with.
func (w *Workspace) storeFiles(paths []string) ([]storedFile, error) {
	var files []storedFile
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			w.dropUnattached(context.Background(), files)
			return nil, fmt.Errorf("attach %s: %w", p, errors.Unwrap(err))
		}
		if info.IsDir() {
			w.dropUnattached(context.Background(), files)
			return nil, fmt.Errorf("attach %s: it is a folder; attach the files in it one by one", p)
		}
		blob, err := w.blobs.PutFile(p)
		if disk.IsInUse(err) {
			w.dropUnattached(context.Background(), files)
			return nil, err // names the file and says what to do
		}
		if err != nil {
			w.dropUnattached(context.Background(), files)
			return nil, fmt.Errorf("attach %s: %w", p, err)
		}
		// A name that is not UTF-8 (possible on Linux) keeps its readable
		// part: the text check refuses invalid UTF-8 in any record, and the
		// file is identified by its SHA-256, not its name.
		name := strings.ToValidUTF8(filepath.Base(p), "\uFFFD")
		files = append(files, storedFile{blob: blob, name: name, mediaType: mediaType(p)})
	}
	return files, nil
}

// dropUnattached removes the files this attempt copied in that no exhibit
// has: after a failed transaction, nothing is left behind. A file that was
// already stored, that another program attached meanwhile, or whose hash
// the audit trail names, stays; the check is made under the write lock so
// that it cannot race such an attach. A crash before this runs leaves the
// copy in the store: only `files prune` removes it, never an open.
func (w *Workspace) dropUnattached(ctx context.Context, files []storedFile) {
	var fresh []storedFile
	for _, f := range files {
		if f.blob.New {
			fresh = append(fresh, f)
		}
	}
	if len(fresh) == 0 {
		return
	}
	// One transaction for them all: each write may wait for another program.
	_ = w.store.Write(ctx, func(tx *storage.Tx) error {
		for _, f := range fresh {
			inUse, err := tx.BlobInUse(f.blob.SHA256)
			if err != nil {
				return err
			}
			audited, err := tx.HashInAudit(f.blob.SHA256)
			if err != nil {
				return err
			}
			if inUse || audited {
				continue
			}
			if err := w.blobs.Remove(f.blob.SHA256); err != nil {
				return err
			}
		}
		return nil
	})
}

// dropAfterFailedSave removes the copies a save that failed was to attach,
// unless it failed because another program holds the workspace: tidying up
// would wait for that program again, doubling the officer's wait for the
// message that says who holds it. The copies then stay, named by no record,
// until `files prune`.
func (w *Workspace) dropAfterFailedSave(ctx context.Context, files []storedFile, saveErr error) {
	if errors.Is(saveErr, storage.ErrWorkspaceBusy) {
		return
	}
	w.dropUnattached(context.WithoutCancel(ctx), files)
}

// signatures are the first bytes of the file types investigators attach
// most, which say what a file is whatever its name.
var signatures = []struct {
	prefix    string
	mediaType string
}{
	{"\xFF\xD8\xFF", "image/jpeg"},
	{"\x89PNG\r\n\x1A\n", "image/png"},
	{"GIF87a", "image/gif"},
	{"GIF89a", "image/gif"},
	{"II*\x00", "image/tiff"},
	{"MM\x00*", "image/tiff"},
	{"%PDF-", "application/pdf"},
}

// mediaType names what kind of file p is, from its first bytes where they
// say (a photo renamed .txt is still a photo), else from its extension.
func mediaType(p string) string {
	if f, err := os.Open(p); err == nil {
		head := make([]byte, 16)
		n, _ := io.ReadFull(f, head)
		f.Close()
		for _, s := range signatures {
			if strings.HasPrefix(string(head[:n]), s.prefix) {
				return s.mediaType
			}
		}
	}
	if byExt := mime.TypeByExtension(strings.ToLower(filepath.Ext(p))); byExt != "" {
		return byExt
	}
	return "application/octet-stream"
}

// AttachmentPath is where the file with that SHA-256 is kept; "" for a
// string that is not a SHA-256. It is for showing the officer where the
// file is, never for reading it: in an encrypted workspace the file there
// is sealed, and OpenAttachment is the only way to its contents.
func (w *Workspace) AttachmentPath(sha256 string) string { return w.blobs.Path(sha256) }

// OpenAttachment opens the file with that SHA-256 and returns its contents
// (decrypted, in an encrypted workspace), refusing anything in its place
// that is not a plain file (a named pipe, a symbolic link) with an error
// naming what it is, instead of reading it: reading a pipe or /dev/zero
// would never end.
func (w *Workspace) OpenAttachment(sha256 string) (io.ReadCloser, error) { return w.blobs.Open(sha256) }

// attach records stored files against an exhibit, each through the write
// path (see copyKept for the checks made under the write lock).
func (b *Batch) attach(item *model.EvidenceItem, files []storedFile) error {
	for _, f := range files {
		a := model.Attachment{ID: model.NewID(), ItemID: item.ID, SHA256: f.blob.SHA256, Name: f.name,
			Size: f.blob.Size, MediaType: f.mediaType, AddedAt: b.now, AddedBy: b.officer.Author()}
		if err := b.add(&a); err != nil {
			return err
		}
		item.Attachments = append(item.Attachments, a)
	}
	return nil
}

// AttachContent attaches a file given by its content to the exhibit a
// names, as a records it: its ID, name, media type, and who added it when
// (the demo's photographs, made with their case). The content is kept in
// the workspace's files first, unless a file with the same content is
// there already; should the change not be saved, the copy stays unattached
// until `files prune`.
func (b *Batch) AttachContent(a *model.Attachment, content []byte) error {
	sum := sha256.Sum256(content)
	a.SHA256, a.Size = hex.EncodeToString(sum[:]), int64(len(content))
	if has, err := b.blobs.Has(a.SHA256); err != nil {
		return err
	} else if !has {
		if _, err := b.blobs.Put(bytes.NewReader(content)); err != nil {
			return err
		}
	}
	for _, sig := range signatures {
		if a.MediaType == "" && bytes.HasPrefix(content, []byte(sig.prefix)) {
			a.MediaType = sig.mediaType
		}
	}
	return b.add(a)
}
