package storage

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"bollard/storage/disk"
)

// A workspace's attachment files live in a folder of its own, named for the
// whole workspace file (/x/ws.db -> /x/ws.db.files), holding a marker file
// with the workspace's ID. Releases before issue 12 named the folder
// without the file's extension, so x.db, x.sqlite and a backup x.old all
// shared x.files, and each one's sweep deleted the others' files. The
// marker makes the folder's owner checkable: a folder that names another
// workspace is refused and never touched.

// markerName is the file in the folder that names the workspace owning it.
const markerName = "workspace-id"

// BlobDir returns the folder of attachment files that belongs to a
// workspace file: /x/bollard.db -> /x/bollard.db.files.
func BlobDir(workspacePath string) string { return workspacePath + ".files" }

// LegacyBlobDir returns the folder releases before issue 12 kept a
// workspace's files in: /x/bollard.db -> /x/bollard.files, which every
// workspace file named x.<anything> in that folder shared. It is read, to
// bring a workspace's files across, and never changed.
func LegacyBlobDir(workspacePath string) string {
	return strings.TrimSuffix(workspacePath, filepath.Ext(workspacePath)) + ".files"
}

// ForeignBlobsError says the attachment folder beside a workspace file
// belongs to another workspace. It is refused and left as it is.
type ForeignBlobsError struct {
	Dir   string // the folder
	Owner string // the workspace its marker names
	This  string // the workspace being opened
}

func (e *ForeignBlobsError) Error() string {
	return fmt.Sprintf("storage: the attachment folder %s belongs to workspace %q, not to this workspace (%q); nothing in it was touched: open the workspace it belongs to, or move the folder aside", e.Dir, e.Owner, e.This)
}

// maxMarker is the most of a marker file that is read: a workspace ID and
// a newline are a few dozen bytes, and a huge file put in its place must
// not fill the memory.
const maxMarker = 4 << 10

// readMarker returns the workspace ID the marker in dir names, reading at
// most maxMarker bytes; an error matching os.ErrNotExist when there is
// none. A marker larger than that is not one Bollard wrote, and its
// beginning is returned as the owner, so that it is refused as another's.
func readMarker(dir string) (string, error) {
	f, err := os.Open(filepath.Join(dir, markerName))
	if err != nil {
		return "", err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxMarker+1))
	if err != nil {
		return "", err
	}
	if len(b) > maxMarker {
		return fmt.Sprintf("%s… (a marker of more than %d bytes)", b[:64], maxMarker), nil
	}
	return strings.TrimSpace(string(b)), nil
}

// hasMarker reports whether dir holds a marker, or anything under the
// marker's name. Releases before issue 12 never wrote one, so a folder
// that has it is a store of this release and never an old release's.
func hasMarker(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, markerName))
	return !errors.Is(err, os.ErrNotExist)
}

// legacyFolder returns the folder an older release kept this workspace's
// files in, and whether there is one to bring files from: a folder (not a
// link) by the old name, other than the workspace's own, that carries no
// marker. A folder with a marker is a store of this release, perhaps the
// live store of the workspace this file is a backup of (w.db.bak ->
// w.db.files), and is never read as an old one.
func legacyFolder(workspacePath string) (string, bool) {
	legacy := LegacyBlobDir(workspacePath)
	if legacy == BlobDir(workspacePath) {
		return legacy, false
	}
	st, err := os.Lstat(legacy)
	if err != nil || !st.IsDir() || hasMarker(legacy) {
		return legacy, false
	}
	return legacy, true
}

// BlobFolderReady reports whether the workspace's attachment folder exists
// and is marked as its own. It refuses a folder marked as another
// workspace's (a *ForeignBlobsError) and one that holds files but no
// marker, whose owner cannot be told. It writes nothing.
func BlobFolderReady(workspacePath, id string) (bool, error) {
	dir := BlobDir(workspacePath)
	owner, err := readMarker(dir)
	switch {
	case err == nil:
		if got := owner; got != id {
			return false, &ForeignBlobsError{Dir: dir, Owner: got, This: id}
		}
		return true, nil
	case !errors.Is(err, os.ErrNotExist):
		return false, fmt.Errorf("storage: read the attachment folder's marker: %w", err)
	}
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("storage: read the attachment folder: %w", err)
	case len(entries) > 0 && dir != LegacyBlobDir(workspacePath):
		return false, fmt.Errorf("storage: the attachment folder %s holds files but no %s marker, so whose they are cannot be told; nothing in it was touched: move it aside to open this workspace", dir, markerName)
	}
	return false, nil
}

