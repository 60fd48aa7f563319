package exchange_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"

	"bollard/app"
	"bollard/app/exchange"
)

// mustRefuseImport imports a package that must be refused into a real
// workspace holding a case, and checks the refusal names want and that the
// workspace's files are byte for byte what they were: a bad package
// changes nothing.
func mustRefuseImport(t *testing.T, path string, opt exchange.OpenOptions, want string) {
	t.Helper()
	w := mustOpen(t, "ESA")
	newCase(t, w)
	// The workspace's own key exists before the snapshot: making it on
	// first use is not the import's doing.
	if _, err := w.AgeIdentity(ctx); err != nil {
		t.Fatal(err)
	}
	before := workspaceBytes(t, w)
	_, err := exchange.ImportPackage(ctx, w, path, exchange.ImportOptions{Identities: opt.Identities, Passphrase: opt.Passphrase, Trust: true})
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("import: %v; want it refused with %q", err, want)
	}
	if after := workspaceBytes(t, w); after != before {
		t.Error("the refused import changed the workspace's files")
	}
}

// workspaceBytes is the SHA-256 of the workspace's database and journal.
func workspaceBytes(t *testing.T, w *app.Workspace) string {
	t.Helper()
	h := sha256.New()
	for _, f := range []string{w.Path(), w.Path() + "-wal"} {
		b, err := os.ReadFile(f)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))
}
