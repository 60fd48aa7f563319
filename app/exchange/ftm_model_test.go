package exchange_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"bollard/app"
	"bollard/app/demo"
	"bollard/app/exchange"
	"bollard/model"
)

// ftmValidator is app/exchange/testdata/ftm-validate/validate.mjs, which checks exports
// against the FollowTheMoney model of the pinned @alephdata/followthemoney
// package (`make deps-test` installs it). Without node the test is skipped
// on a developer's machine, and fails under CI, which must have it.
func ftmValidator(t *testing.T) (node, script string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is not installed: `make deps-test` installs it, and CI must check the FtM export with it")
		}
		t.Skip("node is not installed (`make deps-test` installs it): the FtM export is not checked against FtM's model")
	}
	dir, err := filepath.Abs(filepath.Join("testdata", "ftm-validate"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@alephdata", "followthemoney", "package.json")); err != nil {
		t.Fatalf("the FtM model is not installed in %s: run `make deps-test` (npm ci there): %v", dir, err)
	}
	return node, filepath.Join(dir, "validate.mjs")
}

// ftmCheck is what validate.mjs says of a set of exports.
type ftmCheck struct {
	Model      string         `json:"model"`
	Files      int            `json:"files"`
	Entities   int            `json:"entities"`
	Invalid    int            `json:"invalid"`
	References int            `json:"references"`
	Unresolved int            `json:"unresolved"`
	Schemata   map[string]int `json:"schemata"`
}

