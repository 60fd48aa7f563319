package storage

import "io"

// An encrypted workspace's temp folder receives what is not evidence yet,
// such as the decrypted files of a package being imported. They are sealed
// there with a random key that lives only in this program's memory (made
// when the store opens, forgotten when it closes), rather than streamed
// straight into the store: an import checks the whole package before it
// merges anything, and a refused package must leave no file behind in the
// store. A program killed mid-import leaves files nobody can ever decrypt,
// which the next open's sweep removes.

// TempSeal seals and opens files in the store's temp folder. A nil
// *TempSeal (a plaintext store) passes the bytes through unchanged.
type TempSeal struct{ key []byte }

// TempSeal returns the sealer of the temp folder: nil for a plaintext
// store or one opened read-only (which has no temp folder).
func (b *Blobs) TempSeal() *TempSeal {
	if b == nil || b.tempKey == nil || b.temp == nil {
		return nil
	}
	return &TempSeal{key: b.tempKey}
}

// Seal returns a writer that seals into dst what is written to it; Close
// finishes it (and does not close dst).
func (s *TempSeal) Seal(dst io.Writer) (io.WriteCloser, error) {
	if s == nil {
		return nopWriteCloser{dst}, nil
	}
	return SealAttachment(dst, s.key)
}

// Open returns the plaintext of what Seal wrote to src. A file altered
// since fails with an error, never with wrong bytes.
func (s *TempSeal) Open(src io.Reader) (io.Reader, error) {
	if s == nil {
		return src, nil
	}
	return OpenSealedAttachment(src, s.key)
}

type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }
