package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileTitle is what an attacker puts in a record: set the terminal
// window's title, then clear the screen.
const hostileTitle = "\x1b]0;pwned\x07\x1b[2J"

// Imported text with ANSI escape sequences is printed escaped by every
// command that prints records for reading, and --json escapes it too.
func TestImportedEscapesDoNotReachTheTerminal(t *testing.T) {
	db := newWorkspace(t)
	raw, err := os.ReadFile("../docs/examples/case.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	c := doc["cases"].([]any)[0].(map[string]any)
	c["title"] = "Reefers " + hostileTitle
	c["summary"] = "Summary " + hostileTitle
	c["notes"].([]any)[0].(map[string]any)["body"] = "Note " + hostileTitle
	c["seizures"].([]any)[0].(map[string]any)["commodity_description"] = "Bricks " + hostileTitle
	person := c["entities"].([]any)[0].(map[string]any)
	person["name"] = person["name"].(string) + " " + hostileTitle
	hostile, _ := json.Marshal(doc)
	path := filepath.Join(t.TempDir(), "hostile.json")
	if err := os.WriteFile(path, hostile, 0o600); err != nil {
		t.Fatal(err)
	}
	must(t, 0, "--db", db, "import", path)
	ref := listCases(t, db)[0].Ref
	escaped := `\x1b]0;pwned\x07\x1b[2J`
	for _, args := range [][]string{
		{"case", "show", ref},
		{"case", "list"},
		{"search", "pwned"},
		{"search", "reefers"},
		{"audit"},
		{"audit", "--case", ref},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := must(t, 0, append([]string{"--db", db}, args...)...)
			if strings.ContainsAny(r.stdout, "\x1b\x07") {
				t.Fatalf("raw control characters reach the terminal:\n%q", r.stdout)
			}
			if !strings.Contains(r.stdout, escaped) && !strings.Contains(r.stdout, `\x1b]0;pwned`) {
				t.Fatalf("the hostile text is not shown escaped:\n%s", r.stdout)
			}
		})
	}
	t.Run("case show --json", func(t *testing.T) {
		r := must(t, 0, "--db", db, "case", "show", ref, "--json")
		if strings.ContainsAny(r.stdout, "\x1b\x07") || !strings.Contains(r.stdout, `\u001b]0;pwned\u0007\u001b[2J`) {
			t.Fatalf("--json does not escape the control characters:\n%q", r.stdout)
		}
	})
}

// A spreadsheet with a NUL in a value is refused whole, naming the line
// and column; nothing is imported.
func TestImportRefusesSheetWithNUL(t *testing.T) {
	db := newWorkspace(t)
	raw, err := os.ReadFile("../docs/examples/case.json")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "case.json")
	os.WriteFile(path, raw, 0o600)
	must(t, 0, "--db", db, "import", path)
	ref := listCases(t, db)[0].Ref
	sheet := filepath.Join(t.TempDir(), "seizures.csv")
	os.WriteFile(sheet, []byte("Date;Place;Commodity;Category;Quantity (kg);Transport mode;Notes\n"+
		"2026-03-14;Algeciras;Cocaine;cocaine;12;road;fine\n2026-03-15;Algeciras;Cocaine;cocaine;13;road;seen\x00at night\n"), 0o600)
	r := must(t, 1, "--db", db, "import", sheet, "--case", ref, "--partial")
	if !strings.Contains(r.stderr, `line 3, column 7 ("Notes"): holds a NUL byte`) {
		t.Fatalf("stderr: %s", r.stderr)
	}
	show := must(t, 0, "--db", db, "case", "show", ref, "--json")
	if strings.Contains(show.stdout, "Algeciras\",\"locode\":\"\",\"country\":\"\",\"commodity_category\":\"cocaine\",\"commodity_description\":\"Cocaine\"") {
		t.Fatal("a row of the refused sheet was imported")
	}
}

// What the officer did not type reaches the terminal escaped in errors and
// summaries too: a ref or path given as an argument echoed in "not found",
// and the column titles of a spreadsheet in the import summary.
func TestEscapesInErrorsAndSummaries(t *testing.T) {
	db, ref := demoCase(t)
	r := must(t, 1, "--db", db, "case", "show", "X"+hostileTitle)
	if strings.Contains(r.stderr, "\x1b") || !strings.Contains(r.stderr, "no case") {
		t.Errorf("not-found error: %q", r.stderr)
	}
	sheet := filepath.Join(t.TempDir(), "hostile.csv")
	csv := "Date,Place,Commodity,Quantity (kg),Transport mode,Bogus" + hostileTitle + "\n2026-01-01,Antwerp,cocaine bricks,1,maritime container,a\n"
	if err := os.WriteFile(sheet, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	r = must(t, 0, "--db", db, "import", sheet, "--case", ref)
	if strings.Contains(r.stdout, "\x1b") || !strings.Contains(r.stdout, "columns kept") {
		t.Errorf("import summary: %q", r.stdout)
	}
}