// OpenWorkspaceBlobs opens the workspace's own attachment folder, which
// MakeBlobFolder has made, to read and add files (see OpenBlobs; key is the
// attachment key of an encrypted workspace, nil for a plaintext one).
func OpenWorkspaceBlobs(workspacePath, id string, key []byte) (*Blobs, error) {
	ready, err := BlobFolderReady(workspacePath, id)
	if err != nil {
		return nil, err
	}
	if !ready {
		return nil, fmt.Errorf("storage: the attachment folder %s is not marked as this workspace's", BlobDir(workspacePath))
	}
	return OpenBlobs(BlobDir(workspacePath), key)
}

// ReadWorkspaceBlobs opens the workspace's attachment files only to read
// them, writing nothing: its own folder when there is one, else, for a
// workspace not yet opened by this release, the folder older releases
// kept its files in. A folder marked as another workspace's is refused.
// key is as for OpenWorkspaceBlobs.
func ReadWorkspaceBlobs(workspacePath, id string, key []byte) (*Blobs, error) {
	ready, err := BlobFolderReady(workspacePath, id)
	if err != nil {
		return nil, err
	}
	if !ready {
		if legacy, ok := legacyFolder(workspacePath); ok {
			return ReadOnlyBlobs(legacy, key), nil
		}
	}
	return ReadOnlyBlobs(BlobDir(workspacePath), key), nil
}

// MakeBlobFolder gives the workspace its own, marked attachment folder
// when it has none. A workspace made by an older release has its files in
// the folder LegacyBlobDir names, perhaps shared with other workspaces:
// the files this workspace references (referenced: its attachments and
// every hash its audit trail names) are copied across, each synced and
// checked, and the old folder is left exactly as it was. Copies, never
// hard links: each store owns its files, and a file with a second name
// could be changed through it. The new folder is built under a temp name,
// marked first, and renamed into place, so a crash leaves either no folder
// (and the next open starts again) or the whole one. Call it holding the
// workspace's write lock, so that two programs never build it at once.
// With an attachment key (an encrypted workspace) the copies are sealed
// with it, so no plaintext reaches the new folder.
func MakeBlobFolder(workspacePath, id string, referenced func() (map[string]bool, error), key []byte) error {
	if err := checkAttachmentKey(key); err != nil {
		return err
	}
	ready, err := BlobFolderReady(workspacePath, id)
	if err != nil || ready {
		return err
	}
	dir := BlobDir(workspacePath)
	if _, err := os.Stat(dir); err == nil {
		if dir == LegacyBlobDir(workspacePath) {
			// A workspace file without an extension: the old folder is
			// the new one under the same name, and is claimed only when
			// every file in it is this workspace's. An encrypted
			// workspace cannot claim an older release's plaintext files
			// as they are: they would sit unsealed in its store.
			if key != nil && holdsFiles(dir) {
				return fmt.Errorf("storage: the attachment folder %s holds an older release's files in plaintext, which an encrypted workspace cannot take over as they are; nothing in it was touched: give this workspace file an extension (rename it to %s.db) so that its files are copied, sealed, into a folder of its own", dir, filepath.Base(workspacePath))
			}
			return claimSameName(workspacePath, id, referenced)
		}
		// An empty folder (BlobFolderReady refused any other): made
		// again below, with the files brought across. os.Remove removes
		// only an empty folder.
		if err := os.Remove(dir); err != nil {
			return fmt.Errorf("storage: make the attachment folder: %w", err)
		}
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, dirMode); err != nil {
		return fmt.Errorf("storage: make the attachment folder: %w", err)
	}
	if err := removeUnfinished(dir, id); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, filepath.Base(dir)+migratingInfix+"*")
	if err != nil {
		return fmt.Errorf("storage: make the attachment folder: %w", err)
	}
	done := false
	defer func() {
		if !done {
			disk.RemoveFolder(tmp)
		}
	}()
	// The marker first: a folder left by a crash is then provably this
	// workspace's unfinished one, and the next open may remove it.
	if err := writeMarker(tmp, id); err != nil {
		return err
	}
	if legacy, ok := legacyFolder(workspacePath); ok {
		hashes, err := referenced()
		if err != nil {
			return err
		}
		if err := bringAcross(legacy, tmp, hashes, key); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("storage: put the attachment folder in place: %w", err)
	}
	done = true
	return disk.SyncFolder(parent)
}

