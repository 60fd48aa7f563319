package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/app/exchange"
	"bollard/model"
)

// sheetFixture is the path of one of the spreadsheets the importer is
// tested with.
func sheetFixture(name string) string {
	return filepath.Join("..", "app", "exchange", "testdata", "csv", name)
}

// openSheetImport opens the Exchange tab's actions on a real workspace
// with one case, counting the times the case view would be reloaded.
func openSheetImport(t *testing.T) (ws *app.Workspace, c model.Case, a *exchangeActions, bg *background, reloads *int) {
	t.Helper()
	ws = mustOpen(t)
	mustSetOfficer(t, ws)
	c, err := ws.CreateCase(context.Background(), caseForTest("Cocaine via Cartagena"))
	if err != nil {
		t.Fatal(err)
	}
	win := newTestWindow(t)
	bg = newTestBackground(t)
	reloads = new(int)
	a = newExchangeActions(win, bg, ws, func() string { return c.Ref }, func(exchange.Imported) { *reloads++ })
	win.SetContent(a.content)
	return ws, c, a, bg, reloads
}

// seizuresOf are the seizures the case holds now, as the workspace has them.
func seizuresOf(t *testing.T, ws *app.Workspace, ref string) []model.Seizure {
	t.Helper()
	f, err := ws.CaseFile(context.Background(), ref)
	if err != nil {
		t.Fatal(err)
	}
	return f.Seizures
}

func TestSheetImportGoodFile(t *testing.T) {
	ws, c, a, bg, reloads := openSheetImport(t)
	if findButton(a.content, "Import seizures from a spreadsheet…") == nil {
		t.Fatal("the Exchange tab has no “Import seizures from a spreadsheet…” button")
	}
	a.sheet.readFile(c.Ref, sheetFixture("es_semicolon_1252.csv"))
	bg.wait()
	rv := a.sheet.review
	if rv == nil {
		t.Fatal("reading the spreadsheet showed nothing")
	}
	for _, want := range []string{"3 rows read", "Windows-1252", "semicolon separated", "Every row can be imported"} {
		if !strings.Contains(rv.summary.Text, want) {
			t.Errorf("the summary %q does not say %q", rv.summary.Text, want)
		}
	}
	if rv.importGood != nil || rv.importAll == nil || rv.importAll.Text != "Import 3 seizures" {
		t.Fatalf("the dialog offers %v, want “Import 3 seizures”", buttonTexts(rv))
	}
	if n := len(seizuresOf(t, ws, c.Ref)); n != 0 || *reloads != 0 {
		t.Fatalf("%d seizures imported and %d reloads before the officer chose to import", n, *reloads)
	}

	test.Tap(rv.importAll)
	bg.wait()
	got := seizuresOf(t, ws, c.Ref)
	if len(got) != 3 {
		t.Fatalf("the case holds %d seizures, want 3", len(got))
	}
	found := false
	for _, s := range got {
		found = found || s.Description == "Clorhidrato de cocaína en fardos" && s.Quantity == 1375.5 && s.Unit == model.Kilogram
	}
	if !found {
		t.Errorf("the seizure of the first row is not among those imported: %+v", got)
	}
	if *reloads != 1 {
		t.Errorf("the case view was reloaded %d times after the import, want once", *reloads)
	}
	if a.sheet.review != nil {
		t.Error("the dialog of what was read is still open after the import")
	}

	// The same file again: every row is a seizure the case already has.
	a.sheet.readFile(c.Ref, sheetFixture("es_semicolon_1252.csv"))
	bg.wait()
	test.Tap(a.sheet.review.importAll)
	bg.wait()
	rv = a.sheet.review
	if rv == nil || !strings.Contains(rv.badRows.Text, "the case already has this seizure") || rv.importAll != nil || rv.importGood != nil {
		t.Fatalf("importing the file twice did not list its rows as already in the case")
	}
	if n := len(seizuresOf(t, ws, c.Ref)); n != 3 || *reloads != 1 {
		t.Fatalf("importing the file twice left %d seizures and %d reloads", n, *reloads)
	}
}

