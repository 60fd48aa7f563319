package cli_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportFollowTheMoney(t *testing.T) {
	db := newWorkspace(t)
	must(t, 0, "--db", db, "demo", "--cases", "4", "--seed", "5")
	cases := listCases(t, db)
	out := filepath.Join(t.TempDir(), "case.ftm.json")
	r := run(t, "--db", db, "export", cases[0].Ref, cases[1].Ref, "--format", "ftm", "-o", out)
	if r.code == 2 && strings.Contains(r.stderr, "format") {
		t.Skip("export does not dispatch --format ftm yet: " + r.stderr)
	}
	r.expect(t, 0)
	if !strings.HasPrefix(r.stdout, "exported "+cases[0].Ref+", "+cases[1].Ref+" to "+out+" as FollowTheMoney") {
		t.Fatalf("stdout: %s", r.stdout)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ids := map[string]bool{}
	var refs []string
	projects := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e struct {
			ID         string              `json:"id"`
			Schema     string              `json:"schema"`
			Properties map[string][]string `json:"properties"`
		}
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("not JSON: %v: %s", err, sc.Text())
		}
		if e.Schema == "Project" {
			projects++
		}
		ids[e.ID] = true
		for _, p := range []string{"participant", "project", "subject", "object", "owner", "asset", "director", "organization", "employer", "employee", "person", "associate", "relative", "payer", "beneficiary"} {
			refs = append(refs, e.Properties[p]...)
		}
	}
	if projects != 2 {
		t.Fatalf("%d projects, want the 2 cases", projects)
	}
	for _, id := range refs {
		if !ids[id] {
			t.Fatalf("a relation points to %s, which is not in the file", id)
		}
	}

	t.Run("no such case", func(t *testing.T) {
		r := must(t, 1, "--db", db, "export", "ESA-2020-0999", "--format", "ftm", "-o", filepath.Join(t.TempDir(), "x.json"))
		if !strings.Contains(r.stderr, "no case ESA-2020-0999") {
			t.Fatalf("stderr: %s", r.stderr)
		}
	})
}
