package app_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bollard/app"
)

// noHardLinkFindings fails the test when verify of the workspace at path
// finds anything, or (when only hard links matter) a hard link.
func verifyFindings(t *testing.T, path string) []string {
	t.Helper()
	w, err := app.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	v, err := w.Verify(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	return v.Problems
}

// An old workspace and its backup, sharing the old release's x.files,
// each get copies of their own: no file in either store has a second
// name, so verify finds nothing, before and after x.files is deleted.
func TestLegacyFilesAreCopiedNotLinked(t *testing.T) {
	dir := t.TempDir()
	xdb, xold, legacy := filepath.Join(dir, "x.db"), filepath.Join(dir, "x.old"), filepath.Join(dir, "x.files")
	w := openAt(t, xdb)
	_, item := mustAddExhibit(t, w, writeFile(t, "IMG_7.jpg", "\xFF\xD8\xFF the container seal"))
	w.Close()
	b, _ := os.ReadFile(xdb)
	os.WriteFile(xold, b, 0o600)
	legacyLayout(t, legacy, xdb)
	sha := item.Attachments[0].SHA256
	for _, path := range []string{xdb, xold} {
		if p := verifyFindings(t, path); len(p) != 0 {
			t.Errorf("%s verify: %q", path, p)
		}
	}
	for _, path := range []string{xdb, xold} {
		ours, err1 := os.Lstat(filepath.Join(path+".files", sha[:2], sha))
		old, err2 := os.Lstat(filepath.Join(legacy, sha[:2], sha))
		if err1 != nil || err2 != nil || os.SameFile(ours, old) {
			t.Errorf("%s: not a copy of its own: %v %v", path, err1, err2)
		}
	}
	if err := os.RemoveAll(legacy); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{xdb, xold} {
		if p := verifyFindings(t, path); len(p) != 0 {
			t.Errorf("%s verify without x.files: %q", path, p)
		}
	}
}

// A backup w.db.bak has w.db.files by its old-release name, but that
// folder carries a marker, so it is the live store of this release and
// never an old one: nothing is taken from it, and the live workspace
// still verifies clean.
func TestBackupDoesNotTakeTheLiveFolder(t *testing.T) {
	dir := t.TempDir()
	live, bak := filepath.Join(dir, "w.db"), filepath.Join(dir, "w.db.bak")
	w := openAt(t, live)
	mustAddExhibit(t, w, writeFile(t, "IMG_8.jpg", "\xFF\xD8\xFF live evidence"))
	w.Close()
	b, _ := os.ReadFile(live)
	os.WriteFile(bak, b, 0o600)
	before := snapshot(t, live+".files")
	verifyFindings(t, bak) // its files are elsewhere: missing, reported
	if got := snapshot(t, bak+".files"); len(got) != 1 {
		t.Errorf("the backup's folder holds %v, want only its marker", got)
	}
	sameFiles(t, "the live folder", snapshot(t, live+".files"), before)
	if p := verifyFindings(t, live); len(p) != 0 {
		t.Errorf("live verify: %q", p)
	}
}

// A workspace file without an extension has x.files for its folder, the
// very name an older release gave the folder of x.db. A new workspace x
// never claims that folder while it holds x.db's files, so a prune of x
// can never delete them; the error says how to go on.
func TestNoExtensionDoesNotClaimAnOldFolder(t *testing.T) {
	dir := t.TempDir()
	xdb, x, legacy := filepath.Join(dir, "x.db"), filepath.Join(dir, "x"), filepath.Join(dir, "x.files")
	w := openAt(t, xdb)
	mustAddExhibit(t, w, writeFile(t, "IMG_9.jpg", "\xFF\xD8\xFF x.db's only copy"))
	w.Close()
	legacyLayout(t, legacy, xdb)
	before := snapshot(t, legacy)
	w, err := app.Open(ctx, x)
	if err == nil {
		if _, err := w.PruneFiles(ctx, false); err != nil {
			t.Error(err)
		}
		w.Close()
		t.Fatal("a new workspace x claimed x.db's old folder")
	}
	for _, want := range []string{"another workspace made by an older release", "x.db", "nothing in it was touched"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not say %q: %v", want, err)
		}
	}
	sameFiles(t, "x.db's old folder", snapshot(t, legacy), before)

	// x.db, opened, still gets its files.
	if p := verifyFindings(t, xdb); len(p) != 0 {
		t.Errorf("x.db verify: %q", p)
	}
}

// A workspace x whose old folder x.files holds only its own files claims
// it: the marker is written, nothing is moved.
func TestNoExtensionClaimsItsOwnOldFolder(t *testing.T) {
	dir := t.TempDir()
	x := filepath.Join(dir, "x")
	w := openAt(t, x)
	mustAddExhibit(t, w, writeFile(t, "IMG_10.jpg", "\xFF\xD8\xFF x's photo"))
	w.Close()
	os.Remove(filepath.Join(x+".files", "workspace-id"))
	os.RemoveAll(filepath.Join(x+".files", "tmp"))
	if _, err := os.Stat(filepath.Join(x+".files", "workspace-id")); !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	if p := verifyFindings(t, x); len(p) != 0 {
		t.Errorf("verify: %q", p)
	}
	if _, err := os.Stat(filepath.Join(x+".files", "workspace-id")); err != nil {
		t.Errorf("not marked: %v", err)
	}
}
