package storage_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"bollard/storage"
)

// An encrypted workspace holds nothing readable without its key: the
// workspace's own ID, written at creation, appears in no byte of the file
// or its -wal; the wrong key and no key are refused, and a plaintext file
// is never opened as an encrypted one.
func TestEncryptedWorkspaceFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ws.db")
	key := bytes.Repeat([]byte{7}, 32)
	s, err := storage.OpenEncrypted(ctx, path, key)
	if err != nil {
		t.Fatal(err)
	}
	var id string
	if err := s.Read(ctx, func(tx *storage.Tx) (err error) { id, err = tx.WorkspaceID(); return err }); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(id)) || bytes.Contains(b, []byte("schema_migrations")) {
			t.Errorf("%s holds plaintext", filepath.Base(name))
		}
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("workspace file mode = %v (%v), want 0600", st.Mode().Perm(), err)
	}
	s.Close()

	if _, err := storage.OpenEncrypted(ctx, path, bytes.Repeat([]byte{8}, 32)); !errors.Is(err, storage.ErrNotThisKey) {
		t.Errorf("wrong key: %v, want ErrNotThisKey", err)
	}
	if _, err := storage.OpenReadOnlyEncrypted(ctx, path, key); err != nil {
		t.Errorf("read-only with the key: %v", err)
	}
	if plain, err := storage.IsPlaintext(path); err != nil || plain {
		t.Errorf("IsPlaintext = %v, %v", plain, err)
	}

	plainPath := filepath.Join(t.TempDir(), "plain.db")
	p, err := storage.Open(ctx, plainPath)
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	if _, err := storage.OpenEncrypted(ctx, plainPath, key); !errors.Is(err, storage.ErrNotEncrypted) {
		t.Errorf("plaintext file opened with a key: %v, want ErrNotEncrypted", err)
	}
}