func TestSheetImportBadRows(t *testing.T) {
	ws, c, a, bg, reloads := openSheetImport(t)
	a.sheet.readFile(c.Ref, sheetFixture("es_bad_rows.csv"))
	bg.wait()
	rv := a.sheet.review
	if rv == nil {
		t.Fatal("reading the spreadsheet showed nothing")
	}
	if !strings.Contains(rv.summary.Text, "7 rows read") || !strings.Contains(rv.summary.Text, "6 of the 7 rows have problems") {
		t.Errorf("the summary says %q", rv.summary.Text)
	}
	if !rv.badRows.Selectable {
		t.Error("the bad rows cannot be selected to copy")
	}
	for _, want := range []string{
		`line 3: Fecha "31/02/2026": there is no day 31 in February 2026`,
		`line 4: Cantidad "unos 300": should be a number`,
		`line 5: Contenedor "MSCU1234567": check digit should be 6`,
		`line 6: Fecha "03/25/2026": looks like month/day/year`,
		`line 7: Modo de transporte "en burro"`,
		`line 8: Lugar: is required`,
	} {
		if !strings.Contains(rv.badRows.Text, want) {
			t.Errorf("the bad rows do not say %q:\n%s", want, rv.badRows.Text)
		}
	}
	if rv.importAll != nil || rv.importGood == nil || rv.importGood.Text != "Import the good row" {
		t.Fatalf("the dialog offers %v, want “Import the good row” and Cancel", buttonTexts(rv))
	}
	if n := len(seizuresOf(t, ws, c.Ref)); n != 0 {
		t.Fatalf("%d seizures imported before the officer chose", n)
	}

	t.Run("Cancel imports nothing", func(t *testing.T) {
		test.Tap(rv.cancel)
		bg.wait()
		if n := len(seizuresOf(t, ws, c.Ref)); n != 0 || *reloads != 0 || a.sheet.review != nil {
			t.Fatalf("after Cancel: %d seizures, %d reloads, dialog open %v", n, *reloads, a.sheet.review != nil)
		}
	})

	t.Run("the good rows", func(t *testing.T) {
		a.sheet.readFile(c.Ref, sheetFixture("es_bad_rows.csv"))
		bg.wait()
		test.Tap(a.sheet.review.importGood)
		bg.wait()
		got := seizuresOf(t, ws, c.Ref)
		if len(got) != 1 || got[0].Quantity != 450 || got[0].ContainerNumbers[0] != "MSCU1234566" {
			t.Fatalf("the case holds %+v, want the seizure of line 2 alone", got)
		}
		if *reloads != 1 {
			t.Errorf("the case view was reloaded %d times, want once", *reloads)
		}
	})
}

func TestSheetImportRefusedFile(t *testing.T) {
	ws, c, a, bg, reloads := openSheetImport(t)
	path := filepath.Join(t.TempDir(), "notes.csv")
	if err := os.WriteFile(path, []byte("just some notes\nwithout column titles\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	a.sheet.readFile(c.Ref, path)
	bg.wait()
	if a.sheet.review != nil {
		t.Fatal("a file that is no spreadsheet of seizures was offered for import")
	}
	if a.win.Canvas().Overlays().Top() == nil {
		t.Error("no dialog said why the file was refused")
	}
	if n := len(seizuresOf(t, ws, c.Ref)); n != 0 || *reloads != 0 {
		t.Fatalf("%d seizures, %d reloads", n, *reloads)
	}
}

// buttonTexts are the buttons a review dialog offers, for messages.
func buttonTexts(rv *sheetReview) []string {
	var out []string
	for _, b := range []*widget.Button{rv.cancel, rv.importAll, rv.importGood} {
		if b != nil {
			out = append(out, b.Text)
		}
	}
	return out
}

// The case view's Exchange tab offers the spreadsheet import for the case
// open, and the button asks for the file.
func TestSheetImportButtonInExchangeTab(t *testing.T) {
	ws := mustOpen(t)
	officer := mustSetOfficer(t, ws)
	c, err := ws.CreateCase(context.Background(), caseForTest("Cocaine via Cartagena"))
	if err != nil {
		t.Fatal(err)
	}
	win := newTestWindow(t)
	bg := newTestBackground(t)
	h := newHome(ws, officer, win, bg, nil)
	win.SetContent(h.content)
	h.load()
	bg.wait()
	h.showList(c.Ref)
	bg.wait()
	v := h.list.view
	var button *widget.Button
	for _, tab := range v.tabs {
		if tab.item.Text == "Exchange" {
			button = findButton(tab.item.Content, "Import seizures from a spreadsheet…")
		}
	}
	if button == nil {
		t.Fatal("the Exchange tab has no “Import seizures from a spreadsheet…” button")
	}
	v.selectTab("Exchange")
	if win.Canvas().Overlays().Top() != nil {
		t.Fatal("a dialog is open before the button was tapped")
	}
	test.Tap(button)
	if win.Canvas().Overlays().Top() == nil {
		t.Fatal("the button asked for no file")
	}
}
