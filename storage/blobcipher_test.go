package storage_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"bollard/storage"
)

// A sealed attachment reads back as it was written, holds none of its
// plaintext, and is refused under another key and when altered.
func TestSealAttachment(t *testing.T) {
	key := bytes.Repeat([]byte{1}, 32)
	plain := bytes.Repeat([]byte("Ivanova container MSCU1234565 "), 10000)
	var sealed bytes.Buffer
	w, err := storage.SealAttachment(&sealed, key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(plain); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(sealed.Bytes(), []byte("Ivanova")) {
		t.Fatal("the sealed file holds plaintext")
	}
	r, err := storage.OpenSealedAttachment(bytes.NewReader(sealed.Bytes()), key)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	if err != nil || !bytes.Equal(got, plain) {
		t.Fatalf("read back %d bytes, %v", len(got), err)
	}
	if _, err := storage.OpenSealedAttachment(bytes.NewReader(sealed.Bytes()), bytes.Repeat([]byte{2}, 32)); !errors.Is(err, storage.ErrNotThisWorkspaceFile) {
		t.Errorf("another key: %v", err)
	}
	altered := bytes.Clone(sealed.Bytes())
	altered[len(altered)/2] ^= 1
	r, err = storage.OpenSealedAttachment(bytes.NewReader(altered), key)
	if err == nil {
		_, err = io.ReadAll(r)
	}
	if err == nil {
		t.Error("an altered file was read without an error")
	}
}
