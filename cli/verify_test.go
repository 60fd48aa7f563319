package cli_test

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// verify reads a workspace it cannot write (a 0444 file in a 0555 folder,
// chattr +i where the system allows it, since the tests run as root) and
// checks its key against one given from outside; a replaced key is named,
// both the one expected and the one found.
func TestVerifyReadOnlyAndAgainstAKey(t *testing.T) {
	db := newWorkspace(t)
	cp := filepath.Join(t.TempDir(), "checkpoint.json")
	must(t, 0, "--db", db, "checkpoint", "-o", cp)
	var keys struct {
		SigningPublic string `json:"signing_public"`
	}
	if err := json.Unmarshal([]byte(must(t, 0, "--db", db, "keys", "--json").stdout), &keys); err != nil || keys.SigningPublic == "" {
		t.Fatalf("keys --json: %v", err)
	}

	dir := filepath.Dir(db)
	os.Chmod(db, 0o444)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	if exec.Command("chattr", "+i", dir).Run() == nil {
		t.Cleanup(func() { exec.Command("chattr", "-i", dir).Run() })
	} else {
		t.Log("chattr +i not available: only the permission bits and the byte-for-byte check stand")
	}
	before := listing(t, dir)
	r := must(t, 0, "--db", db, "verify", "--key", keys.SigningPublic, "--checkpoint", cp)
	if !strings.Contains(r.stdout, "all intact") {
		t.Errorf("verify of a read-only workspace:\n%s", r.stdout)
	}
	other := base64.StdEncoding.EncodeToString(ed25519.NewKeyFromSeed(make([]byte, 32)).Public().(ed25519.PublicKey))
	r = must(t, 1, "--db", db, "verify", "--key", other)
	if !strings.Contains(r.stdout, "BROKEN: the workspace's signing key is "+keys.SigningPublic+", not the expected "+other) {
		t.Errorf("verify against another key:\n%s", r.stdout)
	}
	r = must(t, 1, "--db", db, "verify", "--key", other, "--checkpoint", cp)
	if !strings.Contains(r.stdout, "BROKEN: the checkpoint was signed with the key "+keys.SigningPublic+", not the expected "+other) {
		t.Errorf("verify a checkpoint against another key:\n%s", r.stdout)
	}
	must(t, 2, "--db", db, "verify", "--key", "not-a-key")
	if after := listing(t, dir); after != before {
		t.Errorf("verify changed the folder:\nbefore %s\nafter  %s", before, after)
	}
}

// listing is every file under dir with its size and contents hash.
func listing(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		b.WriteString(p + " " + info.Mode().String())
		if info.Mode().IsRegular() {
			b.WriteString(" " + fileHash(t, p))
		}
		b.WriteString("\n")
		return nil
	})
	return b.String()
}