// bringAcross copies the files with the given hashes from the old folder
// into the new one, each synced and checked. A hash the old folder lacks,
// or holds as something other than a plain file (a link, a device), is
// skipped: verify reports the file missing. With a key the copies are
// sealed.
func bringAcross(from, to string, hashes map[string]bool, key []byte) error {
	sorted := make([]string, 0, len(hashes))
	for sha := range hashes {
		if validHash(sha) {
			sorted = append(sorted, sha)
		}
	}
	slices.Sort(sorted)
	synced := map[string]bool{}
	for _, sha := range sorted {
		src := filepath.Join(from, sha[:2], sha)
		info, err := os.Lstat(src)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("storage: bring attachment file %s across: %w", sha, err)
		}
		if !info.Mode().IsRegular() {
			continue // not evidence this store made
		}
		sub := filepath.Join(to, sha[:2])
		if err := os.MkdirAll(sub, dirMode); err != nil {
			return fmt.Errorf("storage: bring attachment file %s across: %w", sha, err)
		}
		if err := copyChecked(src, filepath.Join(sub, sha), key); err != nil {
			return fmt.Errorf("storage: bring attachment file %s across: %w", sha, err)
		}
		synced[sub] = true
	}
	for sub := range synced {
		if err := disk.SyncFolder(sub); err != nil {
			return err
		}
	}
	return disk.SyncFolder(to)
}

// copyChecked copies src to a new file dst (sealed with key, when there is
// one), syncs it, and reads it back (decrypted) to check it holds the same
// bytes as src.
func copyChecked(src, dst string, key []byte) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	h := sha256.New()
	err = copySealed(out, h, in, key)
	if err == nil {
		err = out.Chmod(blobMode)
	}
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	want := hex.EncodeToString(h.Sum(nil))
	back, err := os.Open(dst)
	if err != nil {
		return err
	}
	defer back.Close()
	var plain io.Reader = back
	if key != nil {
		if plain, err = OpenSealedAttachment(bufio.NewReaderSize(back, 64<<10), key); err != nil {
			return err
		}
	}
	h.Reset()
	if _, err := io.CopyBuffer(h, plain, make([]byte, copyChunk)); err != nil {
		return err
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != want {
		return fmt.Errorf("the copy reads back as %s, not %s", got, want)
	}
	return nil
}

// copySealed copies in to out, sealed with key when there is one, and
// through h (the plaintext).
func copySealed(out io.Writer, h io.Writer, in io.Reader, key []byte) error {
	if key == nil {
		_, err := io.CopyBuffer(io.MultiWriter(out, h), in, make([]byte, copyChunk))
		return err
	}
	buf := bufio.NewWriterSize(out, copyChunk)
	sealed, err := SealAttachment(buf, key)
	if err != nil {
		return err
	}
	if _, err := io.CopyBuffer(io.MultiWriter(sealed, h), in, make([]byte, copyChunk)); err != nil {
		return err
	}
	if err := sealed.Close(); err != nil {
		return err
	}
	return buf.Flush()
}

// holdsFiles reports whether there is anything but folders under dir (or
// it cannot be read whole, which is taken as yes).
func holdsFiles(dir string) bool {
	found := false
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			found = true
			return filepath.SkipAll
		}
		return nil
	})
	return found || err != nil
}

// writeMarker writes the marker naming the workspace into dir, durably.
func writeMarker(dir, id string) error {
	tmp, err := os.CreateTemp(dir, "."+markerName+"-*")
	if err != nil {
		return fmt.Errorf("storage: mark the attachment folder: %w", err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.WriteString(id + "\n")
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, markerName))
	}
	if err != nil {
		return fmt.Errorf("storage: mark the attachment folder: %w", err)
	}
	return disk.SyncFolder(dir)
}
