package storage

import (
	"bufio"
	"fmt"
	"hash"
	"io"
	"os"
)

// Reading an encrypted store: every file is opened through the attachment
// key, and a file that cannot be (altered, truncated, another workspace's,
// or a plaintext file put in the folder) is reported by name and left as
// it is: it is evidence of what happened to the folder, and never deleted.

// BlobDamaged says a file in an encrypted store cannot be read as one the
// store sealed: it fails authentication, or it is not sealed at all.
type BlobDamaged struct {
	SHA256 string // the hash the file is stored under
	Why    string // "is not encrypted: ...", "fails authentication: ..."
}

func (e *BlobDamaged) Error() string {
	return fmt.Sprintf("storage: attachment file %s %s; it was left as it is", e.SHA256, e.Why)
}

// notSealedWhy is said of a plaintext file found in an encrypted store.
const notSealedWhy = "is not encrypted, in an encrypted workspace's attachment folder: it was put there from outside Bollard"

// unseal returns the plaintext reader of the stored file f, which is closed
// with it. A file whose first bytes are not an age header, or whose header
// this key does not open, is a *BlobDamaged; so is any later failure to
// authenticate a chunk, which the reader returns instead of bytes.
func (b *Blobs) unseal(sha string, f *os.File) (io.ReadCloser, error) {
	src := &readErrors{r: f}
	br := bufio.NewReaderSize(src, 64<<10)
	head, _ := br.Peek(len(ageHeader))
	if src.err != nil {
		return nil, fmt.Errorf("storage: read attachment file %s: %w", sha, src.err)
	}
	if !looksSealed(head) {
		return nil, &BlobDamaged{SHA256: sha, Why: notSealedWhy}
	}
	r, err := OpenSealedAttachment(br, b.key)
	if err != nil {
		if src.err != nil {
			return nil, fmt.Errorf("storage: read attachment file %s: %w", sha, src.err)
		}
		return nil, &BlobDamaged{SHA256: sha, Why: fmt.Sprintf("fails authentication with this workspace's key (altered, damaged, or another workspace's): %v", err)}
	}
	return &sealedFile{sha: sha, r: r, src: src, f: f}, nil
}

// readErrors remembers the last error its reader returned, to tell a disk
// that cannot be read from a file that was altered.
type readErrors struct {
	r   io.Reader
	err error
}

func (e *readErrors) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF {
		e.err = err
	}
	return n, err
}

// sealedFile is the plaintext of a sealed stored file.
type sealedFile struct {
	sha string
	r   io.Reader
	src *readErrors
	f   *os.File
}

func (s *sealedFile) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF && s.src.err == nil {
		err = &BlobDamaged{SHA256: s.sha, Why: fmt.Sprintf("fails authentication (altered or damaged): %v", err)}
	}
	return n, err
}

func (s *sealedFile) Close() error { return s.f.Close() }

// hashReading reads r to its end through h. The reading (decryption, for a
// sealed file) runs in another goroutine than the hashing, so that on two
// cores they proceed at once, through the same small fixed pool of buffers
// as Put: memory stays flat for any size of file.
func hashReading(h hash.Hash, r io.Reader) error {
	free := make(chan []byte, copyChunks)
	for range copyChunks {
		free <- make([]byte, copyChunk)
	}
	full := make(chan []byte, copyChunks)
	readErr := make(chan error, 1)
	go func() {
		defer close(full)
		for {
			buf := <-free
			n, err := io.ReadFull(r, buf)
			if n > 0 {
				full <- buf[:n]
			}
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				readErr <- nil
				return
			}
			if err != nil {
				readErr <- err
				return
			}
		}
	}()
	for buf := range full {
		h.Write(buf)
		free <- buf[:cap(buf)]
	}
	return <-readErr
}

// sealedOnDisk reports whether the plain file at p begins as a sealed file.
func sealedOnDisk(p string) (bool, error) {
	f, err := openBlobFile(p)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, len(ageHeader))
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return false, err
	}
	return looksSealed(head[:n]), nil
}
