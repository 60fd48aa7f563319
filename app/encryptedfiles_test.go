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
	"bollard/model"
)

// noPlaintextUnder fails when any byte of any file under dir (the temp
// folder included) holds one of the secrets.
func noPlaintextUnder(t *testing.T, dir string, secrets ...string) {
	t.Helper()
	seen := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		seen++
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
	if seen == 0 {
		t.Fatalf("no file under %s to look at", dir)
	}
}

// An encrypted workspace's attachment folder holds nothing readable: no
// file's contents, no file's name. Its files read back through the
// workspace, verify checks them, and one altered or put there in
// plaintext is reported by name and kept.
func TestEncryptedAttachmentStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ws.db")
	w, _, err := app.Create(ctx, path, []byte("banana containers from Guayaquil, eleven of them"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { w.Close() }()
	if _, err := w.SetOfficer(ctx, model.Officer{Name: "M. Torres", Agency: "SVA", Country: "ES", RefPrefix: "esa"}); err != nil {
		t.Fatal(err)
	}
	ledger := "LEDGER of Marchetti: 4471 kg via Algeciras " + strings.Repeat("row of the ledger ", 200_000)
	photo := "\xFF\xD8\xFF the photo of container MSCU-4471-9"
	files := []string{writeFile(t, "marchetti-ledger.txt", ledger), writeFile(t, "container-seal-MSCU.jpg", photo)}
	_, x := mustAddExhibit(t, w, files...)
	dir := w.BlobDir()
	// Something in the temp folder too, as an import leaves while it runs.
	if err := os.WriteFile(filepath.Join(w.TempDir(), "marker"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	secrets := []string{"LEDGER of Marchetti", "row of the ledger", "photo of container", "marchetti-ledger", "container-seal-MSCU"}
	noPlaintextUnder(t, dir, secrets...)

	for _, a := range x.Attachments {
		r, err := w.OpenAttachment(a.SHA256)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if want := map[string]string{"marchetti-ledger.txt": ledger, "container-seal-MSCU.jpg": photo}[a.Name]; string(got) != want {
			t.Errorf("%s reads back as %d bytes, not the %d stored", a.Name, len(got), len(want))
		}
	}
	if v, err := w.Verify(ctx, nil); err != nil || !v.OK() || v.Files != 2 {
		t.Fatalf("verify of an intact encrypted workspace: %+v, %v", v, err)
	}

	// One byte of the ledger's sealed file changed.
	var sha string
	for _, a := range x.Attachments {
		if a.Name == "marchetti-ledger.txt" {
			sha = a.SHA256
		}
	}
	stored := filepath.Join(dir, sha[:2], sha)
	b, err := os.ReadFile(stored)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)-100] ^= 0x20
	os.Chmod(stored, 0o600)
	if err := os.WriteFile(stored, b, 0o400); err != nil {
		t.Fatal(err)
	}
	// And a plaintext file put in the folder by hand.
	dropped := filepath.Join(dir, "ab", strings.Repeat("ab", 32))
	os.MkdirAll(filepath.Dir(dropped), 0o700)
	if err := os.WriteFile(dropped, []byte("a plaintext file"), 0o400); err != nil {
		t.Fatal(err)
	}
	reported := func(v app.Verification) {
		t.Helper()
		text := strings.Join(v.Problems, "\n")
		if len(v.Problems) != 2 || !strings.Contains(text, x.ExhibitRef) || !strings.Contains(text, sha) ||
			!strings.Contains(text, "authentication") || !strings.Contains(text, filepath.Join("ab", strings.Repeat("ab", 32))+": a file that is not encrypted") {
			t.Errorf("verify found:\n%s\nwant the altered file of %s (%s) and the plaintext file", text, x.ExhibitRef, sha)
		}
		for _, p := range []string{stored, dropped} {
			if _, err := os.Stat(p); err != nil {
				t.Errorf("verify removed %s: %v", p, err)
			}
		}
	}
	v, err := w.Verify(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	reported(v)
	if _, err := w.OpenAttachment(sha); err == nil {
		r, _ := w.OpenAttachment(sha)
		if _, err := io.ReadAll(r); err == nil {
			t.Error("the altered file read to its end without an error")
		}
		r.Close()
	}

	// Checked read-only, with the key: the same findings, nothing written.
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := app.UnlockReadOnly(ctx, path, []byte("banana containers from Guayaquil, eleven of them"))
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if v, err = ro.Verify(ctx, nil); err != nil {
		t.Fatal(err)
	}
	reported(v)
	if _, err := os.Stat(filepath.Join(dir, "tmp")); err != nil {
		t.Fatal(err)
	}
	noPlaintextUnder(t, dir, "LEDGER of Marchetti", "photo of container", "marchetti-ledger", "container-seal-MSCU")
}
