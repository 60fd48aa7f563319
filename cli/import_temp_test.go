package cli_test

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"filippo.io/age"
)

// plaintextMarker is written all through the attachments of the encrypted
// package: wherever it is found on disk, decrypted bytes are there.
const plaintextMarker = "PLAINTEXT-MARKER-c0ca1ne-bananas"

// encryptedPackage makes a package of a case with a few MB of attachments,
// encrypted to a fresh age key, and returns it with the key's file.
func encryptedPackage(t *testing.T) (pkg, identity string) {
	t.Helper()
	dir := t.TempDir()
	a := filepath.Join(dir, "a.db")
	must(t, 0, "--db", a, "init", "--plain", "--officer", "Insp. Lotte Peeters", "--agency", "Belgian Customs", "--country", "BE", "--prefix", "BEC")
	must(t, 0, "--db", a, "demo", "--cases", "1", "--seed", "3")
	ref := listCases(t, a)[0].Ref
	args := []string{"--db", a, "evidence", "add", ref, "--description", "phone dumps", "--kind", "digital"}
	for i := range 4 {
		body := bytes.Repeat([]byte(plaintextMarker+" "+string(rune('A'+i))+"\n"), (1<<20)/len(plaintextMarker))
		p := filepath.Join(dir, "dump-"+string(rune('a'+i))+".txt")
		if err := os.WriteFile(p, body, 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, "--file", p)
	}
	must(t, 0, args...)
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	identity, recipient := filepath.Join(dir, "key.txt"), filepath.Join(dir, "key.age")
	os.WriteFile(identity, []byte(id.String()+"\n"), 0o600)
	os.WriteFile(recipient, []byte(id.Recipient().String()+"\n"), 0o600)
	pkg = filepath.Join(dir, "case.bollard")
	must(t, 0, "--db", a, "export", ref, "-o", pkg, "--recipient", recipient)
	if b, _ := os.ReadFile(pkg); bytes.Contains(b, []byte(plaintextMarker)) {
		t.Fatal("the package is not encrypted")
	}
	return pkg, identity
}

// plaintextOutsideStore lists the files under root, outside the blob
// store's hash folders, that hold decrypted bytes.
func plaintextOutsideStore(t *testing.T, root, blobDir string) []string {
	t.Helper()
	var found []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && filepath.Dir(p) == blobDir && len(d.Name()) == 2 {
			return filepath.SkipDir // the blob store itself: evidence may be there
		}
		if d.Type().IsRegular() {
			if b, err := os.ReadFile(p); err == nil && bytes.Contains(b, []byte(plaintextMarker)) {
				rel, _ := filepath.Rel(root, p)
				found = append(found, rel)
			}
		}
		return nil
	})
	return found
}

// An import killed at any moment leaves no decrypted byte outside the blob
// store once the workspace has been opened again: the files it unpacked
// live in the workspace's own temp folder, which the next open sweeps.
// Killed while the files are being unpacked, and at times spread over the
// whole import; then a whole import and a refused one, which tidy up
// themselves.
func TestKilledImportLeavesNoPlaintext(t *testing.T) {
	pkg, identity := encryptedPackage(t)
	importArgs := func(db string) []string {
		return []string{"--db", db, "import", pkg, "--identity", identity, "--trust"}
	}
	start := func(t *testing.T, db string) *exec.Cmd {
		cmd := exec.Command(bollard, importArgs(db)...)
		// The system's temp folder is inside the tree searched too.
		cmd.Env = append(os.Environ(), "DISPLAY=", "TMPDIR="+filepath.Join(filepath.Dir(db), "systemp"))
		os.Mkdir(filepath.Join(filepath.Dir(db), "systemp"), 0o700)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	// How long a whole import takes here, to spread the kills over it.
	timed := newWorkspace(t)
	began := time.Now()
	start(t, timed).Wait()
	took := time.Since(began)
	t.Logf("a whole import of the package takes %v", took)
	if got := plaintextOutsideStore(t, filepath.Dir(timed), timed+".files"); len(got) != 0 {
		t.Errorf("a whole import left plaintext: %v", got)
	}

	killedWithPlaintext := 0
	kill := func(t *testing.T, when string, wait func(db string, started time.Time) bool) {
		db := newWorkspace(t)
		started := time.Now()
		cmd := start(t, db)
		deadline := time.Now().Add(20 * time.Second)
		for !wait(db, started) && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		root := filepath.Dir(db)
		before := plaintextOutsideStore(t, root, db+".files")
		if len(before) > 0 {
			killedWithPlaintext++
		}
		for _, p := range before {
			if !strings.HasPrefix(p, filepath.Join("ws.db.files", "tmp")+string(filepath.Separator)) {
				t.Errorf("killed %s: plaintext outside the workspace's temp folder: %s", when, p)
			}
		}
		must(t, 0, "--db", db, "case", "list")
		if after := plaintextOutsideStore(t, root, db+".files"); len(after) != 0 {
			t.Errorf("killed %s: after the next open, plaintext is still in %v", when, after)
		}
		if r := must(t, 0, "--db", db, "verify"); !strings.Contains(r.stdout, "all intact") {
			t.Errorf("killed %s: verify: %s", when, r.stdout)
		}
		t.Logf("killed %s: %d files held plaintext before the next open", when, len(before))
	}
	kill(t, "while unpacking", func(db string, _ time.Time) bool {
		m, _ := filepath.Glob(filepath.Join(db+".files", "tmp", "*", "bollard-package-*", "*"))
		return len(m) > 0
	})
	kill(t, "while copying into the store", func(db string, _ time.Time) bool {
		m, _ := filepath.Glob(filepath.Join(db+".files", "tmp", "*", ".put-*"))
		return len(m) > 0
	})
	for _, frac := range []float64{0.1, 0.3, 0.5, 0.7, 0.9} {
		after := time.Duration(frac * float64(took))
		kill(t, "after "+after.Round(time.Millisecond).String(), func(_ string, started time.Time) bool {
			return time.Since(started) >= after
		})
	}
	if killedWithPlaintext == 0 {
		t.Error("no kill caught decrypted files on disk: the test did not test anything")
	}

	t.Run("a refused import tidies up", func(t *testing.T) {
		db := newWorkspace(t)
		r := run(t, "--db", db, "import", pkg, "--identity", identity) // unknown signer, no --trust
		if r.code != 1 || !strings.Contains(r.stderr, "unknown partner") {
			t.Fatalf("import: %d %s", r.code, r.stderr)
		}
		if got := plaintextOutsideStore(t, filepath.Dir(db), db+".files"); len(got) != 0 {
			t.Errorf("a refused import left plaintext: %v", got)
		}
	})
}
