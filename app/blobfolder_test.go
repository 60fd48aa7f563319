package app_test

import (
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bollard/app"
	"bollard/model"
	"bollard/storage"
)

// openAt opens (creating) the workspace at path with an officer profile.
func openAt(t *testing.T, path string) *app.Workspace {
	t.Helper()
	w, err := app.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.SetOfficer(ctx, model.Officer{Name: "M. Torres", Agency: "SVA", Country: "ES", RefPrefix: "ESA"}); err != nil {
		t.Fatal(err)
	}
	return w
}

// snapshot reads every file under dir, by relative path, so a test can say
// that nothing in it changed: all but the temp folder, where each program
// that opens the workspace keeps a lock.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p == filepath.Join(dir, "tmp") {
			return filepath.SkipDir
		}
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[rel] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameFiles(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for name, b := range want {
		if got[name] != b {
			t.Errorf("%s: %s changed or gone", what, name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: %s appeared", what, name)
		}
	}
}

// ageFiles sets every file under dir two hours back: the sweep of old
// releases removed unreferenced files older than an hour.
func ageFiles(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-2 * time.Hour)
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			os.Chtimes(p, old, old)
		}
		return nil
	})
}

// The folder keeps the workspace file's whole name and is marked with its
// ID: x.db and x.sqlite no longer share one.
func TestBlobFolderIsTheWorkspacesOwn(t *testing.T) {
	dir := t.TempDir()
	db := openAt(t, filepath.Join(dir, "x.db"))
	defer db.Close()
	sqlite := openAt(t, filepath.Join(dir, "x.sqlite"))
	defer sqlite.Close()
	for _, w := range []*app.Workspace{db, sqlite} {
		if got, want := w.BlobDir(), w.Path()+".files"; got != want {
			t.Errorf("BlobDir = %s, want %s", got, want)
		}
		marker, err := os.ReadFile(filepath.Join(w.BlobDir(), "workspace-id"))
		if err != nil || strings.TrimSpace(string(marker)) != w.ID() {
			t.Errorf("marker of %s = %q, %v; want %s", w.BlobDir(), marker, err, w.ID())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.files")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("x.files was made: %v", err)
	}
}

// The first reproduction: a backup copy of the workspace opened
// (case list) no longer deletes the newer workspace's photos, nor its own
// folder anything.
func TestOpeningABackupDeletesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.db")
	w := openAt(t, path)
	mustCreateCase(t, w, "Bananas from Guayaquil")
	w.Close()
	backup, _ := os.ReadFile(path)
	os.WriteFile(filepath.Join(dir, "x.old"), backup, 0o600)

	w, err := app.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	_, x := mustAddExhibit(t, w, writeFile(t, "IMG_1.jpg", "\xFF\xD8\xFF photo of the container"))
	blobs := w.BlobDir()
	w.Close()
	ageFiles(t, blobs)
	before := snapshot(t, blobs)

	old, err := app.Open(ctx, filepath.Join(dir, "x.old"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.Cases(ctx, model.CaseFilter{}); err != nil {
		t.Fatal(err)
	}
	if v, err := old.Verify(ctx, nil); err != nil || !v.OK() {
		t.Errorf("verify of the backup: %v %q", err, v.Problems)
	}
	old.Close()
	sameFiles(t, "the newer workspace's folder", snapshot(t, blobs), before)

	w, err = app.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if v, err := w.Verify(ctx, nil); err != nil || !v.OK() || v.Files != 1 {
		t.Errorf("verify: %v %q, %d files", err, v.Problems, v.Files)
	}
	if _, err := os.Stat(w.AttachmentPath(x.Attachments[0].SHA256)); err != nil {
		t.Error(err)
	}
}

// The second reproduction: an attachment row tampered away leaves
// its file unreferenced by any exhibit; opening and verifying report it and
// delete nothing, and prune keeps it because the audit trail names it.
func TestVerifyOfATamperedAttachmentDeletesNothing(t *testing.T) {
	w := mustOpen(t)
	_, x := mustAddExhibit(t, w, writeFile(t, "IMG_2.jpg", "\xFF\xD8\xFF photo of the seal"))
	sha := x.Attachments[0].SHA256
	tamper(t, w, `DROP TRIGGER attachments_no_update`,
		`UPDATE attachments SET sha256 = '`+strings.Repeat("0", 64)+`'`)
	ageFiles(t, w.BlobDir())
	before := snapshot(t, w.BlobDir())
	path := w.Path()
	w.Close()

	again, err := app.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	v, err := again.Verify(ctx, nil)
	if err != nil || v.OK() {
		t.Errorf("verify of a tampered workspace: %v %q", err, v.Problems)
	}
	sameFiles(t, "after open and verify", snapshot(t, again.BlobDir()), before)

	r, err := again.PruneFiles(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Removed) != 0 || len(r.Kept) != 1 || r.Kept[0].SHA256 != sha {
		t.Errorf("prune: removed %v, kept %v; want %s kept", r.Removed, r.Kept, sha)
	}
	sameFiles(t, "after prune", snapshot(t, again.BlobDir()), before)
}

// A folder marked as another workspace's is refused, named with both IDs,
// and left exactly as it was; so is one holding files but no marker.
func TestForeignBlobFolderIsRefused(t *testing.T) {
	dir := t.TempDir()
	a := openAt(t, filepath.Join(dir, "a.db"))
	mustAddExhibit(t, a, writeFile(t, "IMG_3.jpg", "\xFF\xD8\xFF a's photo"))
	aID, aFiles := a.ID(), a.BlobDir()
	a.Close()
	b := openAt(t, filepath.Join(dir, "b.db"))
	bID, bFiles := b.ID(), b.BlobDir()
	b.Close()
	if err := os.RemoveAll(bFiles); err != nil {
		t.Fatal(err)
	}
	// a's folder copied over to b's name, as a hurried backup might.
	if err := os.Rename(aFiles, bFiles); err != nil {
		t.Fatal(err)
	}
	ageFiles(t, bFiles)
	before := snapshot(t, bFiles)
	_, err := app.Open(ctx, filepath.Join(dir, "b.db"))
	var foreign *storage.ForeignBlobsError
	if !errors.As(err, &foreign) {
		t.Fatalf("open: %v, want the folder refused", err)
	}
	for _, want := range []string{aID, bID, bFiles} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not name %s: %v", want, err)
		}
	}
	sameFiles(t, "the foreign folder", snapshot(t, bFiles), before)

	t.Run("files but no marker", func(t *testing.T) {
		os.Chmod(filepath.Join(bFiles, "workspace-id"), 0o600)
		if err := os.Remove(filepath.Join(bFiles, "workspace-id")); err != nil {
			t.Fatal(err)
		}
		delete(before, "workspace-id")
		_, err := app.Open(ctx, filepath.Join(dir, "b.db"))
		if err == nil || !strings.Contains(err.Error(), "no workspace-id marker") {
			t.Errorf("open: %v", err)
		}
		sameFiles(t, "the unmarked folder", snapshot(t, bFiles), before)
	})
}

