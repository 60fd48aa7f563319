package app_test

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"bollard/app"
	"bollard/app/demo"
	"bollard/model"
	"bollard/storage"
	"bollard/storage/lockbox"
)

// plainWorkspace makes a plaintext workspace with a small demo and an
// exhibit with a file, closed, and returns its path, the IDs of its
// cases, its audit head, and its attachment files by hash.
func plainWorkspace(t *testing.T) (path string, cases []string, head model.AuditEntry, files map[string][]byte) {
	t.Helper()
	w := mustOpen(t)
	path = w.Path()
	if _, err := demo.Fill(ctx, w, demo.Options{Cases: 3, Seed: 19}); err != nil {
		t.Fatal(err)
	}
	c := mustCreateCase(t, w, "Operación Ceviche Escondido")
	note := filepath.Join(t.TempDir(), "manifest.txt")
	os.WriteFile(note, []byte("BILL OF LADING MSCU7781234 consignee Hacienda Zurbarán"), 0o644)
	if _, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: c.ID, Kind: model.EvidenceDocument, Description: "Manifest"}, note); err != nil {
		t.Fatal(err)
	}
	all, err := w.Cases(ctx, model.CaseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range all {
		cases = append(cases, c.ID)
	}
	if head, err = w.AuditHead(ctx); err != nil {
		t.Fatal(err)
	}
	w.Close()
	files = map[string][]byte{}
	filepath.WalkDir(storage.BlobDir(path), func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && len(d.Name()) == 64 {
			b, _ := os.ReadFile(p)
			files[d.Name()] = b
		}
		return nil
	})
	if len(files) < 2 {
		t.Fatalf("only %d attachment files to encrypt", len(files))
	}
	return path, cases, head, files
}

var convertPass = []byte("cold chain through Algeciras")

// A plaintext workspace encrypted in place opens only with its
// passphrase, holds the same cases, audit trail and files, and leaves no
// plaintext byte under its folder.
func TestEncryptInPlace(t *testing.T) {
	path, cases, head, files := plainWorkspace(t)
	var last, total int64
	res, err := app.Encrypt(ctx, path, convertPass, true, func(d, tot int64) { last, total = d, tot })
	if err != nil {
		t.Fatal(err)
	}
	if res.RecoveryKey == "" || res.Attachments != len(files) || last != total || total == 0 {
		t.Errorf("result %+v, progress %d of %d; want a recovery key and %d files", res, last, total, len(files))
	}
	if len(res.Caveats) == 0 || !strings.Contains(strings.Join(res.Caveats, " "), "TRIM") && !strings.Contains(strings.Join(res.Caveats, " "), "trims") {
		t.Errorf("caveats %q say nothing of SSDs", res.Caveats)
	}
	if _, err := app.Open(ctx, path); !errors.Is(err, app.ErrEncrypted) {
		t.Fatalf("Open after encrypt: %v, want ErrEncrypted", err)
	}
	checkEncrypted(t, path, cases, head, files, convertPass)
	w, err := app.Unlock(ctx, path, []byte(res.RecoveryKey))
	if err != nil {
		t.Fatalf("unlock with the recovery key: %v", err)
	}
	w.Close()

	if _, err := app.Encrypt(ctx, path, convertPass, false, nil); !errors.Is(err, app.ErrAlreadyEncrypted) {
		t.Errorf("encrypt again: %v, want ErrAlreadyEncrypted", err)
	}
}

