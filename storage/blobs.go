package storage

import (
	"bufio"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"bollard/storage/disk"
)

// The blob store keeps attachment files beside the workspace file, so that a
// workspace is one folder to back up. Each file is named by the SHA-256 of
// its contents: the name is the proof of what the file holds, the same file
// added twice is stored once, and a stored file is never edited in place.
//
// In an encrypted workspace every stored file is sealed with the workspace's
// attachment key (SealAttachment), but keeps the name of the SHA-256 of its
// plaintext, the evidence hash. That name reveals, to whoever holds the
// folder, that the workspace holds a file they can hash themselves (a known
// photo, a known document) and how many files it holds and their rough
// sizes. Hiding it (naming files by a keyed hash) is left for later: it
// changes every path the store and the packages agree on.

const (
	// tempPrefix marks a copy still being written. Temp files sit in the
	// program's session folder under tmp/, never in a hash folder, so List
	// never mistakes one for a blob and SweepTemp removes those of a
	// program that died.
	tempPrefix = ".put-"

	// copyChunk and copyChunks size the fixed pool of buffers Put streams
	// through: 4 MiB in flight at most, whatever the size of the file.
	copyChunk  = 1 << 20
	copyChunks = 4

	// blobMode makes stored files read-only: evidence is never edited.
	blobMode = 0o400
	dirMode  = 0o700
)

// ErrBlobMissing says an attachment file is no longer in the blob store.
var ErrBlobMissing = errors.New("storage: attachment file missing")

// ErrBadHash says a string is not a SHA-256 as the blob store names files
// (64 lowercase hex digits); it is refused before it can reach a path.
var ErrBadHash = errors.New("storage: not a lowercase hex SHA-256")

// BlobMismatch says an attachment file is present but no longer holds the
// bytes it was stored with.
type BlobMismatch struct {
	Want string // the hash the file was stored under
	Got  string // what its contents hash to now
}

func (e *BlobMismatch) Error() string {
	return fmt.Sprintf("storage: attachment file %s: its contents now hash to %s", e.Want, e.Got)
}

// ErrReadOnlyBlobs says a store opened only to be read was asked to change.
var ErrReadOnlyBlobs = errors.New("storage: the attachment folder was opened read-only")

// Blobs is a content-addressed store of attachment files in one folder.
type Blobs struct {
	dir string
	// key is the workspace's attachment key that seals every stored file;
	// nil for a plaintext store.
	key []byte
	// tempKey seals what is written to the temp folder (see TempSeal): a
	// random key made when the store opens and kept only in memory, so
	// that what a killed program leaves there cannot be read by anyone;
	// nil for a plaintext store.
	tempKey []byte
	// temp is this program's session in the store's temp folder, where
	// copies are written before they are placed; nil when the store was
	// opened read-only.
	temp *tempSession

	// placing serialises the "is it there yet? then rename" step of Put so
	// that, within this program, exactly one of two concurrent Puts of the
	// same content reports New.
	placing sync.Mutex
}

// Blob describes a file held in the store.
type Blob struct {
	SHA256 string // lowercase hex, also the file's name
	Size   int64
	New    bool // this Put created the file; false when it was already stored
}

// OpenBlobs opens the blob store in dir to read and add files, creating
// the folder when missing. It removes what programs that died left in the
// temp folder (never a stored file) and starts this program's own session
// there; Close ends it. The workspace opens its store with
// OpenWorkspaceBlobs, which first checks that the folder is its own.
// With an attachment key (32 bytes) every file is stored sealed with it and
// read through it; with nil the store is plaintext.
func OpenBlobs(dir string, key []byte) (*Blobs, error) {
	if err := checkAttachmentKey(key); err != nil {
		return nil, err
	}
	if err := disk.MakeFolder(dir); err != nil {
		return nil, fmt.Errorf("storage: open attachment folder: %w", err)
	}
	b := &Blobs{dir: dir, key: key}
	if key != nil {
		b.tempKey = make([]byte, len(key))
		if _, err := rand.Read(b.tempKey); err != nil {
			return nil, fmt.Errorf("storage: open attachment folder: make the temp folder's key: %w", err)
		}
	}
	// Best effort: a leftover that cannot be removed now (a file another
	// program holds open on Windows) is tried again at the next open,
	// and must not keep the officer out of the workspace.
	_, _ = b.SweepTemp()
	temp, err := startTempSession(dir)
	if err != nil {
		return nil, err
	}
	b.temp = temp
	return b, nil
}