// legacyLayout turns workspaces made by this release into the layout the
// release before issue 12 left: their files all in one folder named
// without the extension, no marker, a half-written copy at its top.
func legacyLayout(t *testing.T, legacy string, workspaces ...string) {
	t.Helper()
	for _, path := range workspaces {
		own := path + ".files"
		os.Remove(filepath.Join(own, "workspace-id"))
		os.RemoveAll(filepath.Join(own, "tmp"))
		entries, _ := os.ReadDir(own)
		for _, e := range entries {
			files, _ := os.ReadDir(filepath.Join(own, e.Name()))
			os.MkdirAll(filepath.Join(legacy, e.Name()), 0o700)
			for _, f := range files {
				if err := os.Rename(filepath.Join(own, e.Name(), f.Name()), filepath.Join(legacy, e.Name(), f.Name())); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := os.RemoveAll(own); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(legacy, ".put-123456"), []byte("half a copy"), 0o600)
}

// Workspaces made by the release before issue 12 (x.db and x.sqlite
// sharing x.files) each get a folder of their own holding every file they
// reference, by attachment or in their audit trail; the shared folder is
// left exactly as it was, and verify, read-only, finds the files before
// and after.
func TestLegacyBlobFolderIsBroughtAcross(t *testing.T) {
	dir := t.TempDir()
	legacy := filepath.Join(dir, "x.files")
	xdb, xsqlite := filepath.Join(dir, "x.db"), filepath.Join(dir, "x.sqlite")

	w := openAt(t, xdb)
	_, x1 := mustAddExhibit(t, w, writeFile(t, "IMG_4.jpg", "\xFF\xD8\xFF x.db's photo"), writeFile(t, "scan.pdf", "%PDF-1.7 x.db's scan"))
	_, gone := mustAddExhibit(t, w, writeFile(t, "IMG_5.jpg", "\xFF\xD8\xFF named only in x.db's audit trail"))
	dbID := w.ID()
	w.Close()
	w = openAt(t, xsqlite)
	_, x2 := mustAddExhibit(t, w, writeFile(t, "IMG_6.jpg", "\xFF\xD8\xFF x.sqlite's photo"))
	sqliteID := w.ID()
	w.Close()
	stray, err := storage.OpenBlobs(filepath.Join(dir, "x.sqlite.files"), nil)
	if err != nil {
		t.Fatal(err)
	}
	strayBlob, err := stray.Put(strings.NewReader("a file nobody references"))
	stray.Close()
	if err != nil {
		t.Fatal(err)
	}
	legacyLayout(t, legacy, xdb, xsqlite)
	// x.db's second exhibit's row tampered away: its file is named only by
	// the audit trail.
	db, err := sql.Open("sqlite3", xdb)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`DROP TRIGGER attachments_no_update`, `UPDATE attachments SET sha256 = '` + strings.Repeat("1", 64) + `' WHERE sha256 = '` + gone.Attachments[0].SHA256 + `'`} {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	ageFiles(t, legacy)
	before := snapshot(t, legacy)
	if len(before) != 6 {
		t.Fatalf("the old folder holds %d files, want 6: %v", len(before), before)
	}

	// A build of point 2's read-only verify reads the old folder where the
	// new one does not exist yet.
	ro, err := storage.ReadWorkspaceBlobs(xdb, dbID, nil)
	if err != nil || ro.Dir() != legacy {
		t.Fatalf("ReadWorkspaceBlobs = %v, %v; want the old folder", ro, err)
	}
	if err := ro.Check(x1.Attachments[0].SHA256); err != nil {
		t.Errorf("read-only, before: %v", err)
	}
	if _, err := os.Stat(xdb + ".files"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("reading made the new folder: %v", err)
	}

	want := map[string][]string{
		xdb:     {x1.Attachments[0].SHA256, x1.Attachments[1].SHA256, gone.Attachments[0].SHA256},
		xsqlite: {x2.Attachments[0].SHA256},
	}
	ids := map[string]string{xdb: dbID, xsqlite: sqliteID}
	for _, path := range []string{xdb, xsqlite} {
		w, err := app.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if w.BlobDir() != path+".files" {
			t.Errorf("BlobDir = %s", w.BlobDir())
		}
		got, _ := os.ReadDir(w.BlobDir())
		var hashes []string
		for _, d := range got {
			if len(d.Name()) == 2 {
				files, _ := os.ReadDir(filepath.Join(w.BlobDir(), d.Name()))
				for _, f := range files {
					hashes = append(hashes, f.Name())
				}
			}
		}
		if len(hashes) != len(want[path]) {
			t.Errorf("%s: brought across %v, want %v", path, hashes, want[path])
		}
		for _, sha := range want[path] {
			if b, err := os.ReadFile(w.AttachmentPath(sha)); err != nil || before[filepath.Join(sha[:2], sha)] != string(b) {
				t.Errorf("%s: file %s: %v", path, sha[:12], err)
			}
		}
		for _, sha := range want[path] {
			ours, err1 := os.Lstat(w.AttachmentPath(sha))
			old, err2 := os.Lstat(filepath.Join(legacy, sha[:2], sha))
			if err1 != nil || err2 != nil || os.SameFile(ours, old) {
				t.Errorf("%s: file %s is not a copy of its own: %v %v", path, sha[:12], err1, err2)
			}
		}
		v, err := w.Verify(ctx, nil)
		if err != nil || (path == xsqlite && !v.OK()) {
			t.Errorf("%s verify: %v %q", path, err, v.Problems)
		}
		for _, p := range v.Problems {
			if strings.Contains(p, "hard link") {
				t.Errorf("%s verify: %s", path, p)
			}
		}
		w.Close()
		if ro, err := storage.ReadWorkspaceBlobs(path, ids[path], nil); err != nil || ro.Dir() != path+".files" {
			t.Errorf("ReadWorkspaceBlobs after = %v, %v; want the new folder", ro, err)
		}
	}
	sameFiles(t, "the old shared folder", snapshot(t, legacy), before)
	if before[filepath.Join(strayBlob.SHA256[:2], strayBlob.SHA256)] == "" {
		t.Error("the stray file was not in the old folder to start with")
	}
	// Opening again brings nothing more and changes nothing.
	w, err = app.Open(ctx, xdb)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	sameFiles(t, "the old shared folder after a second open", snapshot(t, legacy), before)
}

// A failed attach removes the copy it made, but never one whose hash the
// audit trail names: that file was evidence once, and is kept.
func TestFailedAttachKeepsAFileTheAuditTrailNames(t *testing.T) {
	w := mustOpen(t)
	photo := writeFile(t, "IMG_9.jpg", "\xFF\xD8\xFF photo of the bill of lading")
	c, x := mustAddExhibit(t, w, photo)
	sha := x.Attachments[0].SHA256
	// The row tampered away and the file lost: the trail alone names it.
	tamper(t, w, `DROP TRIGGER attachments_no_update`, `UPDATE attachments SET sha256 = '`+strings.Repeat("2", 64)+`'`)
	os.Chmod(w.AttachmentPath(sha), 0o600)
	if err := os.Remove(w.AttachmentPath(sha)); err != nil {
		t.Fatal(err)
	}
	_, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: c.ID, Description: "again", Kind: "rumour"}, photo)
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a validation error", err)
	}
	if _, err := os.Stat(w.AttachmentPath(sha)); err != nil {
		t.Errorf("the failed attach removed a file the audit trail names: %v", err)
	}
	// A file the trail never named is still removed after a failure.
	lone := writeFile(t, "lone.pdf", "%PDF-1.7 never attached")
	if _, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: c.ID, Description: "x", Kind: "rumour"}, lone); err == nil {
		t.Fatal("the invalid exhibit was saved")
	}
	if r, err := w.PruneFiles(ctx, true); err != nil || len(r.Removed) != 0 {
		t.Errorf("left behind: %+v, %v", r, err)
	}
}

