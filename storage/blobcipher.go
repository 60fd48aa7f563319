package storage

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"

	"filippo.io/age"
	"golang.org/x/crypto/chacha20poly1305"
)

// An encrypted workspace's attachment files are age files (age-encryption.org
// v1): streamed in 64 KiB chunks, each authenticated, so a file of any size
// is encrypted and checked in flat memory and a changed byte is refused,
// not read. A file's age key is sealed by the workspace's attachment key
// (lockbox.AttachmentKey) in a stanza of Bollard's own type, so no key of
// its own is stored anywhere: the workspace key opens every file.
//
// The evidence hash stays the SHA-256 of the file as it was seized (the
// plaintext), which is what a court and a partner agency check.

// attachmentStanza names the stanza that seals a file's age key.
const attachmentStanza = "bollard-attachment-v1"

// attachmentKeyRecipient seals and opens file keys with the workspace's
// attachment key, XChaCha20-Poly1305 with a random nonce.
type attachmentKeyRecipient struct{ key []byte }

func (r attachmentKeyRecipient) Wrap(fileKey []byte) ([]*age.Stanza, error) {
	aead, err := chacha20poly1305.NewX(r.key)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, chacha20poly1305.NonceSizeX)
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return []*age.Stanza{{
		Type: attachmentStanza,
		Args: []string{base64.RawStdEncoding.EncodeToString(nonce)},
		Body: aead.Seal(nil, nonce, fileKey, []byte(attachmentStanza)),
	}}, nil
}

func (r attachmentKeyRecipient) Unwrap(stanzas []*age.Stanza) ([]byte, error) {
	aead, err := chacha20poly1305.NewX(r.key)
	if err != nil {
		return nil, err
	}
	for _, s := range stanzas {
		if s.Type != attachmentStanza || len(s.Args) != 1 {
			continue
		}
		nonce, err := base64.RawStdEncoding.DecodeString(s.Args[0])
		if err != nil || len(nonce) != chacha20poly1305.NonceSizeX {
			continue
		}
		if fileKey, err := aead.Open(nil, nonce, s.Body, []byte(attachmentStanza)); err == nil {
			return fileKey, nil
		}
	}
	return nil, age.ErrIncorrectIdentity
}

// ErrNotThisWorkspaceFile says an attachment file is not encrypted with
// this workspace's attachment key: another workspace's file, a plaintext
// file put in the folder, or one damaged.
var ErrNotThisWorkspaceFile = errors.New("storage: the attachment file is not encrypted with this workspace's key (another workspace's, a plaintext file put there, or damaged)")

// SealAttachment returns a writer that encrypts what is written to it
// into dst with the attachment key; Close finishes the file (and does not
// close dst).
func SealAttachment(dst io.Writer, key []byte) (io.WriteCloser, error) {
	if len(key) != chacha20poly1305.KeySize {
		return nil, errors.New("storage: an attachment key is 32 bytes")
	}
	w, err := age.Encrypt(dst, attachmentKeyRecipient{key})
	if err != nil {
		return nil, fmt.Errorf("storage: encrypt attachment: %w", err)
	}
	return w, nil
}

// OpenSealedAttachment returns the plaintext of an attachment file sealed
// with the attachment key. Reading fails (an error, never wrong bytes)
// where the file was altered.
func OpenSealedAttachment(src io.Reader, key []byte) (io.Reader, error) {
	if len(key) != chacha20poly1305.KeySize {
		return nil, errors.New("storage: an attachment key is 32 bytes")
	}
	r, err := age.Decrypt(src, attachmentKeyRecipient{key})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotThisWorkspaceFile, err)
	}
	return r, nil
}

// ageHeader begins every age file.
var ageHeader = []byte("age-encryption.org/v1\n")

// looksSealed reports whether the first bytes of a file are an age header:
// a plaintext file in an encrypted store is told apart by it.
func looksSealed(head []byte) bool { return bytes.HasPrefix(head, ageHeader) }