// ReadOnlyBlobs opens the blob store in dir only to read it: it writes
// nothing, not even the folder when it is missing (every file is then
// reported missing), so that a copy on a write-blocked disk can be checked.
// key is as for OpenBlobs; a key of the wrong length fails every read.
func ReadOnlyBlobs(dir string, key []byte) *Blobs { return &Blobs{dir: dir, key: key} }

// Encrypted reports whether the store seals its files.
func (b *Blobs) Encrypted() bool { return b.key != nil }

// checkAttachmentKey refuses a key that is neither nil (a plaintext store)
// nor 32 bytes.
func checkAttachmentKey(key []byte) error {
	if key != nil && len(key) != 32 {
		return errors.New("storage: an attachment key is 32 bytes; nothing was opened")
	}
	return nil
}

// Dir is the store's folder.
func (b *Blobs) Dir() string { return b.dir }

// TempDir is this program's own folder in the store's temp folder, for
// files that are not evidence yet (an import's unpacked files): on the same
// disk as the store, removed by Close, and removed by the next open if the
// program dies first. "" when the store was opened read-only.
func (b *Blobs) TempDir() string {
	if b == nil || b.temp == nil {
		return ""
	}
	return b.temp.dir
}

// Close removes this program's temp folder and all in it.
func (b *Blobs) Close() error {
	if b == nil || b.temp == nil {
		return nil
	}
	err := b.temp.close()
	b.temp = nil
	clear(b.tempKey)
	b.tempKey = nil
	return err
}

// Put copies r into the store and returns its hash. The copy is hashed as it
// streams, made durable (file and folder fsynced) and only then given its
// hash name, so a crash leaves either the whole file or a temp file that
// SweepTemp clears, never a blob with the wrong contents.
func (b *Blobs) Put(r io.Reader) (Blob, error) {
	if b.temp == nil {
		return Blob{}, ErrReadOnlyBlobs
	}
	tmp, err := os.CreateTemp(b.temp.dir, tempPrefix+"*")
	if err != nil {
		return Blob{}, fmt.Errorf("storage: store attachment: %w", err)
	}
	placed := false
	defer func() {
		if !placed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()

	h := sha256.New()
	size, err := b.copyIn(tmp, h, r)
	if err != nil {
		return Blob{}, fmt.Errorf("storage: store attachment: %w", err)
	}
	if err := tmp.Chmod(blobMode); err != nil {
		return Blob{}, fmt.Errorf("storage: store attachment: %w", err)
	}
	// The bytes must be on disk before the record that names them commits.
	if err := tmp.Sync(); err != nil {
		return Blob{}, fmt.Errorf("storage: store attachment: sync: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return Blob{}, fmt.Errorf("storage: store attachment: %w", err)
	}

	blob := Blob{SHA256: hex.EncodeToString(h.Sum(nil)), Size: size}
	final := b.Path(blob.SHA256)

	b.placing.Lock()
	defer b.placing.Unlock()
	switch _, err := os.Lstat(final); {
	case err == nil:
		// Already stored: keep the file that is there. If it has been
		// tampered with, Check must go on reporting that, not have it
		// quietly replaced.
		os.Remove(tmp.Name())
		placed = true
		return blob, nil
	case !errors.Is(err, os.ErrNotExist):
		return Blob{}, fmt.Errorf("storage: store attachment: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(final), dirMode); err != nil {
		return Blob{}, fmt.Errorf("storage: store attachment: %w", err)
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		return Blob{}, fmt.Errorf("storage: store attachment: %w", err)
	}
	placed = true
	// The rename is durable only once the folders it touched are synced:
	// the hash folder gained the name, the top folder may have gained the
	// hash folder. (The temp folder's loss of the temp name may be lost:
	// the sweep tidies it.)
	if err := disk.SyncFolder(filepath.Dir(final)); err != nil {
		return Blob{}, err
	}
	if err := disk.SyncFolder(b.dir); err != nil {
		return Blob{}, err
	}
	blob.New = true
	return blob, nil
}

// PutFile copies the file at path into the store.
func (b *Blobs) PutFile(path string) (Blob, error) {
	f, err := os.Open(path)
	if err != nil {
		return Blob{}, disk.InUse(path, fmt.Errorf("storage: store attachment: %w", err))
	}
	defer f.Close()
	return b.Put(f)
}

// copyIn copies r into the temp file, sealed when the store is encrypted,
// hashing the plaintext as it goes. The hash runs in the calling goroutine
// and the encryption (with the write) in copyHashing's other one, so on two
// cores the two proceed at once: done one after the other, hashing and
// ChaCha20-Poly1305 together cost about twice sha256sum. The sealed stream
// goes through a buffer of one chunk, so the file gets large writes rather
// than one per 64 KiB age chunk.
func (b *Blobs) copyIn(tmp *os.File, h hash.Hash, r io.Reader) (int64, error) {
	if b.key == nil {
		return copyHashing(tmp, h, r)
	}
	buf := bufio.NewWriterSize(tmp, copyChunk)
	sealed, err := SealAttachment(buf, b.key)
	if err != nil {
		return 0, err
	}
	size, err := copyHashing(sealed, h, r)
	if err != nil {
		return size, err
	}
	if err := sealed.Close(); err != nil {
		return size, fmt.Errorf("write: %w", err)
	}
	if err := buf.Flush(); err != nil {
		return size, fmt.Errorf("write: %w", err)
	}
	return size, nil
}

// copyHashing copies r to w and through h. Reading and hashing run in the
// calling goroutine while writing runs in another, so that on a machine with
// two cores the hash and the write proceed at once: on a CPU without SHA
// instructions hashing alone costs as much as sha256sum, and doing it before
// each write made Put barely reach 80% of sha256sum's speed (measured on
// issue 6). A small fixed pool of buffers passes between the two, so memory
// stays flat for any size of file.
func copyHashing(w io.Writer, h hash.Hash, r io.Reader) (int64, error) {
	free := make(chan []byte, copyChunks)
	for range copyChunks {
		free <- make([]byte, copyChunk)
	}
	full := make(chan []byte, copyChunks)
	var writeFailed atomic.Bool
	writeErr := make(chan error, 1)
	go func() {
		var err error
		for buf := range full {
			// After a failed write keep draining, so the reader never
			// blocks, but write nothing more.
			if err == nil {
				if _, err = w.Write(buf); err != nil {
					writeFailed.Store(true)
				}
			}
			free <- buf[:cap(buf)]
		}
		writeErr <- err
	}()

	var size int64
	var readErr error
	for !writeFailed.Load() {
		buf := <-free
		n, err := io.ReadFull(r, buf)
		if n > 0 {
			h.Write(buf[:n])
			size += int64(n)
			full <- buf[:n]
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			readErr = fmt.Errorf("read: %w", err)
			break
		}
	}
	close(full)
	if err := <-writeErr; err != nil {
		return size, fmt.Errorf("write: %w", err)
	}
	return size, readErr
}

// validHash reports whether sha is 64 lowercase hex digits, the only names
// the store gives files. Checking this before building a path keeps any
// other string ("../x", "AB…") from reaching the file system.
func validHash(sha string) bool {
	if len(sha) != 2*sha256.Size {
		return false
	}
	for i := 0; i < len(sha); i++ {
		c := sha[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// Path returns where the file with hash sha lives, or "" when sha is not a
// lowercase hex SHA-256. Files sit in a folder named for the hash's first two
// digits, so no folder grows to hundreds of thousands of entries.
func (b *Blobs) Path(sha string) string {
	if !validHash(sha) {
		return ""
	}
	return filepath.Join(b.dir, sha[:2], sha)
}

// Open opens the stored file with hash sha and returns its contents, the
// plaintext also in an encrypted store. A file not in the store gives an
// error matching ErrBlobMissing; anything there that is not a plain file (a
// named pipe, a symbolic link) a *NotPlainFile, before a byte is read; in
// an encrypted store, a file that is not sealed with its key a
// *BlobDamaged. A sealed file altered after its header fails a later Read
// with an error, never with wrong bytes.
func (b *Blobs) Open(sha string) (io.ReadCloser, error) {
	f, err := b.openStored(sha)
	if err != nil || b.key == nil {
		return f, err
	}
	r, err := b.unseal(sha, f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return r, nil
}

// openStored opens the stored file itself (sealed, in an encrypted store).
func (b *Blobs) openStored(sha string) (*os.File, error) {
	p := b.Path(sha)
	if p == "" {
		return nil, fmt.Errorf("%w: %q", ErrBadHash, sha)
	}
	f, err := openPlain(sha, p)
	var odd *NotPlainFile
	if errors.As(err, &odd) {
		return nil, err
	}
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s", ErrBlobMissing, sha)
	}
	if err != nil {
		return nil, fmt.Errorf("storage: open attachment file: %w", err)
	}
	return f, nil
}

// Has reports whether a file with hash sha is stored.
func (b *Blobs) Has(sha string) (bool, error) {
	p := b.Path(sha)
	if p == "" {
		return false, fmt.Errorf("%w: %q", ErrBadHash, sha)
	}
	_, err := os.Lstat(p)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("storage: look for attachment file: %w", err)
	}
	return true, nil
}

// Check re-hashes the stored file with hash sha (decrypting it first, in an
// encrypted store). It returns nil when the contents still match, an error
// matching ErrBlobMissing when the file is gone, a *BlobMismatch naming
// both hashes when the contents changed, and, in an encrypted store, a
// *BlobDamaged when the file fails authentication or is not sealed. It
// never removes or changes the file.
func (b *Blobs) Check(sha string) error {
	f, err := b.Open(sha)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if err := hashReading(h, f); err != nil {
		var damaged *BlobDamaged
		if errors.As(err, &damaged) {
			return damaged
		}
		return fmt.Errorf("storage: read attachment file %s: %w", sha, err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != sha {
		return &BlobMismatch{Want: sha, Got: got}
	}
	return nil
}

// Remove deletes the stored file with hash sha; a file already gone is not
// an error. It is for the caller that knows, under the write lock, that no
// exhibit has the file and no audit entry names it (the copy an attach made
// whose record failed to commit); every other removal is a prune's
// (PruneFile), audited.
func (b *Blobs) Remove(sha string) error {
	if b.temp == nil {
		return ErrReadOnlyBlobs
	}
	p := b.Path(sha)
	if p == "" {
		return fmt.Errorf("%w: %q", ErrBadHash, sha)
	}
	// Windows refuses to delete a read-only file; make it writable first.
	if runtime.GOOS == "windows" {
		os.Chmod(p, 0o600)
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("storage: remove attachment file: %w", err)
	}
	return nil
}

// List returns the hash of every stored file, sorted.
func (b *Blobs) List() ([]string, error) {
	top, err := os.ReadDir(b.dir)
	if err != nil {
		return nil, fmt.Errorf("storage: list attachment files: %w", err)
	}
	var hashes []string
	for _, d := range top {
		if !d.IsDir() || len(d.Name()) != 2 {
			continue
		}
		entries, err := os.ReadDir(filepath.Join(b.dir, d.Name()))
		if err != nil {
			return nil, fmt.Errorf("storage: list attachment files: %w", err)
		}
		for _, e := range entries {
			name := e.Name()
			if e.Type().IsRegular() && validHash(name) && name[:2] == d.Name() {
				hashes = append(hashes, name)
			}
		}
	}
	sort.Strings(hashes)
	return hashes, nil
}
