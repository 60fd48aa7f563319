package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Cigarettes counted as the Spanish SVA counts them travel from a
// spreadsheet to `case show`, in sticks with the factors used, through a
// seizure's own make-up changed on the command line, and to a partner's
// workspace in a signed package, factors and all.
func TestCigarettesInSticksAndInPackages(t *testing.T) {
	a := newWorkspace(t)
	must(t, 0, "--db", a, "import", "../docs/examples/case.json")
	ref := listCases(t, a)[0].Ref
	sheet := filepath.Join(t.TempDir(), "tabaco.csv")
	os.WriteFile(sheet, []byte("Fecha;Lugar;Mercancía;Cantidad;Unidad;Modo de transporte\n"+
		"14/03/2026;Algeciras;Cigarrillos Marlboro;12;Cartones;contenedor\n"+
		"15/03/2026;Algeciras;Cigarrillos Ducal;300;cartones;contenedor\n"+
		"16/03/2026;Algeciras;Cigarrillos sin marca;2;Cajas Master;contenedor\n"), 0o600)
	must(t, 0, "--db", a, "import", sheet, "--case", ref)

	show := must(t, 0, "--db", a, "case", "show", ref).stdout
	for _, want := range []string{
		"12 cartons = 2,400 sticks (20 sticks/pack, 10 packs/carton)",
		"300 cartons = 60,000 sticks (20 sticks/pack, 10 packs/carton)",
		"2 master cases = 20,000 sticks (20 sticks/pack, 10 packs/carton, 50 cartons/master case)",
		"1375.5 kg",
		"cigarettes in all: 82,400 sticks",
	} {
		if !strings.Contains(show, want) {
			t.Errorf("case show does not say %q:\n%s", want, show)
		}
	}

	// The Ducal cartons held 20 packs of 25.
	r := must(t, 0, "--db", a, "seizure", "edit", ref, "SZ-0003", "--sticks-per-pack", "25", "--packs-per-carton", "20")
	if !strings.Contains(r.stdout, "300 cartons = 150,000 sticks (25 sticks/pack, 20 packs/carton)") {
		t.Fatalf("seizure edit: %s", r.stdout)
	}
	show = must(t, 0, "--db", a, "case", "show", ref).stdout
	if !strings.Contains(show, "cigarettes in all: 172,400 sticks") {
		t.Errorf("case show after the edit:\n%s", show)
	}
	for _, bad := range [][]string{
		{"--sticks-per-pack", "0"}, {"--sticks-per-pack", "veinte"}, {"--packs-per-carton", "1000"}, {"--unit", "lbs"},
	} {
		args := append([]string{"--db", a, "seizure", "edit", ref, "SZ-0003"}, bad...)
		if r := run(t, args...); r.code == 0 {
			t.Errorf("seizure edit %v accepted: %s", bad, r.stdout)
		}
	}
	must(t, 0, "--db", a, "seizure", "edit", ref, "SZ-0002", "--unit", "cajetillas")
	must(t, 0, "--db", a, "seizure", "edit", ref, "SZ-0002", "--unit", "Cartouches")

	pkg := filepath.Join(t.TempDir(), "case.bollard")
	must(t, 0, "--db", a, "export", ref, "-o", pkg, "--plain")
	b := filepath.Join(t.TempDir(), "b.db")
	must(t, 0, "--db", b, "init", "--plain", "--officer", "Officer Jane Hale", "--agency", "HMRC", "--country", "GB", "--prefix", "HMR")
	must(t, 0, "--db", b, "import", pkg, "--trust")
	want := must(t, 0, "--db", a, "case", "show", ref, "--json").stdout
	got := must(t, 0, "--db", b, "case", "show", ref, "--json").stdout
	if got != want {
		t.Fatalf("the case differs after the exchange:\n%s\n%s", want, got)
	}
	var doc struct {
		Cases []struct {
			Seizures []struct {
				Ref            string
				Unit           string
				SticksPerPack  int `json:"sticks_per_pack"`
				PacksPerCarton int `json:"packs_per_carton"`
			}
		}
	}
	if err := json.Unmarshal([]byte(got), &doc); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range doc.Cases[0].Seizures {
		if s.Ref == "SZ-0003" {
			found = s.Unit == "cartons" && s.SticksPerPack == 25 && s.PacksPerCarton == 20
		}
	}
	if !found {
		t.Fatalf("SZ-0003 arrived without its factors:\n%s", got)
	}
	if show := must(t, 0, "--db", b, "case", "show", ref).stdout; !strings.Contains(show, "cigarettes in all: 172,400 sticks") {
		t.Errorf("case show at the partner's:\n%s", show)
	}
	must(t, 0, "--db", b, "verify")
}

// A JSON case file written by hand may say "cartones": it is read as the
// cartons of cigarettes it counts.
func TestJSONCaseFileWithTobaccoWords(t *testing.T) {
	example, err := os.ReadFile("../docs/examples/case.json")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(example), `"commodity_category": "cocaine"`, `"commodity_category": "cigarettes"`, 1)
	text = strings.Replace(text, `"hs_code": "2939.71"`, `"hs_code": "2402.20"`, 1)
	text = strings.Replace(text, `"unit": "kg"`, `"unit": "Cartones", "packs_per_carton": 20`, 1)
	file := filepath.Join(t.TempDir(), "case.json")
	os.WriteFile(file, []byte(text), 0o600)
	db := newWorkspace(t)
	must(t, 0, "--db", db, "import", file)
	ref := listCases(t, db)[0].Ref
	show := must(t, 0, "--db", db, "case", "show", ref).stdout
	if !strings.Contains(show, "1,375.5 cartons = 550,200 sticks (20 sticks/pack, 20 packs/carton)") {
		t.Fatalf("case show:\n%s", show)
	}
}
