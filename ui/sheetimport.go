package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/app/exchange"
)

// sheetImport is the "Import seizures from a spreadsheet…" button of the
// Exchange tab: it reads a CSV file officers keep their seizure lists in,
// shows what was read and every bad row before anything is written, and
// imports the seizures into the case shown, all of them or, when the
// officer chooses, only the good rows.
type sheetImport struct {
	ws      *app.Workspace
	win     fyne.Window
	bg      *background
	caseRef func() string
	// onImported is called after seizures were added (to reload the case).
	onImported func(exchange.SheetImport)

	button *widget.Button

	// review is the dialog showing what was read, while it is open; the
	// tests read its text and tap its buttons as the officer would.
	review *sheetReview
}

// sheetReview is the dialog that shows a spreadsheet as read: its summary,
// its bad rows, and the buttons that import it or not.
type sheetReview struct {
	dialog  *dialog.CustomDialog
	summary *widget.Label
	badRows *widget.Label // one bad row a line, selectable to copy into the sheet
	// importAll imports every row; importGood the good rows only. Only the
	// one that fits the file is shown; the other is nil.
	importAll, importGood *widget.Button
	cancel                *widget.Button
}

// newSheetImport builds the button that imports a spreadsheet into the
// case caseRef names.
func newSheetImport(win fyne.Window, bg *background, ws *app.Workspace, caseRef func() string, onImported func(exchange.SheetImport)) *sheetImport {
	s := &sheetImport{ws: ws, win: win, bg: bg, caseRef: caseRef, onImported: onImported}
	s.button = widget.NewButton("Import seizures from a spreadsheet…", s.onChoose)
	return s
}

// onChoose asks for the spreadsheet, saved as CSV.
func (s *sheetImport) onChoose() {
	ref := s.caseRef()
	if ref == "" {
		dialog.ShowInformation("No case selected", "Open the case the seizures belong to first.", s.win)
		return
	}
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(s.win, "open the spreadsheet", err)
			return
		}
		if r == nil {
			return // cancelled
		}
		s.read(ref, r.URI().Name(), r)
	}, s.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".tsv", ".txt"}))
	open.Resize(fyne.NewSize(900, 600))
	open.Show()
}

// readFile reads the spreadsheet at path for the case ref.
func (s *sheetImport) readFile(ref, path string) {
	f, err := os.Open(path)
	if err != nil {
		showError(s.win, "open the spreadsheet", err)
		return
	}
	s.read(ref, filepath.Base(path), f)
}

// read reads the spreadsheet off the UI goroutine, closes it, and shows
// what it holds.
func (s *sheetImport) read(ref, name string, r io.ReadCloser) {
	inBackground(s.bg, func(context.Context) (exchange.SeizureSheet, error) {
		defer r.Close()
		return exchange.ReadSeizureCSV(r)
	}, func(sheet exchange.SeizureSheet, err error) {
		if err != nil {
			showError(s.win, "read the spreadsheet "+name, err)
			return
		}
		s.showReview(ref, sheet, sheetFindings{
			rows:         len(sheet.Rows),
			bad:          badRowsOf(sheet),
			encoding:     sheet.Encoding,
			separator:    exchange.SeparatorName(sheet.Separator),
			notesColumns: sheet.NotesColumns,
		})
	})
}

// sheetFindings is what reading a spreadsheet, or trying to import it,
// found: the reader's findings first, then the import's, which adds the
// rows that repeat seizures already in the case.
type sheetFindings struct {
	rows                int
	bad                 []exchange.BadRow
	encoding, separator string
	notesColumns        []string
}

func (f sheetFindings) good() int { return f.rows - len(f.bad) }

// badRowsOf lists the rows of sheet that cannot be imported.
func badRowsOf(sheet exchange.SeizureSheet) []exchange.BadRow {
	var bad []exchange.BadRow
	for _, r := range sheet.BadRows() {
		bad = append(bad, exchange.BadRow{Line: r.Line, Problems: r.Problems})
	}
	return bad
}

