package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// caseFromExample makes a workspace with one case, the documented example,
// and returns the workspace and the case's ref.
func caseFromExample(t *testing.T) (db, ref string) {
	t.Helper()
	db = newWorkspace(t)
	must(t, 0, "--db", db, "import", filepath.Join("..", "docs", "examples", "case.json"))
	cases := listCases(t, db)
	if len(cases) != 1 {
		t.Fatalf("%d cases", len(cases))
	}
	return db, cases[0].Ref
}

func sheet(name string) string {
	return filepath.Join("..", "app", "exchange", "testdata", "csv", name)
}

func seizureCount(t *testing.T, db, ref string) int {
	t.Helper()
	r := must(t, 0, "--db", db, "case", "show", ref, "--json")
	var c struct {
		Cases []struct {
			Seizures []json.RawMessage `json:"seizures"`
		} `json:"cases"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &c); err != nil {
		t.Fatalf("case show --json: %v", err)
	}
	return len(c.Cases[0].Seizures)
}

func TestImportSpreadsheetOfSeizures(t *testing.T) {
	db, ref := caseFromExample(t)
	before := seizureCount(t, db, ref)
	for _, name := range []string{"en_comma_utf8.csv", "es_semicolon_1252.csv", "pt_semicolon_bom.csv", "fr_tab_utf8.csv"} {
		t.Run(name, func(t *testing.T) {
			r := must(t, 0, "--db", db, "import", sheet(name), "--case", ref)
			if !strings.HasPrefix(r.stdout, "imported ") || !strings.Contains(r.stdout, " seizures into "+ref) {
				t.Fatalf("stdout: %s", r.stdout)
			}
		})
	}
	if got := seizureCount(t, db, ref); got != before+10 {
		t.Fatalf("%d seizures, want %d", got, before+10)
	}

	t.Run("the same file twice", func(t *testing.T) {
		r := must(t, 1, "--db", db, "import", sheet("es_semicolon_1252.csv"), "--case", ref)
		if !strings.Contains(r.stdout, "line 3: the case already has this seizure") || !strings.Contains(r.stderr, "nothing was imported") {
			t.Fatalf("stdout: %s\nstderr: %s", r.stdout, r.stderr)
		}
	})
	t.Run("as JSON", func(t *testing.T) {
		db, ref := caseFromExample(t)
		r := must(t, 0, "--db", db, "import", "--json", "--case", ref, sheet("pt_semicolon_bom.csv"))
		var sum struct {
			Case     string   `json:"case"`
			Imported int      `json:"imported"`
			Refs     []string `json:"refs"`
			Encoding string   `json:"encoding"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &sum); err != nil || sum.Imported != 2 || sum.Case != ref || sum.Encoding != "UTF-8 with BOM" {
			t.Fatalf("%v: %s", err, r.stdout)
		}
	})
}

func TestImportSpreadsheetWithBadRows(t *testing.T) {
	db, ref := caseFromExample(t)
	before := seizureCount(t, db, ref)
	r := must(t, 1, "--db", db, "import", sheet("es_bad_rows.csv"), "--case", ref)
	for _, want := range []string{
		`line 3: Fecha "31/02/2026": there is no day 31 in February 2026`,
		`line 4: Cantidad "unos 300": should be a number`,
		`line 5: Contenedor "MSCU1234567": check digit should be 6`,
		`line 8: Lugar: is required`,
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout does not say %q:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(r.stderr, "6 of 7 rows have problems; nothing was imported") || !strings.Contains(r.stderr, "import the good row with --partial") {
		t.Fatalf("stderr: %s", r.stderr)
	}
	if got := seizureCount(t, db, ref); got != before {
		t.Fatalf("%d seizures after a refused import, want %d", got, before)
	}

	r = must(t, 0, "--db", db, "import", sheet("es_bad_rows.csv"), "--case", ref, "--partial")
	if !strings.HasPrefix(r.stdout, "imported 1 seizure into "+ref) || !strings.Contains(r.stdout, "6 bad rows, not imported:") {
		t.Fatalf("stdout: %s", r.stdout)
	}
	if got := seizureCount(t, db, ref); got != before+1 {
		t.Fatalf("%d seizures, want %d", got, before+1)
	}
}

func TestImportSpreadsheetRefusals(t *testing.T) {
	db, ref := caseFromExample(t)
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	noCase := must(t, 2, "--db", db, "import", sheet("en_comma_utf8.csv"))
	if !strings.Contains(noCase.stderr, "--case REF") {
		t.Fatalf("stderr: %s", noCase.stderr)
	}
	for name, tc := range map[string]struct {
		args []string
		code int
		want string
	}{
		"unknown case": {[]string{sheet("en_comma_utf8.csv"), "--case", "ESA-2020-0999"}, 1, "no case ESA-2020-0999"},
		// The case is looked up before a row is read: a mistyped ref is
		// said at once, whatever the file holds.
		"unknown case first": {[]string{write("big.csv", "not even a spreadsheet\n"), "--case", "ESA-2020-0999"}, 1, "no case ESA-2020-0999"},
		"not a spreadsheet":  {[]string{write("notes.csv", "just some text\nand more\n"), "--case", ref}, 1, "no column titles"},
		"missing column":     {[]string{write("nomode.csv", "Date;Place;Commodity;Quantity;Unit\n01/02/2026;X;cocaine;1;kg\n"), "--case", ref}, 1, "no column for the transport mode"},
		"bad delimiter":      {[]string{sheet("en_comma_utf8.csv"), "--case", ref, "--delimiter", "#"}, 2, "--delimiter"},
		"forced delimiter":   {[]string{sheet("en_comma_utf8.csv"), "--case", ref, "--delimiter", "semicolon"}, 1, "no column"},
	} {
		t.Run(name, func(t *testing.T) {
			r := must(t, tc.code, append([]string{"--db", db, "import"}, tc.args...)...)
			if !strings.Contains(r.stderr, tc.want) {
				t.Fatalf("stderr: %s, want %q", r.stderr, tc.want)
			}
		})
	}
}
