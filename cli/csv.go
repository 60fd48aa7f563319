package cli

import (
	"fmt"
	"os"
	"strings"

	"bollard/app"
	"bollard/app/exchange"
	"bollard/storage/disk"
)

func init() { importCSV = func(e *env, args []string) error { return runImportCSV(e, "", args) } }

// runImportCSV adds the seizures of a spreadsheet (CSV) to a case: all of
// them, or, when a row is bad, none unless --partial asks for the good ones.
// path is the file; when empty, it is the one argument of args that is not
// a flag (args may hold the file either way).
func runImportCSV(e *env, path string, args []string) error {
	fs := flags("import")
	caseRef := fs.String("case", "", "the case the seizures belong to (REF)")
	partial := fs.Bool("partial", false, "import the good rows even when some are bad, and list the bad ones")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	delimiter := fs.String("delimiter", "", "the separator, when the one detected is wrong: comma, semicolon, tab or |")
	encoding := fs.String("encoding", "", "the text encoding, when the one detected is wrong: utf-8, windows-1252 or utf-16")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if path == "" && len(rest) > 0 {
		path, rest = rest[0], rest[1:]
	} else if len(rest) > 0 && rest[0] == path {
		rest = rest[1:]
	}
	if path == "" || len(rest) > 0 {
		return usagef("import of a spreadsheet needs one file and a case, e.g. bollard import seizures.csv --case ESA-2026-0001")
	}
	if *caseRef == "" {
		return usagef("import %s: say which case the seizures belong to with --case REF", path)
	}
	var opt exchange.SheetOptions
	if opt.Separator, err = exchange.ParseSheetSeparator(*delimiter); err != nil {
		return usageError{"--delimiter: " + err.Error()}
	}
	if opt.Encoding, err = exchange.ParseSheetEncoding(*encoding); err != nil {
		return usageError{"--encoding: " + err.Error()}
	}

	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	// The case first: a mistyped ref is said at once, not after reading
	// 100,000 rows.
	if _, err := w.Case(e.ctx, *caseRef); app.IsNotFound(err) {
		return fmt.Errorf("import %s: there is no case %s in this workspace; nothing was imported", path, *caseRef)
	} else if err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return disk.InUse(path, fmt.Errorf("import: %w", err))
	}
	defer f.Close()
	sheet, err := exchange.ReadSeizureCSVWith(f, opt)
	if err != nil {
		return fmt.Errorf("import %s: %w; nothing was imported", path, err)
	}
	sum, importErr := exchange.ImportSeizureSheet(e.ctx, w, *caseRef, sheet, *partial)
	if *asJSON {
		if err := writeJSON(e.stdout, sum); err != nil {
			return err
		}
	} else {
		printSheetImport(e, sum)
	}
	if importErr != nil {
		return fmt.Errorf("import %s: %w", path, importErr)
	}
	return nil
}

// printSheetImport prints the summary line, what was read, and each bad
// row with its line and what is wrong with it.
func printSheetImport(e *env, sum exchange.SheetImport) {
	out := forTerminal(e.stdout) // column titles and cells are a stranger's text
	if sum.Imported > 0 {
		if sum.Imported == 1 {
			fmt.Fprintf(out, "imported 1 seizure into %s (%s)\n", sum.Case, sum.Refs[0])
		} else {
			fmt.Fprintf(out, "imported %d seizures into %s (%s to %s)\n", sum.Imported, sum.Case, sum.Refs[0], sum.Refs[len(sum.Refs)-1])
		}
	}
	if sum.Rows > 0 {
		fmt.Fprintf(out, "  read %d rows (%s, %s separated)\n", sum.Rows, sum.Encoding, sum.Separator)
	}
	if len(sum.NotesColumns) > 0 {
		fmt.Fprintf(out, "  columns kept in the notes of each seizure: %s\n", strings.Join(sum.NotesColumns, ", "))
	}
	if len(sum.Bad) == 0 {
		return
	}
	what := "not imported"
	if sum.Imported == 0 {
		what = "to correct"
	}
	if len(sum.Bad) == 1 {
		fmt.Fprintf(out, "1 bad row, %s:\n", what)
	} else {
		fmt.Fprintf(out, "%d bad rows, %s:\n", len(sum.Bad), what)
	}
	for _, b := range sum.Bad {
		fmt.Fprintf(out, "  %s\n", b)
	}
}
