package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A spreadsheet imported on a computer in Madrid is shown with the same
// dates by `case show` on computers in Bogotá, Auckland and UTC, and found
// already there when imported again on any of them.
func TestDatesAreTheSameOnEveryComputer(t *testing.T) {
	db, ref := caseFromExample(t)
	csv := filepath.Join(t.TempDir(), "seizures.csv")
	err := os.WriteFile(csv, []byte("Date;Place;LOCODE;Commodity;Quantity;Unit;Transport mode\n"+
		"14/03/2026;Port of Algeciras;ESALG;cocaine;120;kg;maritime container\n"+
		"2026-03-16T23:30:00+01:00;Port of Valencia;ESVLC;cocaine;45;kg;maritime container\n"), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	madrid := inZone(t, "Europe/Madrid", "--db", db, "import", csv, "--case", ref)
	madrid.expect(t, 0)
	var shown, json string
	for _, zone := range []string{"Europe/Madrid", "America/Bogota", "Pacific/Auckland", "UTC"} {
		t.Run(zone, func(t *testing.T) {
			if zone != "Europe/Madrid" {
				again := inZone(t, zone, "--db", db, "import", csv, "--case", ref)
				if again.code != 1 || strings.Count(again.stdout, "already has this seizure") != 2 {
					t.Errorf("imported again: exit %d\n%s%s", again.code, again.stdout, again.stderr)
				}
			}
			show := inZone(t, zone, "--db", db, "case", "show", ref)
			show.expect(t, 0)
			seizures := section(show.stdout, "SEIZURES")
			for _, want := range []string{"SZ-0002  2026-03-14  Port of Algeciras", "SZ-0003  2026-03-16  Port of Valencia"} {
				if !strings.Contains(seizures, want) {
					t.Errorf("case show does not show %q:\n%s", want, show.stdout)
				}
			}
			js := inZone(t, zone, "--db", db, "case", "show", ref, "--json")
			js.expect(t, 0)
			for _, want := range []string{`"seized_at": "2026-03-14T00:00:00Z"`, `"seized_at": "2026-03-16T23:30:00+01:00"`} {
				if !strings.Contains(js.stdout, want) {
					t.Errorf("case show --json does not hold %s", want)
				}
			}
			if shown == "" {
				shown, json = seizures, js.stdout
			} else if seizures != shown || js.stdout != json {
				t.Errorf("case show differs from Madrid's:\n%s\nMadrid:\n%s", seizures, shown)
			}
		})
	}
	must(t, 0, "--db", db, "verify")
}

// inZone runs the binary as run does, on a computer set to that zone.
func inZone(t *testing.T, zone string, args ...string) result {
	t.Helper()
	t.Setenv("TZ", zone)
	return run(t, args...)
}

// section is the part of `case show` under a heading, up to the next one.
func section(text, heading string) string {
	_, after, _ := strings.Cut(text, "\n"+heading)
	before, _, _ := strings.Cut(after, "\n\n")
	return before
}
