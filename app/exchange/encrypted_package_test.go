package exchange_test

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"bollard/app"
	"bollard/app/exchange"
	"bollard/model"
)

// mustCreateEncrypted makes an encrypted workspace with an officer.
func mustCreateEncrypted(t *testing.T, prefix string) *app.Workspace {
	t.Helper()
	w, _, err := app.Create(ctx, filepath.Join(t.TempDir(), "w.db"), []byte("the pilot boat leaves Algeciras at dawn"), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	if _, err := w.SetOfficer(ctx, model.Officer{Name: "Insp. Lotte Peeters", Agency: "Belgian Customs", RefPrefix: prefix}); err != nil {
		t.Fatal(err)
	}
	return w
}

// plaintextIn lists the files under dir whose bytes hold secret.
func plaintextIn(t *testing.T, dir, secret string) []string {
	t.Helper()
	var found []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if b, err := os.ReadFile(p); err == nil && bytes.Contains(b, []byte(secret)) {
			found = append(found, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// A package between two encrypted workspaces still carries its files,
// and the receiving one never has the package's decrypted files on disk
// in plaintext, not even in its temp folder while the import runs.
func TestEncryptedWorkspacesPackageRoundTrip(t *testing.T) {
	a, b := mustCreateEncrypted(t, "BEC"), mustCreateEncrypted(t, "ESA")
	ref := demoCase(t, a)
	const secret = "scanner image of MSKU container"
	recipient, err := b.AgeRecipient(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Join(t.TempDir(), "case.bollard")
	x, err := exchange.ExportPackage(ctx, a, pkg, exchange.Encryption{Recipients: []string{recipient}}, ref)
	if err != nil || x.Files != 1 {
		t.Fatalf("export: %+v, %v", x, err)
	}
	looked := false
	sum, err := exchange.ImportPackage(ctx, b, pkg, exchange.ImportOptions{Confirm: func(exchange.ManifestSigner) bool {
		// The package is open and its files unpacked in the temp folder.
		looked = true
		if found := plaintextIn(t, filepath.Join(b.BlobDir(), "tmp"), secret); len(found) > 0 {
			t.Errorf("the import unpacked plaintext into the temp folder: %v", found)
		}
		return true
	}})
	if err != nil || !looked || sum.Files != 1 {
		t.Fatalf("import: %+v, looked %v, %v", sum, looked, err)
	}
	for _, w := range []*app.Workspace{a, b} {
		if found := plaintextIn(t, w.BlobDir(), secret); len(found) > 0 {
			t.Errorf("plaintext in the attachment folder: %v", found)
		}
	}
	f := caseFile(t, b, ref)
	read := 0
	for _, e := range f.Evidence {
		for _, att := range e.Item.Attachments {
			r, err := b.OpenAttachment(att.SHA256)
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(r)
			r.Close()
			if err != nil || !bytes.Contains(got, []byte(secret)) {
				t.Fatalf("the file imported reads %q, %v", got, err)
			}
			read++
		}
	}
	if read != 1 {
		t.Fatalf("%d files imported, want 1", read)
	}
	verified(t, b)
}
