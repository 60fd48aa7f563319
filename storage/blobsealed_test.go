package storage

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func testKey(t *testing.T) []byte {
	t.Helper()
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	return key
}

// everyFileLacks fails when any byte of any file under dir holds secret.
func everyFileLacks(t *testing.T, dir string, secrets ...string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, s := range secrets {
			if bytes.Contains(b, []byte(s)) {
				t.Errorf("%s holds %q in plaintext", p, s)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSealedStore(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "w.db.files")
	key := testKey(t)
	b, err := OpenBlobs(dir, key)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	// Larger than a chunk of the pool and than an age chunk, with a tail.
	secret := "the ledger of Marchetti, shipment 4471"
	big := strings.Repeat(secret+" ", 3*copyChunk/len(secret)) + "end"
	blob, err := b.Put(strings.NewReader(big))
	if err != nil {
		t.Fatal(err)
	}
	if want := sha256Hex(big); blob.SHA256 != want || blob.Size != int64(len(big)) || !blob.New {
		t.Fatalf("Put = %+v, want the plaintext's hash %s", blob, want)
	}
	everyFileLacks(t, dir, secret)

	r, err := b.Open(blob.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	r.Close()
	if err != nil || string(got) != big {
		t.Fatalf("Open read %d bytes, %v", len(got), err)
	}
	if err := b.Check(blob.SHA256); err != nil {
		t.Fatalf("Check: %v", err)
	}
	// A read-only store with the key reads it too; without the key it is
	// reported, not read.
	if err := ReadOnlyBlobs(dir, key).Check(blob.SHA256); err != nil {
		t.Fatalf("read-only Check: %v", err)
	}

	t.Run("a changed byte is reported, and the file kept", func(t *testing.T) {
		p := b.Path(blob.SHA256)
		before, _ := os.ReadFile(p)
		changed := bytes.Clone(before)
		changed[len(changed)/2] ^= 1
		os.Chmod(p, 0o600)
		if err := os.WriteFile(p, changed, 0o400); err != nil {
			t.Fatal(err)
		}
		var damaged *BlobDamaged
		if err := b.Check(blob.SHA256); !errors.As(err, &damaged) || damaged.SHA256 != blob.SHA256 {
			t.Fatalf("Check of an altered file = %v, want a *BlobDamaged naming it", err)
		}
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("the altered file is gone: %v", err)
		}
		os.Chmod(p, 0o600)
		os.WriteFile(p, before, 0o400)
	})

	t.Run("a plaintext file put in the store is reported", func(t *testing.T) {
		plain := "a plaintext photo put there by hand"
		sha := sha256Hex(plain)
		p := b.Path(sha)
		os.MkdirAll(filepath.Dir(p), dirMode)
		if err := os.WriteFile(p, []byte(plain), 0o400); err != nil {
			t.Fatal(err)
		}
		var damaged *BlobDamaged
		if err := b.Check(sha); !errors.As(err, &damaged) || !strings.Contains(damaged.Why, "not encrypted") {
			t.Fatalf("Check of a plaintext file = %v", err)
		}
		odd, err := b.ScanBlobs()
		if err != nil {
			t.Fatal(err)
		}
		if len(odd) != 1 || odd[0].SHA256() != sha {
			t.Fatalf("ScanBlobs = %v, want the plaintext file alone", odd)
		}
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("the plaintext file is gone: %v", err)
		}
	})

	t.Run("temp files are sealed with a key of the session", func(t *testing.T) {
		seal := b.TempSeal()
		if seal == nil {
			t.Fatal("an encrypted store has no temp sealer")
		}
		p := filepath.Join(b.TempDir(), "unpacked")
		f, _ := os.Create(p)
		w, err := seal.Seal(f)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, secret)
		w.Close()
		f.Close()
		everyFileLacks(t, filepath.Join(dir, tempFolder), secret)
		f, _ = os.Open(p)
		defer f.Close()
		r, err := seal.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := io.ReadAll(r); err != nil || string(got) != secret {
			t.Fatalf("read back %q, %v", got, err)
		}
		// Another session's key (another program) cannot read it.
		other, err := OpenBlobs(dir, key)
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		f.Seek(0, io.SeekStart)
		if _, err := other.TempSeal().Open(f); err == nil {
			t.Fatal("another session opened this session's temp file")
		}
	})
}

func TestBringAcrossSeals(t *testing.T) {
	root := t.TempDir()
	legacy, to := filepath.Join(root, "old"), filepath.Join(root, "new")
	content := "an old release's photo of the container seal"
	sha := sha256Hex(content)
	os.MkdirAll(filepath.Join(legacy, sha[:2]), dirMode)
	if err := os.WriteFile(filepath.Join(legacy, sha[:2], sha), []byte(content), 0o400); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(to, dirMode)
	key := testKey(t)
	if err := bringAcross(legacy, to, map[string]bool{sha: true}, key); err != nil {
		t.Fatal(err)
	}
	everyFileLacks(t, to, content)
	if err := ReadOnlyBlobs(to, key).Check(sha); err != nil {
		t.Fatalf("the copy brought across: %v", err)
	}
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// An encrypted workspace does not take over an older release's plaintext
// folder under its own name: it refuses, and touches nothing.
func TestEncryptedRefusesPlaintextSameNameFolder(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	content := "an old release's photo"
	sha := sha256Hex(content)
	old := filepath.Join(BlobDir(ws), sha[:2], sha)
	os.MkdirAll(filepath.Dir(old), dirMode)
	if err := os.WriteFile(old, []byte(content), 0o400); err != nil {
		t.Fatal(err)
	}
	referenced := func() (map[string]bool, error) { return map[string]bool{sha: true}, nil }
	if err := MakeBlobFolder(ws, "W1", referenced, testKey(t)); err == nil || !strings.Contains(err.Error(), "nothing in it was touched") {
		t.Fatalf("MakeBlobFolder = %v, want a refusal", err)
	}
	if got, err := os.ReadFile(old); err != nil || string(got) != content || hasMarker(BlobDir(ws)) {
		t.Fatalf("the old folder was changed: %q, %v, marker %v", got, err, hasMarker(BlobDir(ws)))
	}
}