// checkEncrypted checks the workspace at path is encrypted and complete.
func checkEncrypted(t *testing.T, path string, cases []string, head model.AuditEntry, files map[string][]byte, pass []byte) {
	t.Helper()
	w, err := app.Unlock(ctx, path, pass)
	if err != nil {
		t.Fatalf("unlock: %v", err)
	}
	got, err := w.Cases(ctx, model.CaseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(cases) {
		t.Errorf("%d cases, want %d", len(got), len(cases))
	}
	if h, err := w.AuditHead(ctx); err != nil || h.Seq != head.Seq || h.Hash != head.Hash {
		t.Errorf("audit head %d %s (%v), want %d %s", h.Seq, h.Hash, err, head.Seq, head.Hash)
	}
	w.Close()

	key, err := lockbox.Unlock(path, pass)
	if err != nil {
		t.Fatal(err)
	}
	akey := lockbox.AttachmentKey(key)
	for sha, want := range files {
		p := filepath.Join(storage.BlobDir(path), sha[:2], sha)
		st, err := os.Stat(p)
		if err != nil {
			t.Errorf("file %s: %v", sha, err)
			continue
		}
		if st.Mode().Perm() != 0o400 {
			t.Errorf("file %s mode %v", sha, st.Mode())
		}
		f, _ := os.Open(p)
		r, err := storage.OpenSealedAttachment(f, akey)
		var b []byte
		if err == nil {
			b, err = io.ReadAll(r)
		}
		f.Close()
		if err != nil || !bytes.Equal(b, want) {
			t.Errorf("file %s reads back %d bytes (%v), want its %d bytes", sha, len(b), err, len(want))
		}
	}
	// No plaintext byte anywhere under the folder.
	needles := [][]byte{[]byte("Ceviche Escondido"), []byte("M. Torres"), []byte("MSCU7781234"), []byte("SQLite format 3")}
	for _, c := range cases {
		needles = append(needles, []byte(c))
	}
	for _, b := range files {
		if len(b) >= 48 {
			needles = append(needles, b[len(b)/2:len(b)/2+32])
		} else {
			needles = append(needles, b)
		}
	}
	filepath.WalkDir(filepath.Dir(path), func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("read %s: %v", p, err)
			return nil
		}
		for _, n := range needles {
			if bytes.Contains(b, n) {
				t.Errorf("%s holds the plaintext %q", p, n[:min(len(n), 24)])
			}
		}
		return nil
	})
}

// Encrypt refuses, changing nothing, a workspace another program has open
// and a file that is not a workspace; and it stops at an attachment file
// whose contents do not match its name.
func TestEncryptRefuses(t *testing.T) {
	t.Run("held open", func(t *testing.T) {
		path, _, _, _ := plainWorkspace(t)
		w, err := app.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		if _, err := w.Cases(ctx, model.CaseFilter{}); err != nil {
			t.Fatal(err)
		}
		before := listing(t, filepath.Dir(path))
		if _, err := app.Encrypt(ctx, path, convertPass, false, nil); !errors.Is(err, storage.ErrHeldByAnother) {
			t.Fatalf("encrypt of an open workspace: %v, want ErrHeldByAnother", err)
		}
		if after := listing(t, filepath.Dir(path)); after != before {
			t.Errorf("files changed:\n%s\nnow:\n%s", before, after)
		}
	})
	t.Run("not a workspace", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "notes.db")
		os.WriteFile(path, []byte("shopping list"), 0o600)
		if _, err := app.Encrypt(ctx, path, convertPass, false, nil); err == nil {
			t.Fatal("encrypted a file that is not a workspace")
		}
		if b, _ := os.ReadFile(path); string(b) != "shopping list" {
			t.Errorf("the file now holds %q", b)
		}
		if ok, _ := app.IsEncrypted(path); ok {
			t.Error("a lockbox was left")
		}
	})
	t.Run("file changed", func(t *testing.T) {
		path, _, _, files := plainWorkspace(t)
		var sha string
		for sha = range files {
			break
		}
		p := filepath.Join(storage.BlobDir(path), sha[:2], sha)
		os.Chmod(p, 0o600)
		os.WriteFile(p, []byte("altered"), 0o400)
		before := listing(t, filepath.Dir(path))
		_, err := app.Encrypt(ctx, path, convertPass, false, nil)
		var bad *storage.UnsealableError
		if !errors.As(err, &bad) || !strings.Contains(err.Error(), sha) {
			t.Fatalf("encrypt with an altered file: %v, want it named", err)
		}
		if after := listing(t, filepath.Dir(path)); after != before {
			t.Errorf("files changed:\n%s\nnow:\n%s", before, after)
		}
		w, err := app.Open(ctx, path)
		if err != nil {
			t.Fatalf("the plaintext workspace no longer opens: %v", err)
		}
		w.Close()
	})
}

// listing is every file under dir with its size, to see that nothing
// changed (the -writer record of a write is allowed to come and go).
func listing(t *testing.T, dir string) string {
	var b strings.Builder
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || strings.HasSuffix(p, "-writer") || strings.Contains(p, string(filepath.Separator)+"tmp") {
			return nil
		}
		info, _ := d.Info()
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			b.WriteString(rel + "/\n")
		} else {
			b.WriteString(rel + " " + strconv.FormatInt(info.Size(), 10) + "\n")
		}
		return nil
	})
	return b.String()
}
