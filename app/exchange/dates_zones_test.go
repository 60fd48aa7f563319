package exchange_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bollard/app"
	"bollard/app/dossier"
	"bollard/app/exchange"
	"bollard/model"
)

// zones are the computers' time zones every date is read, stored and shown
// under: east of Greenwich (Madrid), west of it (Bogotá), across the date
// line from both (Auckland), and UTC.
var zones = []string{"Europe/Madrid", "America/Bogota", "Pacific/Auckland", "UTC"}

// datesSheet is a spreadsheet of seizures as officers write their dates: a
// day alone, a day as a spreadsheet formatted as date and time writes it, a
// time with its zone, a time in the officer's own zone.
const datesSheet = "Date;Place;LOCODE;Commodity;Quantity;Unit;Transport mode\n" +
	"14/03/2026;Port of Algeciras;ESALG;cocaine;120;kg;maritime container\n" +
	"15/03/2026 00:00;Port of Algeciras;ESALG;cannabis;80;kg;maritime container\n" +
	"2026-03-16T23:30:00+01:00;Port of Valencia;ESVLC;cocaine;45;kg;maritime container\n" +
	"17/03/2026 10:00;Port of Valencia;ESVLC;heroin;12;kg;maritime container\n" +
	"01/01/2026;Port of Valencia;ESVLC;cigarettes;400;kg;maritime container\n"

// datesWritten is how each row's date is shown everywhere: a day alone as
// that day, a time at its own offset. The fourth row's time has no zone:
// it is Valencia's (ESVLC), 10:00 in Madrid, whichever computer reads it.
var datesWritten = []string{"2026-03-14", "2026-03-15", "2026-03-16 23:30 UTC+1", "2026-03-17 10:00 UTC+1", "2026-01-01"}

// TestDatesAreTheSameInEveryZone runs the spreadsheet import, a package
// sent to a partner and the dossier under each zone, as a computer set to
// it runs them (the test itself again, with TZ set), and imports the same
// spreadsheet into one workspace from each in turn: the first adds its
// rows, every other zone finds them already there.
func TestDatesAreTheSameInEveryZone(t *testing.T) {
	if os.Getenv("BOLLARD_TEST_ZONE") != "" {
		t.Skip("this is the run under one zone")
	}
	if testing.Short() {
		t.Skip("runs the tests again under four time zones")
	}
	shared := filepath.Join(t.TempDir(), "shared.db")
	w, err := app.Open(ctx, shared)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.SetOfficer(ctx, model.Officer{Name: "Insp. Ana Ruiz", Agency: "SVA", RefPrefix: "SVA"}); err != nil {
		t.Fatal(err)
	}
	c := newCase(t, w)
	w.Close()
	for i, zone := range zones {
		cmd := exec.Command(os.Args[0], "-test.run=^TestDatesInOneZone$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), "TZ="+zone, "BOLLARD_TEST_ZONE="+zone,
			"BOLLARD_TEST_SHARED="+shared, "BOLLARD_TEST_SHARED_CASE="+c.Ref, "BOLLARD_TEST_FIRST="+map[bool]string{true: "1"}[i == 0])
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS: TestDatesInOneZone") {
			t.Errorf("under TZ=%s: %v\n%s", zone, err, out)
		}
	}
}

