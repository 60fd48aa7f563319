package storage

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func mustOpenBlobs(t *testing.T) *Blobs {
	t.Helper()
	b, err := OpenBlobs(filepath.Join(t.TempDir(), "bollard.db.files"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// dirNames lists every file under dir, relative, so a test can say exactly
// what the store left on disk: all but the lock of a temp session.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !strings.HasSuffix(p, lockSuffix) {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

func TestBlobDir(t *testing.T) {
	for _, c := range []struct{ in, want, legacy string }{
		{"/x/bollard.db", "/x/bollard.db.files", "/x/bollard.files"},
		{"/x/bollard.sqlite", "/x/bollard.sqlite.files", "/x/bollard.files"},
		{"/x/case 12.bollard", "/x/case 12.bollard.files", "/x/case 12.files"},
		{"/x.d/bollard", "/x.d/bollard.files", "/x.d/bollard.files"},
	} {
		if got := BlobDir(c.in); got != c.want {
			t.Errorf("BlobDir(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := LegacyBlobDir(c.in); got != c.legacy {
			t.Errorf("LegacyBlobDir(%q) = %q, want %q", c.in, got, c.legacy)
		}
	}
}

func TestBlobHashMatchesSha256sum(t *testing.T) {
	tool, err := exec.LookPath("sha256sum")
	if err != nil {
		t.Skip("sha256sum not installed")
	}
	b := mustOpenBlobs(t)
	// A few MiB and an odd tail, so several buffers pass through the copy.
	src := filepath.Join(t.TempDir(), "scan.pdf")
	content := bytes.Repeat([]byte("manifest line 0042: 1,200 kg\n"), 200_001)
	if err := os.WriteFile(src, content, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, src).Output()
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Fields(string(out))[0]

	blob, err := b.PutFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if blob.SHA256 != want || blob.Size != int64(len(content)) || !blob.New {
		t.Fatalf("Put = %+v, want hash %s size %d new", blob, want, len(content))
	}
	stored, err := os.ReadFile(b.Path(want))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stored, content) {
		t.Fatal("stored file differs from the original")
	}
	info, err := os.Stat(b.Path(want))
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm()&0o222 != 0 {
		t.Errorf("stored file mode %v, want read-only", info.Mode().Perm())
	}
	if err := b.Check(want); err != nil {
		t.Errorf("Check of an untouched file: %v", err)
	}
}

func TestBlobSameContentStoredOnce(t *testing.T) {
	b := mustOpenBlobs(t)
	first, err := b.Put(strings.NewReader("photo of seal 448812"))
	if err != nil {
		t.Fatal(err)
	}
	again, err := b.Put(strings.NewReader("photo of seal 448812"))
	if err != nil {
		t.Fatal(err)
	}
	other, err := b.Put(strings.NewReader("photo of seal 448813"))
	if err != nil {
		t.Fatal(err)
	}
	if !first.New || again.New || !other.New {
		t.Errorf("New = %v, %v, %v; want true, false, true", first.New, again.New, other.New)
	}
	if again.SHA256 != first.SHA256 || other.SHA256 == first.SHA256 {
		t.Errorf("hashes %s, %s, %s", first.SHA256, again.SHA256, other.SHA256)
	}
	list, err := b.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Errorf("List = %v, want 2 files", list)
	}
	if n := len(dirNames(t, b.dir)); n != 2 {
		t.Errorf("%d files on disk, want 2: %v", n, dirNames(t, b.dir))
	}
	if ok, err := b.Has(first.SHA256); !ok || err != nil {
		t.Errorf("Has = %v, %v", ok, err)
	}
	f, err := b.Open(other.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
}

func TestBlobCheckFindsTampering(t *testing.T) {
	b := mustOpenBlobs(t)
	blob, err := b.Put(strings.NewReader("statement of officer M. Torres"))
	if err != nil {
		t.Fatal(err)
	}
	p := b.Path(blob.SHA256)

	t.Run("one byte flipped", func(t *testing.T) {
		if err := os.Chmod(p, 0o600); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		data[10] ^= 0x01
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		err = b.Check(blob.SHA256)
		var mismatch *BlobMismatch
		if !errors.As(err, &mismatch) {
			t.Fatalf("Check = %v, want a mismatch", err)
		}
		if mismatch.Want != blob.SHA256 || mismatch.Got == blob.SHA256 || !validHash(mismatch.Got) {
			t.Errorf("mismatch %+v", mismatch)
		}
		msg := err.Error()
		if !strings.Contains(msg, blob.SHA256) || !strings.Contains(msg, "now hash to "+mismatch.Got) {
			t.Errorf("message %q does not name both hashes", msg)
		}
		// Putting the original again must not hide the tampering.
		again, err := b.Put(strings.NewReader("statement of officer M. Torres"))
		if err != nil || again.New {
			t.Fatalf("Put again = %+v, %v", again, err)
		}
		if err := b.Check(blob.SHA256); !errors.As(err, &mismatch) {
			t.Errorf("after Put again, Check = %v, want still a mismatch", err)
		}
	})

	t.Run("deleted", func(t *testing.T) {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		err := b.Check(blob.SHA256)
		if !errors.Is(err, ErrBlobMissing) {
			t.Fatalf("Check = %v, want ErrBlobMissing", err)
		}
		if !strings.Contains(err.Error(), "missing") || !strings.Contains(err.Error(), blob.SHA256) {
			t.Errorf("message %q", err)
		}
		if ok, err := b.Has(blob.SHA256); ok || err != nil {
			t.Errorf("Has = %v, %v", ok, err)
		}
		if _, err := b.Open(blob.SHA256); !errors.Is(err, ErrBlobMissing) {
			t.Errorf("Open = %v, want ErrBlobMissing", err)
		}
		if err := b.Remove(blob.SHA256); err != nil {
			t.Errorf("Remove of a missing file: %v", err)
		}
	})
}

// failingReader gives some bytes, then fails, as a USB stick pulled out
// mid-copy would.
type failingReader struct{ left int }

var errPulledOut = errors.New("device removed")

func (r *failingReader) Read(p []byte) (int, error) {
	if r.left == 0 {
		return 0, errPulledOut
	}
	n := min(len(p), r.left)
	clear(p[:n])
	r.left -= n
	return n, nil
}

func TestBlobFailedReadLeavesNothing(t *testing.T) {
	b := mustOpenBlobs(t)
	_, err := b.Put(&failingReader{left: 3*copyChunk + 17})
	if !errors.Is(err, errPulledOut) {
		t.Fatalf("Put = %v, want the reader's error", err)
	}
	if names := dirNames(t, b.dir); len(names) != 0 {
		t.Errorf("left behind: %v", names)
	}
}

// A temp session whose program died (its lock free) is removed at the
// next open, however young; one whose program runs (its lock held) is
// left alone; stored files are never touched.
func TestBlobSweepTemp(t *testing.T) {
	b := mustOpenBlobs(t)
	blob, err := b.Put(strings.NewReader("lab report"))
	if err != nil {
		t.Fatal(err)
	}
	// Another program, still running: its own session, lock held.
	running, err := OpenBlobs(b.dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer running.Close()
	busy := filepath.Join(running.TempDir(), tempPrefix+"running")
	// A program killed mid-copy: its session and lock are on disk, the
	// lock held by nobody.
	dead := filepath.Join(b.dir, tempFolder, "00112233aabbccdd")
	crashed := filepath.Join(dead, tempPrefix+"crashed")
	// A session folder a sweep stopped half-way through: no lock at all.
	orphan := filepath.Join(b.dir, tempFolder, "ffeeddccbbaa9988")
	for _, d := range []string{dead, orphan} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{busy, crashed, dead + lockSuffix, filepath.Join(orphan, "x")} {
		if err := os.WriteFile(p, []byte("decrypted secret"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	n, err := b.SweepTemp()
	if err != nil || n != 2 {
		t.Fatalf("SweepTemp = %d, %v; want 2", n, err)
	}
	for _, gone := range []string{dead, crashed, dead + lockSuffix, orphan} {
		if _, err := os.Stat(gone); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s still there: %v", gone, err)
		}
	}
	if _, err := os.Stat(busy); err != nil {
		t.Errorf("the running program's temp file is gone: %v", err)
	}
	if err := b.Check(blob.SHA256); err != nil {
		t.Errorf("blob after sweep: %v", err)
	}
	list, err := b.List()
	if err != nil || len(list) != 1 || list[0] != blob.SHA256 {
		t.Errorf("List = %v, %v; temp files must not be listed", list, err)
	}
	// Closing removes the program's own session, lock and all.
	runningDir := running.TempDir()
	running.Close()
	for _, gone := range []string{runningDir, runningDir + lockSuffix} {
		if _, err := os.Stat(gone); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("after Close, %s is still there: %v", gone, err)
		}
	}
}

func TestBlobPathRefusesBadHashes(t *testing.T) {
	b := mustOpenBlobs(t)
	good := strings.Repeat("ab", 32)
	if got, want := b.Path(good), filepath.Join(b.dir, "ab", good); got != want {
		t.Errorf("Path(good) = %q, want %q", got, want)
	}
	for _, c := range []struct{ name, sha string }{
		{"empty", ""},
		{"path escape", "../x"},
		{"escape padded to length", "../" + strings.Repeat("a", 61)},
		{"separator inside", strings.Repeat("a", 30) + "/" + strings.Repeat("a", 33)},
		{"uppercase", strings.ToUpper(good)},
		{"too short", good[:63]},
		{"too long", good + "a"},
		{"not hex", strings.Repeat("g", 64)},
	} {
		t.Run(c.name, func(t *testing.T) {
			if p := b.Path(c.sha); p != "" {
				t.Errorf("Path = %q, want \"\"", p)
			}
			if _, err := b.Open(c.sha); !errors.Is(err, ErrBadHash) {
				t.Errorf("Open = %v, want ErrBadHash", err)
			}
			if _, err := b.Has(c.sha); !errors.Is(err, ErrBadHash) {
				t.Errorf("Has = %v, want ErrBadHash", err)
			}
			if err := b.Check(c.sha); !errors.Is(err, ErrBadHash) {
				t.Errorf("Check = %v, want ErrBadHash", err)
			}
			if err := b.Remove(c.sha); !errors.Is(err, ErrBadHash) {
				t.Errorf("Remove = %v, want ErrBadHash", err)
			}
		})
	}
}

// endless is a source that never ends, so a copy from it stops only when
// something else goes wrong.
type endless struct{}

func (endless) Read(p []byte) (int, error) { return len(p), nil }

// diskFull accepts some bytes, then fails, as a full disk would.
type diskFull struct{ left int }

func (w *diskFull) Write(p []byte) (int, error) {
	if len(p) > w.left {
		return 0, errors.New("no space left on device")
	}
	w.left -= len(p)
	return len(p), nil
}

func TestBlobCopyStopsWhenWriteFails(t *testing.T) {
	_, err := copyHashing(&diskFull{left: 5 * copyChunk}, sha256.New(), endless{})
	if err == nil || !strings.Contains(err.Error(), "no space left") {
		t.Fatalf("copy = %v, want the write error", err)
	}
}

func TestBlobConcurrentPutsStoreOnce(t *testing.T) {
	b := mustOpenBlobs(t)
	const puts = 8
	results := make(chan Blob, puts)
	var wg sync.WaitGroup
	for range puts {
		wg.Go(func() {
			blob, err := b.Put(strings.NewReader("customs declaration 2024/118"))
			if err != nil {
				t.Error(err)
			}
			results <- blob
		})
	}
	wg.Wait()
	close(results)
	created := 0
	for blob := range results {
		if blob.New {
			created++
		}
	}
	if created != 1 {
		t.Errorf("%d Puts reported New, want 1", created)
	}
	if names := dirNames(t, b.dir); len(names) != 1 {
		t.Errorf("on disk: %v, want one file", names)
	}
}
