package cli_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// demoCase fills a new workspace with a few demo cases and returns it and
// the ref of one.
func demoCase(t *testing.T) (db, ref string) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "demo.db")
	must(t, 0, "--db", db, "demo", "--cases", "3")
	return db, listCases(t, db)[0].Ref
}

func TestEvidenceCustodyVerify(t *testing.T) {
	db, ref := demoCase(t)
	photo := filepath.Join(t.TempDir(), "IMG_2041.jpg")
	os.WriteFile(photo, []byte("\xFF\xD8\xFF\xE0 the brick, stamped Rolex"), 0o644)

	out := must(t, 0, "--db", db, "evidence", "add", ref, "--description", "Brick, 1.1 kg, stamped Rolex",
		"--seizure", "SZ-0001", "--seal", "BE-0042", "--file", photo).stdout
	exhibit := strings.TrimSpace(out)
	if exhibit != ref+"/EX-001" {
		t.Fatalf("evidence add printed %q, want %s/EX-001", out, ref)
	}

	var shown struct {
		Item struct {
			Attachments []struct{ SHA256, Name string }
		}
		SeizureRef string
	}
	r := must(t, 0, "--db", db, "evidence", "show", exhibit, "--json")
	if err := json.Unmarshal([]byte(r.stdout), &shown); err != nil || len(shown.Item.Attachments) != 1 {
		t.Fatalf("evidence show --json: %v\n%s", err, r.stdout)
	}
	sum, err := exec.Command("sha256sum", photo).Output()
	if err != nil {
		t.Fatal(err)
	}
	sha := shown.Item.Attachments[0].SHA256
	if want := strings.Fields(string(sum))[0]; sha != want || shown.SeizureRef != "SZ-0001" {
		t.Errorf("SHA-256 %s (sha256sum %s), seizure %q", sha, want, shown.SeizureRef)
	}

	must(t, 0, "--db", db, "custody", "add", exhibit, "--action", "seized", "--place", "Antwerp")
	must(t, 0, "--db", db, "custody", "add", exhibit, "--action", "transferred", "--to", "Dr. Peeters", "--agency", "NICC",
		"--seal", "BE-0042", "--seal-intact", "yes")
	must(t, 2, "--db", db, "custody", "add", exhibit, "--action", "lost")
	must(t, 2, "--db", db, "custody", "add", exhibit, "--action", "received", "--seal-intact", "maybe")
	must(t, 0, "--db", db, "custody", "add", exhibit, "--action", "destroyed", "--place", "Doel incinerator")
	if r := must(t, 1, "--db", db, "custody", "add", exhibit, "--action", "received"); !strings.Contains(r.stderr, "destroyed") {
		t.Errorf("an event after destruction: %s", r.stderr)
	}

	history := must(t, 0, "--db", db, "audit", "--case", ref).stdout
	for _, want := range []string{"attached IMG_2041.jpg to exhibit " + exhibit, "recorded custody of exhibit " + exhibit + ": transferred from Demo Officer (Demo Customs Service) to Dr. Peeters (NICC), seal BE-0042 intact"} {
		if !strings.Contains(history, want) {
			t.Errorf("audit --case does not say %q:\n%s", want, history)
		}
	}

	if r := must(t, 0, "--db", db, "verify"); !strings.Contains(r.stdout, "1 attachment files") || !strings.Contains(r.stdout, "all intact") {
		t.Errorf("verify said:\n%s", r.stdout)
	}
	cp := filepath.Join(t.TempDir(), "checkpoint.json")
	must(t, 0, "--db", db, "checkpoint", "-o", cp)
	must(t, 0, "--db", db, "verify", "--checkpoint", cp)

	// One byte of the stored photo flipped: verify names the exhibit.
	blob := filepath.Join(db+".files", sha[:2], sha)
	os.Chmod(blob, 0o600)
	b, err := os.ReadFile(blob)
	if err != nil {
		t.Fatal(err)
	}
	b[3] ^= 0x20
	os.WriteFile(blob, b, 0o600)
	r = must(t, 1, "--db", db, "verify", "--checkpoint", cp)
	if !strings.Contains(r.stdout, "BROKEN: exhibit "+exhibit+": the file IMG_2041.jpg no longer matches") ||
		!strings.Contains(r.stderr, "exhibit "+exhibit) {
		t.Errorf("verify after a flipped byte:\nstdout: %s\nstderr: %s", r.stdout, r.stderr)
	}
}

func TestEvidenceUsage(t *testing.T) {
	db, ref := demoCase(t)
	must(t, 2, "--db", db, "evidence", "add", "--description", "no case")
	must(t, 2, "--db", db, "evidence", "add", ref, "--description", "x", "--kind", "rumour")
	must(t, 2, "--db", db, "evidence", "add", ref)
	must(t, 2, "--db", db, "evidence", "add", ref, "--description", "x", "--acquired-at", "yesterday")
	if r := must(t, 1, "--db", db, "evidence", "add", ref, "--description", " "); !strings.Contains(r.stderr, "description") {
		t.Errorf("a blank description: %s", r.stderr)
	}
	if r := must(t, 1, "--db", db, "evidence", "add", ref, "--description", "x", "--file", "/no/such.pdf"); !strings.Contains(r.stderr, "/no/such.pdf") {
		t.Errorf("a missing file: %s", r.stderr)
	}
	must(t, 1, "--db", db, "evidence", "show", ref+"/EX-999")
	must(t, 2, "--db", db, "checkpoint")
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"seq": 3}`), 0o644)
	if r := must(t, 1, "--db", db, "verify", "--checkpoint", bad); !strings.Contains(r.stderr, "not a signed Bollard checkpoint") {
		t.Errorf("a checkpoint that is not one: %s", r.stderr)
	}
}
