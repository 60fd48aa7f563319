package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A folder by the name of an unfinished build is removed only when it is
// provably this workspace's: its marker names it and it holds nothing but
// hash folders of hash-named files. Anyone else's is left as it is.
func TestUnfinishedBuildIsRemovedOnlyWhenOurs(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "n.db")
	sha := strings.Repeat("cd", 32)
	cases := map[string]func(half string){
		"no marker, a person's notes": func(half string) {
			os.WriteFile(filepath.Join(half, "notes.txt"), []byte("precious"), 0o600)
		},
		"another workspace's marker": func(half string) {
			os.WriteFile(filepath.Join(half, markerName), []byte("id-other\n"), 0o600)
			os.MkdirAll(filepath.Join(half, "cd"), 0o700)
			os.WriteFile(filepath.Join(half, "cd", sha), []byte("x"), 0o400)
		},
		"our marker beside a stranger": func(half string) {
			os.WriteFile(filepath.Join(half, markerName), []byte("id-n\n"), 0o600)
			os.WriteFile(filepath.Join(half, "notes.txt"), []byte("precious"), 0o600)
		},
		"our marker, a file misfiled": func(half string) {
			os.WriteFile(filepath.Join(half, markerName), []byte("id-n\n"), 0o600)
			os.MkdirAll(filepath.Join(half, "ab"), 0o700)
			os.WriteFile(filepath.Join(half, "ab", sha), []byte("x"), 0o400)
		},
	}
	var kept []string
	for name, fill := range cases {
		half := filepath.Join(dir, "n.db.files.migrating-"+strings.ReplaceAll(name, " ", "_"))
		os.Mkdir(half, 0o700)
		fill(half)
		kept = append(kept, half)
	}
	ours := filepath.Join(dir, "n.db.files.migrating-ours")
	os.MkdirAll(filepath.Join(ours, "cd"), 0o700)
	os.WriteFile(filepath.Join(ours, markerName), []byte("id-n\n"), 0o600)
	os.WriteFile(filepath.Join(ours, "cd", sha), []byte("half"), 0o400)

	if err := MakeBlobFolder(ws, "id-n", func() (map[string]bool, error) { return nil, nil }, nil); err != nil {
		t.Fatal(err)
	}
	for _, half := range kept {
		if _, err := os.Stat(half); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(half), err)
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, "n.db.files.migrating-no_marker,_a_person's_notes", "notes.txt")); err != nil || string(b) != "precious" {
		t.Errorf("notes = %q, %v", b, err)
	}
	if _, err := os.Stat(ours); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("our own unfinished build is still there: %v", err)
	}
	if ok, err := BlobFolderReady(ws, "id-n"); !ok || err != nil {
		t.Errorf("ready = %v, %v", ok, err)
	}
}

// A marker is read only up to a few KB, and what it says is quoted in the
// error, so a huge file costs no memory and an escape sequence in it never
// reaches the terminal.
func TestHostileMarker(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "ws.db")
	os.Mkdir(BlobDir(ws), 0o700)
	marker := filepath.Join(BlobDir(ws), markerName)
	os.WriteFile(marker, []byte("\x1b[2J\x1b]0;pwned\x07"), 0o600)
	_, err := BlobFolderReady(ws, "id-1")
	var foreign *ForeignBlobsError
	if !errors.As(err, &foreign) || strings.ContainsRune(err.Error(), '\x1b') || !strings.Contains(err.Error(), `\x1b[2J`) {
		t.Errorf("escape in the marker: %q", err)
	}

	big := strings.Repeat("A", 64<<20)
	os.WriteFile(marker, []byte(big), 0o600)
	owner, err := readMarker(BlobDir(ws))
	if err != nil || len(owner) > 2*maxMarker {
		t.Errorf("a 64 MB marker read as %d bytes, %v", len(owner), err)
	}
	if _, err := BlobFolderReady(ws, "id-1"); !errors.As(err, &foreign) || len(err.Error()) > 1000 {
		t.Errorf("a huge marker: %d bytes of error, %v", len(err.Error()), errors.As(err, &foreign))
	}
}

// Copying from the old folder never links: the new store's file is its
// own, and a link in the old folder is not followed.
func TestBringAcrossNeverLinks(t *testing.T) {
	dir := t.TempDir()
	old, err := OpenBlobs(filepath.Join(dir, "old"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	a, _ := old.Put(strings.NewReader("photo a"))
	outside := filepath.Join(dir, "outside")
	os.WriteFile(outside, []byte("not evidence"), 0o600)
	linked := strings.Repeat("ef", 32)
	os.MkdirAll(filepath.Join(old.dir, "ef"), 0o700)
	os.Symlink(outside, filepath.Join(old.dir, "ef", linked))
	to := filepath.Join(dir, "new")
	os.Mkdir(to, 0o700)
	if err := bringAcross(old.dir, to, map[string]bool{a.SHA256: true, linked: true}, nil); err != nil {
		t.Fatal(err)
	}
	ours, err1 := os.Lstat(filepath.Join(to, a.SHA256[:2], a.SHA256))
	theirs, err2 := os.Lstat(old.Path(a.SHA256))
	if err1 != nil || err2 != nil || os.SameFile(ours, theirs) || linkCount(ours) != 1 {
		t.Errorf("the file brought across is not a copy of its own: %v %v", err1, err2)
	}
	if _, err := os.Lstat(filepath.Join(to, "ef", linked)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a link was brought across: %v", err)
	}
}

// Undoing a prune whose file was stored again meanwhile drops the set-aside
// copy only when the file in place still hashes to its name; a replaced
// file leaves the original set aside, and the error names both.
func TestUndoPruneKeepsTheOriginalOfAReplacedFile(t *testing.T) {
	b, err := OpenBlobs(filepath.Join(t.TempDir(), "ws.db.files"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	same, _ := b.Put(strings.NewReader("stored again, same bytes"))
	swapped, _ := b.Put(strings.NewReader("the original evidence"))
	prune := "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
	for _, sha := range []string{same.SHA256, swapped.SHA256} {
		if err := b.setAside(prune, sha); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.Put(strings.NewReader("stored again, same bytes")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(b.Path(swapped.SHA256), []byte("something else"), 0o400)
	err = b.UndoPrune(prune)
	set := filepath.Join(b.dir, pruneFolder, prune, swapped.SHA256)
	if err == nil || !strings.Contains(err.Error(), set) || !strings.Contains(err.Error(), b.Path(swapped.SHA256)) {
		t.Errorf("undo = %v, want an error naming %s and %s", err, set, b.Path(swapped.SHA256))
	}
	if got, err := os.ReadFile(set); err != nil || string(got) != "the original evidence" {
		t.Errorf("the set-aside original = %q, %v", got, err)
	}
	if _, err := os.Stat(filepath.Join(b.dir, pruneFolder, prune, same.SHA256)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the set-aside copy of the same bytes was kept: %v", err)
	}
	if err := b.Check(same.SHA256); err != nil {
		t.Error(err)
	}
}
