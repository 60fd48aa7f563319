package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestKeys(t *testing.T) {
	db := newWorkspace(t)
	var keys struct {
		Workspace, Officer, Agency string
		AgeRecipient               string `json:"age_recipient"`
		SigningPublic              string `json:"signing_public"`
	}
	r := must(t, 0, "--db", db, "keys", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &keys); err != nil || !strings.HasPrefix(keys.AgeRecipient, "age1") ||
		keys.Officer != "M. Torres" || len(keys.SigningPublic) != 44 {
		t.Fatalf("keys --json: %v\n%s", err, r.stdout)
	}
	// The keys are made once: asking again gives the same.
	if again := must(t, 0, "--db", db, "keys", "--json").stdout; again != r.stdout {
		t.Errorf("the keys changed between two calls:\n%s\n%s", r.stdout, again)
	}
	out := filepath.Join(t.TempDir(), "torres.age")
	must(t, 0, "--db", db, "keys", "export", "-o", out)
	b, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(b), keys.AgeRecipient) || strings.Contains(string(b), "AGE-SECRET-KEY") {
		t.Errorf("the recipient file holds %q (%v)", b, err)
	}
	must(t, 1, "--db", db, "keys", "export", "-o", out) // never over a file
	must(t, 2, "--db", db, "keys", "export")
}