// TestDatesInOneZone is one zone's run of TestDatesAreTheSameInEveryZone.
func TestDatesInOneZone(t *testing.T) {
	zone := os.Getenv("BOLLARD_TEST_ZONE")
	if zone == "" {
		t.Skip("run by TestDatesAreTheSameInEveryZone, with TZ set")
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if _, want := now.In(loc).Zone(); func() bool { _, got := now.Zone(); return got != want }() {
		t.Fatalf("TZ=%s did not set this computer's zone", zone)
	}

	a, b := mustOpen(t, "BEC"), mustOpen(t, "ESA")
	c := newCase(t, a)
	sheet, err := readSheetText(t, datesSheet)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exchange.ImportSeizureSheet(ctx, a, c.Ref, sheet, false); err != nil {
		t.Fatalf("import: %v", err)
	}
	checkWritten(t, "imported", caseFile(t, a, c.Ref).Seizures)
	sum, err := exchange.ImportSeizureSheet(ctx, a, c.Ref, sheet, true)
	if sum.Imported != 0 || len(sum.Bad) != len(datesWritten) {
		t.Errorf("the same file again: %+v, %v", sum, err)
	}

	t.Run("a package to a partner", func(t *testing.T) {
		recipient, err := b.AgeRecipient(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pkg := filepath.Join(t.TempDir(), "case.bollard")
		if _, err := exchange.ExportPackage(ctx, a, pkg, exchange.Encryption{Recipients: []string{recipient}}, c.Ref); err != nil {
			t.Fatalf("export: %v", err)
		}
		if _, err := exchange.ImportPackage(ctx, b, pkg, exchange.ImportOptions{Trust: true}); err != nil {
			t.Fatalf("import: %v", err)
		}
		checkWritten(t, "received", caseFile(t, b, c.Ref).Seizures)
		if got, want := asJSON(caseFile(t, b, c.Ref).Seizures), asJSON(caseFile(t, a, c.Ref).Seizures); got != want {
			t.Errorf("the seizures differ after the round trip:\nsent %s\ngot  %s", want, got)
		}
		verified(t, a)
		verified(t, b)
	})

	t.Run("the dossier", func(t *testing.T) {
		if _, err := exec.LookPath("pdftotext"); err != nil {
			t.Skip("no pdftotext to read the dossier back")
		}
		pdf := filepath.Join(t.TempDir(), "dossier.pdf")
		if _, err := dossier.RenderToFile(ctx, a, c.Ref, pdf, false, dossier.Options{Language: model.English, Sections: []dossier.Section{dossier.SectionSeizures, dossier.SectionTimeline}}); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(string(out)), " ") // a cell's lines, as one
		// An English dossier writes a day "14 Mar 2026" (docs/dossier.md).
		for _, want := range []string{"14 Mar 2026", "15 Mar 2026", "16 Mar 2026", "23:30 UTC+1", "17 Mar 2026", "10:00 UTC", "01 Jan 2026"} {
			if strings.Count(text, want) < 2 { // the seizures' table and the timeline
				t.Errorf("the dossier shows %q %d times, want it in the seizures and the timeline:\n%s", want, strings.Count(text, want), text)
			}
		}
		for _, wrong := range []string{"13 Mar 2026", "31 Dec 2025"} {
			if strings.Contains(text, wrong) {
				t.Errorf("the dossier shows %s, a day early:\n%s", wrong, text)
			}
		}
	})

	t.Run("the same file on another computer", func(t *testing.T) {
		w, err := app.Open(ctx, os.Getenv("BOLLARD_TEST_SHARED"))
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		ref := os.Getenv("BOLLARD_TEST_SHARED_CASE")
		sum, err := exchange.ImportSeizureSheet(ctx, w, ref, sheet, true)
		if os.Getenv("BOLLARD_TEST_FIRST") == "1" {
			if err != nil || sum.Imported != len(datesWritten) {
				t.Fatalf("first import: %+v, %v", sum, err)
			}
		} else if sum.Imported != 0 || len(sum.Bad) != len(datesWritten) || !strings.Contains(sum.Bad[0].String(), "already has this seizure") {
			t.Fatalf("imported again under %s: %+v, %v", zone, sum, err)
		}
		checkWritten(t, "shared", caseFile(t, w, ref).Seizures)
		verified(t, w)
	})
}

// checkWritten checks each row's seizure (known by its quantity) shows the
// date datesWritten says.
func checkWritten(t *testing.T, what string, list []model.Seizure) {
	t.Helper()
	for i, quantity := range []float64{120, 80, 45, 12, 400} {
		got := "(none)"
		for _, s := range list {
			if s.Quantity == quantity {
				got = model.FormatWhen(s.SeizedAt)
			}
		}
		if want := datesWritten[i]; got != want {
			t.Errorf("%s: row %d is shown as %q, want %q", what, i+1, got, datesWritten[i])
		}
	}
}
