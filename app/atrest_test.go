package app_test

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bollard/app"
	"bollard/app/demo"
	"bollard/model"
)

// TestNothingReadableAtRest is the grep test of issue 19: after a demo and
// some evidence in an encrypted workspace, no name, identifier, note text,
// file name or file content of the workspace appears in any byte of the
// workspace's folder (the database, its -wal and -shm, the lockbox, the
// attachment folder and its temp folder) nor of the temp folder.
func TestNothingReadableAtRest(t *testing.T) {
	dir := t.TempDir()
	temp := t.TempDir()
	t.Setenv("TMPDIR", temp)
	path := filepath.Join(dir, "ws.db")
	pass := []byte("a passphrase for the grep test")
	w, _, err := app.Create(ctx, path, pass, true)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { w.Close() }()
	if _, err := demo.Fill(ctx, w, demo.Options{Cases: 6, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	cases, err := w.Cases(ctx, model.CaseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("the demo made no case")
	}
	const marker = "CCTV still of Ivanova at gate 4, plaintext marker"
	evidenceFile := filepath.Join(t.TempDir(), "ivanova-gate4-still.txt")
	if err := os.WriteFile(evidenceFile, []byte(strings.Repeat(marker+"\n", 200)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: cases[0].ID, Description: "CCTV still, gate 4",
		Kind: model.EvidenceDigital}, evidenceFile); err != nil {
		t.Fatal(err)
	}

	needles := valuesOf(t, w)
	needles[marker] = true
	needles["ivanova-gate4-still"] = true
	if len(needles) < 50 {
		t.Fatalf("only %d values to look for: the demo changed?", len(needles))
	}
	t.Logf("looking for %d values", len(needles))

	// Look both while the workspace is open (the -wal holds the latest
	// writes) and after it is closed.
	lookForPlaintext(t, needles, dir, temp)
	w.Close()
	lookForPlaintext(t, needles, dir, temp)
	w, err = app.Unlock(ctx, path, pass)
	if err != nil {
		t.Fatal(err)
	}
}

// valuesOf returns what must not be readable at rest of the workspace's
// cases: titles and references, entity names and identifiers, the start
// of each note, attachment names, and a middle slice of each attachment.
func valuesOf(t *testing.T, w *app.Workspace) map[string]bool {
	t.Helper()
	cases, err := w.Cases(ctx, model.CaseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	needles := map[string]bool{}
	add := func(s string) {
		if s = strings.TrimSpace(s); len(s) >= 6 {
			needles[s] = true
		}
	}
	for _, c := range cases {
		f, err := w.CaseFile(ctx, c.Ref)
		if err != nil {
			t.Fatal(err)
		}
		add(f.Case.Title)
		add(f.Case.Ref)
		for _, e := range f.Entities {
			id := e.Entity.Identifiers
			for _, s := range []string{e.Entity.Name, id.DocumentNumber, id.IMO, id.ContainerNumber, id.IBAN,
				id.Phone, id.Email, id.Plate, id.VATNumber, id.RegistrationNumber} {
				add(s)
			}
		}
		for _, n := range f.Notes {
			add(firstRunes(n.Body, 24))
		}
		for _, x := range f.Evidence {
			for _, a := range x.Item.Attachments {
				add(a.Name)
				needles[string(middleOf(t, w, a.SHA256))] = true
			}
		}
	}
	return needles
}

// lookForPlaintext reads every file under the folders and fails for each
// value found, naming the file.
func lookForPlaintext(t *testing.T, needles map[string]bool, dirs ...string) {
	t.Helper()
	files := 0
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			files++
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for n := range needles {
				if bytes.Contains(b, []byte(n)) || strings.Contains(p, n) {
					t.Errorf("%s holds %q in the clear", p, firstRunes(n, 40))
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if files < 3 {
		t.Fatalf("only %d files looked at", files)
	}
}

// middleOf returns 32 bytes from the middle of an attachment's plaintext:
// the stored file must not hold them.
func middleOf(t *testing.T, w *app.Workspace, sha string) []byte {
	t.Helper()
	f, err := w.OpenAttachment(sha)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 64 {
		return b
	}
	return b[len(b)/2 : len(b)/2+32]
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}
