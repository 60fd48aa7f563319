package exchange

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"bollard/app"
	"bollard/model"
)

// SheetImport is what importing a spreadsheet of seizures did, or would
// have done.
type SheetImport struct {
	Case      string   `json:"case"`
	Rows      int      `json:"rows"`     // rows of seizures in the file
	Imported  int      `json:"imported"` // seizures added to the case
	Refs      []string `json:"refs"`     // their refs, SZ-NNNN, in the order of the file
	Bad       []BadRow `json:"bad_rows"`
	Encoding  string   `json:"encoding"`
	Separator string   `json:"separator"`
	// NotesColumns are the columns Bollard has no field for, kept in the notes.
	NotesColumns []string `json:"columns_in_notes"`
}

// BadRow is a row that was not imported, and why.
type BadRow struct {
	Line     int      `json:"line"`
	Problems []string `json:"problems"`
}

func (b BadRow) String() string {
	return fmt.Sprintf("line %d: %s", b.Line, strings.Join(b.Problems, "; "))
}

// BadRowsError refuses a spreadsheet with bad rows when the good ones were
// not asked for on their own: nothing is imported.
type BadRowsError struct {
	Bad, Rows int
}

func (e *BadRowsError) Error() string {
	if e.Bad == e.Rows {
		return fmt.Sprintf("none of the %d rows can be imported; nothing was imported", e.Rows)
	}
	good := fmt.Sprintf("the %d good rows", e.Rows-e.Bad)
	if e.Rows-e.Bad == 1 {
		good = "the good row"
	}
	return fmt.Sprintf("%d of %d rows have problems; nothing was imported (correct them, or import %s with --partial)", e.Bad, e.Rows, good)
}

// ImportSeizureSheet adds the seizures of a spreadsheet to the case with
// that ref, in one transaction. A row that repeats a seizure already in the
// case, or an earlier row, is bad: a file imported twice does not double
// its seizures. When any row is bad, nothing is imported and the error is a
// *BadRowsError, unless partial is set: then the good rows are imported and
// the bad ones listed. The summary lists the bad rows either way.
func ImportSeizureSheet(ctx context.Context, w *app.Workspace, caseRef string, sheet SeizureSheet, partial bool) (SheetImport, error) {
	sum := SheetImport{Case: caseRef, Rows: len(sheet.Rows), Refs: []string{}, Bad: []BadRow{},
		Encoding: sheet.Encoding, Separator: SeparatorName(sheet.Separator), NotesColumns: orEmpty(sheet.NotesColumns)}
	f, err := w.CaseFile(ctx, caseRef)
	if err != nil {
		if app.IsNotFound(err) {
			return sum, fmt.Errorf("there is no case %s in this workspace", caseRef)
		}
		return sum, err
	}
	if f.Case.Status == model.StatusArchived {
		return sum, fmt.Errorf("case %s is archived: restore it before importing seizures into it", caseRef)
	}
	seen := map[string]string{} // each key of a seizure → where it is already: "SZ-0003" or "line 12"
	for _, s := range f.Seizures {
		for _, key := range seizureKeys(s, time.Local) {
			seen[key] = s.Ref
		}
	}
	good := make([]model.Seizure, 0, len(sheet.Rows))
	lines := make([]int, 0, len(sheet.Rows)) // the line of each good row, for messages
	for _, row := range sheet.Rows {
		problems := row.Problems
		if !row.Bad() {
			keys := seizureKeys(row.Seizure, time.Local)
			if where, dup := seenAs(seen, keys); dup {
				if strings.HasPrefix(where, "SZ-") {
					problems = []string{fmt.Sprintf("the case already has this seizure, as %s (was the file imported before?)", where)}
				} else {
					problems = []string{fmt.Sprintf("the same seizure as %s", where)}
				}
			} else {
				for _, key := range keys {
					seen[key] = "line " + strconv.Itoa(row.Line)
				}
			}
		}
		if len(problems) > 0 {
			sum.Bad = append(sum.Bad, BadRow{Line: row.Line, Problems: problems})
			continue
		}
		good = append(good, row.Seizure)
		lines = append(lines, row.Line)
	}
	if len(sum.Bad) > 0 && (!partial || len(good) == 0) {
		return sum, &BadRowsError{Bad: len(sum.Bad), Rows: sum.Rows}
	}
	caseID := f.Case.ID
	err = w.Change(ctx, func(b *app.Batch) error {
		sum.Refs = make([]string, 0, len(good))
		for i := range good {
			s := good[i] // a copy: a retried transaction starts from the file again
			s.CaseID = caseID
			if err := b.AddSeizure(&s); err != nil {
				return fmt.Errorf("line %d: %w", lines[i], err)
			}
			sum.Refs = append(sum.Refs, s.Ref)
		}
		return nil
	})
	if err != nil {
		sum.Refs = []string{}
		return sum, fmt.Errorf("%w; nothing was imported", err)
	}
	sum.Imported = len(sum.Refs)
	return sum, nil
}

// seizureKeys are what make two seizures the same one: when and where,
// what and how much, and in which containers. When is compared as it was
// written, so that a file imported on a computer in Madrid and again on
// one in UTC is the same file: the day alone, or the time of day at its own
// offset; and, for seizures stored before times kept their offset, as the
// instant in UTC, and a day alone as the instant an earlier Bollard stored
// for it: midnight in here's zone. Two seizures are the same when any of
// their keys is.
func seizureKeys(s model.Seizure, here *time.Location) []string {
	rest := strings.Join([]string{sheetFold(s.PlaceName), s.LOCODE, string(s.Category), sheetFold(s.Description),
		strconv.FormatFloat(s.Quantity, 'g', -1, 64), string(s.Unit), strings.Join(s.ContainerNumbers, ",")}, "|")
	at := s.SeizedAt
	keys := []string{
		at.Format("2006-01-02T15:04:05") + "|" + rest,
		at.UTC().Format(time.RFC3339) + "|" + rest,
	}
	if model.IsDayOnly(at) {
		localMidnight := time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, here)
		keys = append(keys, localMidnight.UTC().Format(time.RFC3339)+"|"+rest)
	}
	return keys
}

// seenAs is where a seizure with one of those keys already is.
func seenAs(seen map[string]string, keys []string) (string, bool) {
	for _, key := range keys {
		if where, ok := seen[key]; ok {
			return where, true
		}
	}
	return "", false
}