// runFTMValidator runs the validator over the files, offline, and returns
// its summary, its report of problems and whether it passed them.
func runFTMValidator(t *testing.T, files ...string) (ftmCheck, string, bool) {
	t.Helper()
	node, script := ftmValidator(t)
	cmd := exec.Command(node, append([]string{script}, files...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && (!errors.As(err, &exit) || exit.ExitCode() != 1) {
		t.Fatalf("validate.mjs: %v\n%s", err, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	var sum ftmCheck
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &sum); err != nil {
		t.Fatalf("validate.mjs's summary: %v\n%s\n%s", err, stdout.String(), stderr.String())
	}
	return sum, stderr.String(), err == nil
}

// Every case of the demo, as the `demo` command makes it and with other
// seeds, exported alone and all together, is valid FollowTheMoney by FtM's
// own model: known schemata and properties, required properties present,
// every Payment with a payer and a beneficiary, every reference resolving
// to an entity of the same file of the right schema. The same cases with
// the owners of their bank accounts left out check the stand-in holders.
func TestFTMExportValidByFollowTheMoneyModel(t *testing.T) {
	ftmValidator(t) // skip before building workspaces when there is no node
	dir := t.TempDir()
	var files []string
	wrote := 0
	write := func(name string, cases ...app.CaseFile) exchange.FTMSummary {
		var buf bytes.Buffer
		sum, err := exchange.WriteFTM(&buf, cases...)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name+".ftm.json")
		if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
		wrote += sum.Entities
		return sum
	}
	standIns := 0
	for _, seed := range []int64{1, 2, 3} { // 1 is the `demo` command's own
		w, err := app.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := demo.Fill(ctx, w, demo.Options{Cases: demo.DefaultCases, Seed: seed}); err != nil {
			t.Fatal(err)
		}
		cases, err := w.Cases(ctx, model.CaseFilter{IncludeArchived: true})
		if err != nil {
			t.Fatal(err)
		}
		var all []app.CaseFile
		for _, c := range cases {
			f, err := w.CaseFile(ctx, c.Ref)
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, f)
			name := fmt.Sprintf("%s-seed%d", c.Ref, seed)
			write(name, f)
			if unowned, ok := withoutAccountOwners(f); ok {
				standIns += write(name+"-unowned", unowned).StandIns
			}
		}
		write(fmt.Sprintf("all-seed%d", seed), all...)
		w.Close()
	}
	if standIns == 0 {
		t.Fatal("no demo case has a payment from or to a bank account: the stand-in holders went unchecked")
	}
	sum, problems, ok := runFTMValidator(t, files...)
	if !ok || sum.Invalid != 0 || sum.Unresolved != 0 {
		t.Fatalf("FtM %s finds %d invalid entities and %d unresolved references in %d exports:\n%s", sum.Model, sum.Invalid, sum.Unresolved, sum.Files, problems)
	}
	if sum.Files != len(files) || sum.Entities != wrote {
		t.Fatalf("validate.mjs read %d files and %d entities, the export wrote %d and %d", sum.Files, sum.Entities, len(files), wrote)
	}
	for _, schema := range []string{"Payment", "LegalEntity", "Ownership", "ProjectParticipant", "BankAccount"} {
		if sum.Schemata[schema] == 0 {
			t.Errorf("no valid %s in the exports checked: %v", schema, sum.Schemata)
		}
	}
	t.Logf("FtM %s: %d files, %d entities, %d references, all valid: %v", sum.Model, sum.Files, sum.Entities, sum.References, sum.Schemata)
}

// withoutAccountOwners is the case file as if the case did not say who
// holds its bank accounts: the relations "X owns account" left out. It
// reports false for a case with no payment from or to an account.
func withoutAccountOwners(f app.CaseFile) (app.CaseFile, bool) {
	kind := map[string]model.EntityKind{}
	for _, ce := range f.Entities {
		kind[ce.Entity.ID] = ce.Entity.Kind
	}
	payments := false
	var kept []model.Relation
	for _, r := range f.Relations {
		account := kind[r.FromID] == model.KindBankAccount || kind[r.ToID] == model.KindBankAccount
		if r.Type == model.RelPays && account {
			payments = true
		}
		if r.Type == model.RelOwns && kind[r.ToID] == model.KindBankAccount {
			continue
		}
		kept = append(kept, r)
	}
	f.Relations = kept
	return f, payments
}

// The validator itself finds what it is there to find: each mistake,
// written by hand in a file of its own beside a valid account, is reported
// at its line, and the valid file is not.
func TestFTMValidatorRefusesInvalidEntities(t *testing.T) {
	lines := map[string]string{
		"payment-without-ends":   `{"id":"p1","schema":"Payment","properties":{"payerAccount":["a1"],"beneficiaryAccount":["a1"]}}`,
		"property-not-of-it":     `{"id":"a2","schema":"BankAccount","properties":{"name":["x"],"birthDate":["1980-01-01"]}}`,
		"unknown-schema":         `{"id":"x1","schema":"Seizure","properties":{"name":["x"]}}`,
		"dangling-reference":     `{"id":"o1","schema":"Ownership","properties":{"owner":["nobody"],"asset":["a1"]}}`,
		"reference-out-of-range": `{"id":"o2","schema":"Ownership","properties":{"owner":["a1"],"asset":["a1"]}}`,
		"country-not-a-code":     `{"id":"c1","schema":"Company","properties":{"name":["x"],"country":["Spain"]}}`,
		"required-name-missing":  `{"id":"c2","schema":"Company","properties":{"country":["es"]}}`,
		"date-not-iso":           `{"id":"c3","schema":"Person","properties":{"name":["x"],"birthDate":["02/04/1979"]}}`,
		"iban-check-digits":      `{"id":"a3","schema":"BankAccount","properties":{"name":["x"],"iban":["ES0000000000000000000000"]}}`,
		"abstract-schema":        `{"id":"t1","schema":"Thing","properties":{"name":["x"]}}`,
		"extra-key":              `{"id":"c4","schema":"Company","properties":{"name":["x"]},"caption":"x"}`,
		"id-twice":               `{"id":"a1","schema":"BankAccount","properties":{"name":["x"]}}`,
	}
	account := `{"id":"a1","schema":"BankAccount","properties":{"name":["ES91 2100 0418 4502 0005 1332"],"iban":["ES9121000418450200051332"]}}`
	dir := t.TempDir()
	files := []string{filepath.Join(dir, "valid.ftm.json")}
	if err := os.WriteFile(files[0], []byte(account+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, line := range lines {
		path := filepath.Join(dir, name+".ftm.json")
		if err := os.WriteFile(path, []byte(account+"\n"+line+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	sum, problems, ok := runFTMValidator(t, files...)
	if ok || sum.Invalid != len(lines) || sum.Entities != 1+2*len(lines) {
		t.Fatalf("passed=%v, %d invalid of %d entities, want %d invalid; report:\n%s", ok, sum.Invalid, sum.Entities, len(lines), problems)
	}
	for name := range lines {
		if !strings.Contains(problems, name+".ftm.json:2: ") {
			t.Errorf("%s is not reported at its line 2:\n%s", name, problems)
		}
	}
	if strings.Contains(problems, "valid.ftm.json") || strings.Contains(problems, ":1: ") {
		t.Errorf("the valid account is reported:\n%s", problems)
	}
}
