package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"bollard/storage/lockbox"
)

// The other CLI tests make plaintext workspaces (init --plain): each
// command on an encrypted one pays argon2id (~0.6 s) by design, and they
// run the binary some 700 times. These tests keep to few invocations.

// secretFile writes a passphrase file a script would give, readable by its
// owner only.
func secretFile(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(p, []byte(text+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// withSecret runs bollard with $BOLLARD_PASSPHRASE_FILE naming file.
func withSecret(t *testing.T, file string, args ...string) result {
	t.Helper()
	return runWith(t, []string{"BOLLARD_PASSPHRASE_FILE=" + file}, "", args...)
}

// snapshot is every byte of the workspace's files, to show a refused
// command changed nothing.
func snapshot(t *testing.T, db string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, p := range []string{db, db + "-wal", db + ".lockbox"} {
		if b, err := os.ReadFile(p); err == nil {
			out[p] = b
		}
	}
	return out
}

var recoveryKey = regexp.MustCompile(`\b[0-9A-Z]{4}(-[0-9A-Z]{4}){7}\b`)

func TestEncryptedWorkspace(t *testing.T) {
	top := t
	db := filepath.Join(t.TempDir(), "ws.db")
	pass := secretFile(t, "correct horse battery staple")

	r := withSecret(t, pass, "--db", db, "init", "--officer", "M. Torres", "--agency", "SVA", "--country", "ES", "--prefix", "ESA")
	r.expect(t, 0, "init")
	keys := recoveryKey.FindAllString(r.stdout, -1)
	if len(keys) != 1 || !strings.Contains(r.stdout, "office safe") || !strings.Contains(r.stdout, "data is gone") {
		t.Fatalf("init should print one recovery key and the warning:\n%s", r.stdout)
	}
	recovery := secretFile(t, keys[0])
	if b, err := os.ReadFile(db); err != nil || bytes.HasPrefix(b, []byte("SQLite format 3")) {
		t.Fatalf("the workspace file is not encrypted (%v)", err)
	}
	if st, err := os.Stat(db + ".lockbox"); err != nil || st.Mode().Perm()&0o077 != 0 {
		t.Fatalf("lockbox: %v %v", st, err)
	}

	t.Run("no terminal and no file says how to give it", func(t *testing.T) {
		r := run(t, "--db", db, "case", "list")
		r.expect(t, 1, "case list")
		if !strings.Contains(r.stderr, "BOLLARD_PASSPHRASE_FILE") || !strings.Contains(r.stderr, "terminal") {
			t.Fatalf("stderr: %s", r.stderr)
		}
	})
	t.Run("a passphrase file others can read is refused", func(t *testing.T) {
		loose := secretFile(t, "correct horse battery staple")
		os.Chmod(loose, 0o640)
		r := withSecret(t, loose, "--db", db, "case", "list")
		r.expect(t, 1, "case list")
		if !strings.Contains(r.stderr, "chmod 600") {
			t.Fatalf("stderr: %s", r.stderr)
		}
	})
	t.Run("never from an argument", func(t *testing.T) {
		for _, args := range [][]string{
			{"--db", db, "case", "list", "--passphrase", "correct horse battery staple"},
			{"--db", db, "passphrase", "correct horse battery staple"},
			{"--db", db, "recovery-key", "correct horse battery staple"},
			{"--db", filepath.Join(t.TempDir(), "new.db"), "init", "--passphrase", "correct horse battery staple"},
		} {
			must(t, 2, args...)
		}
	})
	t.Run("the wrong passphrase fails and changes nothing", func(t *testing.T) {
		before := snapshot(t, db)
		wrong := secretFile(t, "incorrect horse battery staple")
		r := withSecret(t, wrong, "--db", db, "profile", "--officer", "Someone Else")
		r.expect(t, 1, "profile")
		if r.stderr != "bollard: the passphrase or recovery key is not this workspace's; nothing was changed\n" {
			t.Fatalf("stderr: %q", r.stderr)
		}
		after := snapshot(t, db)
		for p, b := range before {
			if !bytes.Equal(b, after[p]) {
				t.Errorf("%s changed", p)
			}
		}
	})
	t.Run("the recovery key unlocks", func(t *testing.T) {
		r := withSecret(t, recovery, "--db", db, "profile")
		r.expect(t, 0, "profile")
		if !strings.Contains(r.stdout, "M. Torres") {
			t.Fatalf("profile: %s", r.stdout)
		}
	})
	t.Run("a new passphrase replaces the old", func(t *testing.T) {
		next := secretFile(top, "a new passphrase of words") // used by the next subtest
		runWith(t, []string{"BOLLARD_PASSPHRASE_FILE=" + pass, "BOLLARD_NEW_PASSPHRASE_FILE=" + next}, "", "--db", db, "passphrase").expect(t, 0, "passphrase")
		withSecret(t, pass, "--db", db, "case", "list").expect(t, 1, "case list with the old passphrase")
		withSecret(t, next, "--db", db, "verify").expect(t, 0, "verify with the new passphrase")
		pass = next
	})
	t.Run("a new recovery key replaces the old", func(t *testing.T) {
		r := withSecret(t, pass, "--db", db, "recovery-key")
		r.expect(t, 0, "recovery-key")
		keys := recoveryKey.FindAllString(r.stdout, -1)
		if len(keys) != 1 || keys[0] == strings.TrimSpace(mustRead(t, recovery)) {
			t.Fatalf("recovery-key: %s", r.stdout)
		}
		withSecret(t, recovery, "--db", db, "case", "list").expect(t, 1, "case list with the old recovery key")
	})
	t.Run("keyring refuses clearly where there is no keyring service", func(t *testing.T) {
		if runtime.GOOS != "linux" {
			t.Skip("the keyring service is D-Bus's only on Linux")
		}
		// A D-Bus session bus that is not there, as on CI and servers.
		noBus := []string{"DBUS_SESSION_BUS_ADDRESS=unix:path=" + filepath.Join(t.TempDir(), "no-bus"), "BOLLARD_PASSPHRASE_FILE=" + pass}
		before := snapshot(t, db)
		r := runWith(t, noBus, "", "--db", db, "keyring", "status")
		r.expect(t, 1, "keyring status")
		if !strings.Contains(r.stdout, "keyring unlock: off") || !strings.Contains(r.stderr, "no keyring service is reachable") {
			t.Fatalf("keyring status:\n%s%s", r.stdout, r.stderr)
		}
		r = runWith(t, noBus, "", "--db", db, "keyring", "on")
		r.expect(t, 1, "keyring on")
		if !strings.Contains(r.stderr, "no keyring service is reachable") || !strings.Contains(r.stderr, "nothing was changed") {
			t.Fatalf("keyring on: %s", r.stderr)
		}
		runWith(t, noBus, "", "--db", db, "keyring", "off").expect(t, 0, "keyring off when off")
		must(t, 2, "--db", db, "keyring", "maybe")
		after := snapshot(t, db)
		for p, b := range before {
			if !bytes.Equal(b, after[p]) {
				t.Errorf("%s changed", p)
			}
		}

		// A lockbox with a keyring slot (made here, with an in-memory
		// keyring) on a computer without a keyring service: commands fall
		// back to the passphrase without a word.
		keyring.MockInit()
		secret := []byte(strings.TrimSpace(mustRead(t, pass)))
		if _, err := lockbox.AddKeyring(db, secret); err != nil {
			t.Fatal(err)
		}
		r = runWith(t, noBus, "", "--db", db, "case", "list")
		r.expect(t, 0, "case list with a keyring slot and no keyring service")
		if strings.Contains(r.stderr, "keyring") {
			t.Errorf("the fallback to the passphrase was not silent: %s", r.stderr)
		}
		r = runWith(t, noBus, "", "--db", db, "keyring", "status")
		if r.code != 1 || !strings.Contains(r.stdout, "keyring unlock: on") {
			t.Fatalf("keyring status with a slot: %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		// Off removes the slot even where the entry cannot be reached, and
		// says the entry left behind opens nothing.
		r = runWith(t, noBus, "", "--db", db, "keyring", "off")
		if on, err := lockbox.HasKeyring(db); on || err != nil || !strings.Contains(r.stderr, "opens nothing") {
			t.Fatalf("keyring off without a keyring service: slot %v %v; %d %s", on, err, r.code, r.stderr)
		}
	})
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A package goes out encrypted to the known partners of the case's
// agencies without the officer naming them; with none known it is refused;
// --plain sends it in the clear and says so in the audit trail. The
// workspaces are plaintext: what is tested is the package.
func TestPackagesEncryptedByDefault(t *testing.T) {
	a := filepath.Join(t.TempDir(), "a.db")
	r := must(t, 0, "--db", a, "init", "--plain", "--officer", "Insp. Lotte Peeters", "--agency", "Belgian Customs", "--country", "BE", "--prefix", "BEC")
	if !strings.Contains(r.stderr, "NOT ENCRYPTED") {
		t.Errorf("init --plain does not say so: %s", r.stderr)
	}
	if trail := must(t, 0, "--db", a, "audit").stdout; !strings.Contains(trail, "Insp. Lotte Peeters made this workspace NOT encrypted (init --plain)") {
		t.Errorf("the audit trail does not record init --plain:\n%s", trail)
	}
	must(t, 0, "--db", a, "demo", "--cases", "1", "--seed", "5")
	var cases []struct {
		Ref        string
		LeadAgency string `json:"lead_agency"`
	}
	if err := json.Unmarshal([]byte(must(t, 0, "--db", a, "case", "list", "--json", "--all").stdout), &cases); err != nil || len(cases) != 1 || cases[0].LeadAgency == "" {
		t.Fatalf("case list: %v %+v", err, cases)
	}
	ref, c := cases[0].Ref, cases[0]
	// The officer of a works for the case's lead agency, so that once b
	// knows a as a partner, a is a partner of the case's agencies.
	must(t, 0, "--db", a, "profile", "--agency", c.LeadAgency)
	dir := t.TempDir()

	t.Run("with no partner known it is refused", func(t *testing.T) {
		out := filepath.Join(dir, "refused.bollard")
		r := must(t, 1, "--db", a, "export", ref, "-o", out)
		for _, want := range []string{"--recipient", "--passphrase", "--plain", c.LeadAgency} {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("stderr does not say %q: %s", want, r.stderr)
			}
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("a refused export left %s (%v)", out, err)
		}
	})

	plain := filepath.Join(dir, "plain.bollard")
	r = must(t, 0, "--db", a, "export", ref, "-o", plain, "--plain")
	if !strings.Contains(r.stderr, "NOT ENCRYPTED") {
		t.Errorf("--plain says nothing: %s", r.stderr)
	}
	if st, err := os.Stat(plain); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("the package: %v %v, want mode 0600", st, err)
	}
	sum := fileHash(t, plain)
	if trail := must(t, 0, "--db", a, "audit", "--case", ref).stdout; !strings.Contains(trail, "in the clear") || !strings.Contains(trail, sum) {
		t.Fatalf("the audit trail does not record the package sent in the clear (%s):\n%s", sum, trail)
	}
	must(t, 0, "--db", a, "verify")

	b := newWorkspace(t)
	must(t, 0, "--db", b, "import", plain, "--trust")
	// b now knows a, and a's age key, from a's signed package.
	sealed := filepath.Join(dir, "sealed.bollard")
	r = must(t, 0, "--db", b, "export", ref, "-o", sealed)
	if !strings.Contains(r.stdout, "encrypted to Insp. Lotte Peeters ("+c.LeadAgency+")") {
		t.Errorf("export did not say to whom it encrypted: %s", r.stdout)
	}
	if head := mustRead(t, sealed); !strings.HasPrefix(head, "age-encryption.org/v1") {
		t.Fatalf("the package is not encrypted: %q", head[:min(len(head), 40)])
	}
	r = must(t, 0, "--db", a, "import", sealed, "--trust")
	if !strings.Contains(r.stdout, "0 conflicts") {
		t.Errorf("import: %s", r.stdout)
	}
}

// A passphrase file saved by Windows' Notepad or PowerShell (a byte-order
// mark, UTF-16, CRLF) holds the same passphrase as one saved on Linux: the
// workspace one made opens with the other, and with the words typed.
func TestPassphraseFileAsEditorsSaveIt(t *testing.T) {
	const words = "contraseña del muelle 7"
	utf16le := []byte{0xFF, 0xFE}
	utf16be := []byte{0xFE, 0xFF}
	for _, r := range words + "\r\n" {
		utf16le = append(utf16le, byte(r), byte(r>>8))
		utf16be = append(utf16be, byte(r>>8), byte(r))
	}
	saved := map[string][]byte{
		"UTF-8 with a byte-order mark (Notepad)":    append([]byte{0xEF, 0xBB, 0xBF}, words+"\r\n"...),
		"UTF-16 little-endian (Windows PowerShell)": utf16le,
		"UTF-16 big-endian":                         utf16be,
	}
	for how, body := range saved {
		t.Run(how, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "secret")
			if err := os.WriteFile(file, body, 0o600); err != nil {
				t.Fatal(err)
			}
			db := filepath.Join(t.TempDir(), "ws.db")
			withSecret(t, file, "--db", db, "init", "--no-recovery-key", "--officer", "M. Torres", "--agency", "SVA", "--country", "ES", "--prefix", "ESA").expect(t, 0, "init")
			withSecret(t, secretFile(t, words), "--db", db, "case", "list").expect(t, 0, "case list with the words saved plainly")
		})
	}
}