// An exhibit refused because another program holds the workspace is
// refused once, after one wait: its copies are not tidied away under a
// second wait for the same program, and stay for `files prune`.
func TestAttachRefusedWhileAnotherProgramWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ws.db")
	w := openAt(t, path)
	t.Cleanup(func() { w.Close() })
	c := mustCreateCase(t, w, "Bananas from Guayaquil")
	other := openAt(t, path)
	t.Cleanup(func() { other.Close() })

	holding, release := make(chan struct{}), make(chan struct{})
	held := make(chan error, 1)
	go func() {
		held <- other.Change(ctx, func(*app.Batch) error {
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding
	a, b := writeFile(t, "a.jpg", "\xFF\xD8\xFF photo a"), writeFile(t, "b.jpg", "\xFF\xD8\xFF photo b")
	_, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: c.ID, Description: "two photos", Kind: model.EvidencePhoto}, a, b)
	close(release)
	if err := <-held; err != nil {
		t.Fatal(err)
	}
	if !errors.Is(err, storage.ErrWorkspaceBusy) {
		t.Fatalf("attach while another program writes: %v, want ErrWorkspaceBusy", err)
	}
	if r, err := w.PruneFiles(ctx, true); err != nil || len(r.Removed) != 2 {
		t.Errorf("the copies of the refused exhibit: %+v, %v; want both left for files prune", r, err)
	}
}
