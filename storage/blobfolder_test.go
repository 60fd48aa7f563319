package storage

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"bollard/model"
)

// A hash is found in the audit trail's text exactly when it is there: in
// any case of letters, inside a longer run of hex digits, never from a
// shorter run.
func TestHexRuns(t *testing.T) {
	sha := strings.Repeat("ab", 32)
	for _, c := range []struct {
		name, text string
		found      bool
	}{
		{"in JSON", `{"sha256":"` + sha + `"}`, true},
		{"upper case", `{"note":"` + strings.ToUpper(sha) + `"}`, true},
		{"inside a longer run", `x` + "f" + sha + "0" + `y`, true},
		{"at the very end", sha, true},
		{"one digit short", sha[:63], false},
		{"split by a space", sha[:30] + " " + sha[30:], false},
	} {
		t.Run(c.name, func(t *testing.T) {
			hashes := map[string]bool{}
			hexRuns(c.text, hashes)
			if hashes[sha] != c.found {
				t.Errorf("found = %v in %q (%v)", hashes[sha], c.text, hashes)
			}
		})
	}
}

// The folder is made once, marked, and refused when marked for another
// workspace; a folder an earlier attempt left half-built is cleared and
// the folder built again.
func TestMakeBlobFolder(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "ws.db")
	half := filepath.Join(dir, "ws.db.files.migrating-123")
	os.MkdirAll(filepath.Join(half, "ab"), 0o700)
	os.WriteFile(filepath.Join(half, markerName), []byte("id-1\n"), 0o600)
	os.WriteFile(filepath.Join(half, "ab", strings.Repeat("ab", 32)), []byte("half a copy"), 0o400)
	nothing := func() (map[string]bool, error) { return nil, nil }
	if err := MakeBlobFolder(ws, "id-1", nothing, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(half); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the half-built folder is still there: %v", err)
	}
	if ok, err := BlobFolderReady(ws, "id-1"); !ok || err != nil {
		t.Errorf("ready = %v, %v", ok, err)
	}
	var foreign *ForeignBlobsError
	if _, err := BlobFolderReady(ws, "id-2"); !errors.As(err, &foreign) || foreign.Owner != "id-1" || foreign.This != "id-2" {
		t.Errorf("another workspace's folder: %v", err)
	}
	if err := MakeBlobFolder(ws, "id-2", nothing, nil); !errors.As(err, &foreign) {
		t.Errorf("made over another workspace's folder: %v", err)
	}
	if _, err := OpenWorkspaceBlobs(ws, "id-2", nil); !errors.As(err, &foreign) {
		t.Errorf("opened another workspace's folder: %v", err)
	}
	if _, err := ReadWorkspaceBlobs(ws, "id-2", nil); !errors.As(err, &foreign) {
		t.Errorf("read another workspace's folder: %v", err)
	}

	t.Run("an empty folder is marked, with the old folder's files", func(t *testing.T) {
		ws := filepath.Join(dir, "empty.db")
		os.Mkdir(BlobDir(ws), 0o700)
		old, err := OpenBlobs(LegacyBlobDir(ws), nil)
		if err != nil {
			t.Fatal(err)
		}
		photo, _ := old.Put(strings.NewReader("photo"))
		old.Close()
		if err := MakeBlobFolder(ws, "id-3", func() (map[string]bool, error) { return map[string]bool{photo.SHA256: true}, nil }, nil); err != nil {
			t.Fatal(err)
		}
		if ok, err := BlobFolderReady(ws, "id-3"); !ok || err != nil {
			t.Errorf("ready = %v, %v", ok, err)
		}
		if err := ReadOnlyBlobs(BlobDir(ws), nil).Check(photo.SHA256); err != nil {
			t.Errorf("the old folder's file: %v", err)
		}
	})
	t.Run("a file without extension adopts its old folder of the same name", func(t *testing.T) {
		ws := filepath.Join(dir, "bare")
		os.MkdirAll(filepath.Join(BlobDir(ws), "ab"), 0o700)
		if err := MakeBlobFolder(ws, "id-4", nothing, nil); err != nil {
			t.Fatal(err)
		}
		if ok, err := BlobFolderReady(ws, "id-4"); !ok || err != nil {
			t.Errorf("ready = %v, %v", ok, err)
		}
	})
}

// The copy made when a hard link cannot be (the old folder on another
// disk) holds the same bytes; bringing across links what the old folder
// has, skips what it lacks, and never follows a name that is not a hash.
func TestBringAcrossCopies(t *testing.T) {
	dir := t.TempDir()
	old, err := OpenBlobs(filepath.Join(dir, "old"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	a, _ := old.Put(strings.NewReader("photo a"))
	if err := copyChecked(old.Path(a.SHA256), filepath.Join(dir, "copy"), nil); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "copy")); err != nil || string(b) != "photo a" {
		t.Errorf("copy = %q, %v", b, err)
	}
	to := filepath.Join(dir, "new")
	os.Mkdir(to, 0o700)
	missing := strings.Repeat("c", 64)
	if err := bringAcross(old.dir, to, map[string]bool{a.SHA256: true, missing: true, "../../etc": true}, nil); err != nil {
		t.Fatal(err)
	}
	if got := dirNames(t, to); !slices.Equal(got, []string{filepath.Join(a.SHA256[:2], a.SHA256)}) {
		t.Errorf("brought across %v", got)
	}
}

// A prune killed before its commit left its files set aside with no audit
// entry: the next settle puts them back. One killed after its commit has
// its entries: the settle finishes it.
func TestSettlePrunes(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "ws.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, err := OpenBlobs(s.Path()+".files", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	undone, _ := b.Put(strings.NewReader("set aside, never committed"))
	done, _ := b.Put(strings.NewReader("set aside, committed"))
	crashed, committed := model.NewID(), model.NewID()
	if err := b.setAside(crashed, undone.SHA256); err != nil {
		t.Fatal(err)
	}
	err = s.Write(ctx, func(tx *Tx) error {
		return tx.PruneFile(b, PrunedFile{SHA256: done.SHA256, Size: done.Size, Prune: committed})
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, sha := range []string{undone.SHA256, done.SHA256} {
		if has, _ := b.Has(sha); has {
			t.Fatalf("%s still in the store after being set aside", sha)
		}
	}
	if err := s.Write(ctx, b.SettlePrunes); err != nil {
		t.Fatal(err)
	}
	if has, _ := b.Has(undone.SHA256); !has {
		t.Error("the file of the prune that never committed was not put back")
	}
	if has, _ := b.Has(done.SHA256); has {
		t.Error("the committed prune's file is back")
	}
	if left, _ := os.ReadDir(filepath.Join(b.dir, pruneFolder)); len(left) != 0 {
		t.Errorf("left set aside: %v", left)
	}
	if err := b.Check(undone.SHA256); err != nil {
		t.Error(err)
	}
}