// showReview shows what was found in the spreadsheet and offers to import
// every row when all are good, or the good rows when some are not.
func (s *sheetImport) showReview(ref string, sheet exchange.SeizureSheet, f sheetFindings) {
	rv := &sheetReview{
		summary: &widget.Label{Text: findingsSummary(f), Wrapping: fyne.TextWrapWord},
		badRows: &widget.Label{Text: badRowsText(f.bad), Selectable: true},
	}
	content := fyne.CanvasObject(rv.summary)
	if len(f.bad) > 0 {
		scroll := container.NewScroll(rv.badRows)
		scroll.SetMinSize(fyne.NewSize(640, 220))
		content = container.NewBorder(rv.summary, nil, nil, nil, scroll)
	}
	title := "Import seizures into " + ref
	rv.dialog = dialog.NewCustomWithoutButtons(title, content, s.win)
	closeReview := func() {
		rv.dialog.Hide()
		if s.review == rv {
			s.review = nil
		}
	}
	importRows := func(partial bool) {
		closeReview()
		s.importSheet(ref, sheet, partial)
	}
	var buttons []fyne.CanvasObject
	switch {
	case len(f.bad) == 0 && f.rows > 0:
		rv.cancel = widget.NewButton("Cancel", closeReview)
		rv.importAll = widget.NewButton(fmt.Sprintf("Import %s", plural(f.rows, "seizure")), func() { importRows(false) })
		rv.importAll.Importance = widget.HighImportance
		buttons = []fyne.CanvasObject{rv.cancel, rv.importAll}
	case f.good() > 0:
		rv.cancel = widget.NewButton("Cancel", closeReview)
		label := fmt.Sprintf("Import the %d good rows", f.good())
		if f.good() == 1 {
			label = "Import the good row"
		}
		rv.importGood = widget.NewButton(label, func() { importRows(true) })
		buttons = []fyne.CanvasObject{rv.cancel, rv.importGood}
	default: // nothing to import: the officer corrects the file first
		rv.cancel = widget.NewButton("Close", closeReview)
		buttons = []fyne.CanvasObject{rv.cancel}
	}
	rv.dialog.SetButtons(buttons)
	rv.dialog.Resize(fyne.NewSize(720, 420))
	s.review = rv
	rv.dialog.Show()
}

// importSheet adds the seizures to the case. A row that repeats a seizure
// the case already has is found only here; the officer then sees the
// findings again, with those rows among the bad ones.
func (s *sheetImport) importSheet(ref string, sheet exchange.SeizureSheet, partial bool) {
	inBackground(s.bg, func(ctx context.Context) (exchange.SheetImport, error) {
		return exchange.ImportSeizureSheet(ctx, s.ws, ref, sheet, partial)
	}, func(sum exchange.SheetImport, err error) {
		var badRows *exchange.BadRowsError
		if errors.As(err, &badRows) {
			s.showReview(ref, sheet, sheetFindings{rows: sum.Rows, bad: sum.Bad, encoding: sum.Encoding,
				separator: sum.Separator, notesColumns: sum.NotesColumns})
			return
		}
		if err != nil {
			showError(s.win, "import the seizures into "+ref, err)
			return
		}
		dialog.ShowInformation("Seizures imported", importedSummary(sum), s.win)
		if s.onImported != nil {
			s.onImported(sum)
		}
	})
}

// findingsSummary says what was read: "7 rows read (Windows-1252,
// semicolon separated); 6 have problems and cannot be imported."
func findingsSummary(f sheetFindings) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s read (%s, %s separated).", plural(f.rows, "row"), f.encoding, f.separator)
	if len(f.notesColumns) > 0 {
		fmt.Fprintf(&b, "\nColumns kept in the notes of each seizure: %s.", strings.Join(f.notesColumns, ", "))
	}
	switch {
	case f.rows == 0:
		b.WriteString("\nThe file has column titles but no seizures below them.")
	case len(f.bad) == 0:
		b.WriteString("\nEvery row can be imported.")
	case f.good() == 0:
		fmt.Fprintf(&b, "\nNo row can be imported. Correct the %s below in the spreadsheet, save it as CSV and import it again.",
			plural(len(f.bad), "bad row"))
	default:
		verb := "have"
		if len(f.bad) == 1 {
			verb = "has"
		}
		fmt.Fprintf(&b, "\n%d of the %d rows %s problems, listed below. Correct them in the spreadsheet and import it again, "+
			"or import the %s now.", len(f.bad), f.rows, verb, plural(f.good(), "good row"))
	}
	return b.String()
}

// badRowsText lists the bad rows, one a line: "line 3: Fecha "31/02/2026": …".
func badRowsText(bad []exchange.BadRow) string {
	lines := make([]string, len(bad))
	for i, r := range bad {
		lines[i] = r.String()
	}
	return strings.Join(lines, "\n")
}

// importedSummary says what an import did: "Imported 3 seizures into
// ESA-2026-0001 (SZ-0004 to SZ-0006)."
func importedSummary(sum exchange.SheetImport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Imported %s into %s", plural(sum.Imported, "seizure"), sum.Case)
	switch n := len(sum.Refs); {
	case n == 1:
		fmt.Fprintf(&b, " (%s)", sum.Refs[0])
	case n > 1:
		fmt.Fprintf(&b, " (%s to %s)", sum.Refs[0], sum.Refs[n-1])
	}
	b.WriteString(".")
	if len(sum.Bad) > 0 {
		fmt.Fprintf(&b, "\nNot imported, %s:\n%s", plural(len(sum.Bad), "bad row"), badRowsText(sum.Bad))
	}
	return b.String()
}
