package cli_test

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A case sent by HMRC and imported by the SVA with the real binary: `audit`
// says each change was received from HMRC's officer in the package (short
// hash), `--sources` and `--json` give the whole hash and the signing key
// `keys` shows, nothing HMRC did is credited to the SVA officer, and the
// workspace verifies.
func TestImportedChangesNameThePartner(t *testing.T) {
	hmrc := filepath.Join(t.TempDir(), "hmrc.db")
	must(t, 0, "--db", hmrc, "init", "--plain", "--officer", "Off. Jane Whitby", "--agency", "HMRC", "--country", "GB", "--prefix", "HMR")
	must(t, 0, "--db", hmrc, "demo", "--cases", "2", "--seed", "5")
	ref := listCases(t, hmrc)[0].Ref
	var keys struct {
		SigningPublic string `json:"signing_public"`
	}
	if err := json.Unmarshal([]byte(must(t, 0, "--db", hmrc, "keys", "--json").stdout), &keys); err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Join(t.TempDir(), "case.bollard")
	must(t, 0, "--db", hmrc, "export", ref, "-o", pkg, "--plain")
	data, err := os.ReadFile(pkg)
	if err != nil {
		t.Fatal(err)
	}
	sum := fmt.Sprintf("%x", sha256.Sum256(data))

	sva := newWorkspace(t) // M. Torres, SVA
	r := must(t, 0, "--db", sva, "import", pkg, "--trust")
	if !strings.Contains(r.stdout, sum) {
		t.Errorf("import does not name the package's SHA-256 %s:\n%s", sum, r.stdout)
	}
	must(t, 0, "--db", sva, "verify")

	history := must(t, 0, "--db", sva, "audit", "--case", ref).stdout
	want := "received from HMRC (Off. Jane Whitby) in package " + sum[:8] + "…"
	if !strings.Contains(history, want) {
		t.Fatalf("audit --case does not say %q:\n%s", want, history)
	}
	for _, line := range strings.Split(strings.TrimSpace(history), "\n") {
		if strings.Contains(line, "M. Torres") {
			t.Errorf("a change HMRC made is credited to the SVA officer: %s", line)
		}
		if !strings.Contains(line, want) {
			t.Errorf("a change the import wrote does not say where it came from: %s", line)
		}
	}
	sources := must(t, 0, "--db", sva, "audit", "--case", ref, "--sources").stdout
	if !strings.Contains(sources, "package "+sum+", signed with key "+keys.SigningPublic) {
		t.Errorf("audit --sources lacks the whole hash and the key:\n%s", sources)
	}

	// audit --json writes one JSON object an entry, one after the other.
	var received int
	dec := json.NewDecoder(strings.NewReader(must(t, 0, "--db", sva, "audit", "--json").stdout))
	for dec.More() {
		var e struct {
			Received *struct {
				Officer      struct{ Name, Agency string }
				Package, Key string
			}
		}
		if err := dec.Decode(&e); err != nil {
			t.Fatalf("audit --json: %v", err)
		}
		if e.Received == nil {
			continue
		}
		received++
		p := e.Received
		if p.Officer.Name != "Off. Jane Whitby" || p.Officer.Agency != "HMRC" || p.Package != sum || p.Key != keys.SigningPublic {
			t.Errorf("audit --json received %+v, want HMRC's officer, package %s, key %s", *p, sum, keys.SigningPublic)
		}
	}
	if received == 0 {
		t.Fatal("audit --json shows no received entry")
	}
}
