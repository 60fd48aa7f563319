package exchange

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"bollard/app/typed"
	"bollard/model"
)

// Bounds on what ReadSeizureCSV accepts: a spreadsheet of seizures is a
// few hundred rows; a file far past these is not one.
const (
	maxSheetFile    = 32 << 20
	maxSheetRows    = 100_000
	maxSheetColumns = 300
	headerSearch    = 10 // lines looked at for the column titles, past any title rows
)

// SeizureSheet is a spreadsheet of seizures read from a CSV file: each row
// with the seizure it gives or what is wrong with it.
type SeizureSheet struct {
	Encoding   string // EncodingUTF8, EncodingUTF8BOM, EncodingUTF16 or EncodingWindows1252
	Separator  rune   // ',', ';', '\t' or '|'
	HeaderLine int    // the line of the column titles
	// NotesColumns are the titles of columns Bollard has no field for:
	// their values are kept in each seizure's notes, "Title: value".
	NotesColumns []string
	Rows         []SheetRow
}

// SheetRow is one row of a spreadsheet of seizures.
type SheetRow struct {
	Line     int           // where the row starts in the file, counting from 1
	Seizure  model.Seizure // as read and validated; not to be used when Problems is set
	Problems []string      // what is wrong, in the officer's words: `Cantidad "12,3,4": should be a number`
}

// Bad reports whether the row cannot be imported.
func (r SheetRow) Bad() bool { return len(r.Problems) > 0 }

// BadRows are the rows that cannot be imported.
func (s SeizureSheet) BadRows() []SheetRow {
	var bad []SheetRow
	for _, r := range s.Rows {
		if r.Bad() {
			bad = append(bad, r)
		}
	}
	return bad
}

// SeparatorName names a separator for a summary: "semicolon".
func SeparatorName(r rune) string {
	switch r {
	case ',':
		return "comma"
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	case '|':
		return "vertical bar"
	}
	return fmt.Sprintf("%q", r)
}

// ReadSeizureCSV reads a spreadsheet of seizures saved as CSV, as officers
// have them: comma, semicolon or tab separated; UTF-8 (with or without a
// byte-order mark), UTF-16 or Windows-1252; column titles in English,
// Spanish, Portuguese or French in any order; decimal commas or points;
// dates as DD/MM/YYYY or ISO 8601. Each row is validated as a seizure, in
// the officer's time zone, against the present.
//
// The error is for a file that is not such a spreadsheet at all (no column
// titles, no date column, quotes that do not match); a bad row is not an
// error but a row with Problems.
func ReadSeizureCSV(r io.Reader) (SeizureSheet, error) {
	return ReadSeizureCSVWith(r, SheetOptions{})
}

// SheetOptions overrule what ReadSeizureCSV detects, for a file it guesses
// wrong.
type SheetOptions struct {
	Separator rune   // ',', ';', '\t' or '|'; 0 to detect
	Encoding  string // EncodingUTF8 or EncodingWindows1252 (or "utf-8", "windows-1252", "latin1"); "" to detect
}

// ParseSheetEncoding reads an encoding's name as an officer types it.
func ParseSheetEncoding(s string) (string, error) {
	switch strings.NewReplacer("-", "", "_", "", " ", "").Replace(strings.ToLower(strings.TrimSpace(s))) {
	case "":
		return "", nil
	case "utf8":
		return EncodingUTF8, nil
	case "windows1252", "cp1252", "latin1", "iso88591", "ansi":
		return EncodingWindows1252, nil
	case "utf16":
		return EncodingUTF16, nil
	}
	return "", fmt.Errorf("encoding %q: should be utf-8, windows-1252 or utf-16", s)
}

// ParseSheetSeparator reads a separator as an officer types it: ";",
// "semicolon", "tab", "\t".
func ParseSheetSeparator(s string) (rune, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return 0, nil
	case ",", "comma":
		return ',', nil
	case ";", "semicolon":
		return ';', nil
	case "tab", `\t`, "\t":
		return '\t', nil
	case "|", "bar", "pipe":
		return '|', nil
	}
	return 0, fmt.Errorf("separator %q: should be comma, semicolon, tab or |", s)
}

// ReadSeizureCSVWith is ReadSeizureCSV with the separator or encoding set.
func ReadSeizureCSVWith(r io.Reader, opt SheetOptions) (SeizureSheet, error) {
	return readSeizureCSV(r, opt, time.Now(), time.Local)
}

func readSeizureCSV(r io.Reader, opt SheetOptions, now time.Time, loc *time.Location) (SeizureSheet, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSheetFile+1))
	if err != nil {
		return SeizureSheet{}, err
	}
	if len(data) > maxSheetFile {
		return SeizureSheet{}, fmt.Errorf("the file is larger than %d MB; a spreadsheet of seizures is far smaller", maxSheetFile>>20)
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return SeizureSheet{}, errors.New("this is an Excel workbook, not a CSV file: open it in Excel or LibreOffice and save it as CSV")
	}
	text, encoding := decodeSheet(data)
	if opt.Encoding == EncodingWindows1252 && encoding != EncodingWindows1252 {
		text, encoding = decodeWindows1252(bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})), EncodingWindows1252
	}
	if opt.Encoding == EncodingUTF8 && encoding == EncodingWindows1252 {
		text, encoding = string(data), EncodingUTF8 // its invalid bytes are refused by checkSheetText
	}
	if opt.Encoding == EncodingUTF16 && encoding != EncodingUTF16 {
		text, encoding = decodeUTF16(data, false), EncodingUTF16
	}
	if strings.Count(text, "\x00") > len(text)/8 {
		return SeizureSheet{}, errors.New("the file holds binary data, not text: it is not a CSV file")
	}
	sheet := SeizureSheet{Encoding: encoding, Separator: opt.Separator}

	// Excel writes "sep=;" on the first line when asked to name the separator.
	lineOffset := 0
	first, rest, _ := strings.Cut(text, "\n")
	if f := strings.TrimSpace(first); len(f) == 5 && strings.HasPrefix(strings.ToLower(f), "sep=") {
		if sheet.Separator == 0 {
			sheet.Separator = rune(f[4])
		}
		text, lineOffset = rest, 1
	}
	if !strings.Contains(text, "\n") && strings.Contains(text, "\r") {
		text = strings.ReplaceAll(text, "\r", "\n") // classic Mac line ends
	}

	seps := []rune{';', ',', '\t', '|'}
	if sheet.Separator != 0 {
		seps = []rune{sheet.Separator}
	}
	best := headerGuess{}
	for _, sep := range seps {
		if g := findHeader(text, sep); g.better(best) {
			best = g
		}
	}
	if best.recognised < 2 {
		return sheet, fmt.Errorf("no column titles found in the first %d lines: the file needs a line of titles such as %s, %s, %s",
			headerSearch, exampleTitles(fieldDate), exampleTitles(fieldDescription), exampleTitles(fieldQuantity))
	}
	sheet.Separator = best.sep

	records, lines, err := readRecords(text, best.sep)
	if err != nil {
		return sheet, err
	}
	if err := checkSheetText(records, lines, best.index, lineOffset); err != nil {
		return sheet, err
	}
	header := records[best.index]
	sheet.HeaderLine = lines[best.index] + lineOffset
	cols, err := mapColumns(header)
	if err != nil {
		return sheet, err
	}
	cols.sep = best.sep
	body := records[best.index+1:]
	for _, i := range cols.notes {
		if c := cols.all[i]; c.Field == fieldNone && columnUsed(body, i) {
			sheet.NotesColumns = append(sheet.NotesColumns, c.Title)
		}
	}
	if len(body) > maxSheetRows {
		return sheet, fmt.Errorf("the file has %d rows; import at most %d at a time", len(body), maxSheetRows)
	}
	if err := cols.checkUnit(body); err != nil {
		return sheet, err
	}
	mark := decimalMarkOf(body, cols, best.sep)
	sheet.Rows = make([]SheetRow, 0, len(body))
	for i, rec := range body {
		if blankRecord(rec) {
			continue
		}
		row := readRow(rec, cols, mark, now, loc)
		row.Line = lines[best.index+1+i] + lineOffset
		sheet.Rows = append(sheet.Rows, row)
	}
	if len(sheet.Rows) == 0 {
		return sheet, errors.New("the file has column titles but no rows of seizures")
	}
	return sheet, nil
}

// checkSheetText refuses a spreadsheet any of whose values is not clean
// text by model.CheckText (a NUL byte, bytes that are not UTF-8), naming
// its line and column: such a file is damaged or was made to harm, and is
// refused whole rather than imported with the value mangled.
func checkSheetText(records [][]string, lines []int, header, lineOffset int) error {
	for i, rec := range records {
		for j, v := range rec {
			column := fmt.Sprintf("column %d", j+1)
			if j < len(records[header]) && i != header {
				if title := strings.TrimSpace(records[header][j]); title != "" && model.CheckText("", title) == nil {
					column = fmt.Sprintf("column %d (%s)", j+1, strconv.QuoteToGraphic(title))
				}
			}
			if err := model.CheckText(column, v); err != nil {
				return fmt.Errorf("line %d, %w; nothing was imported", lines[i]+lineOffset, err)
			}
		}
	}
	return nil
}

// headerGuess is the most likely line of column titles for one separator.
type headerGuess struct {
	sep        rune
	index      int // among the records
	recognised int // titles Bollard knows
	columns    int
}

func (g headerGuess) better(than headerGuess) bool {
	if g.recognised != than.recognised {
		return g.recognised > than.recognised
	}
	return g.columns > than.columns
}

// findHeader reads the first lines with sep and returns the one with the
// most titles Bollard knows: a sheet often starts with a title row or two
// ("Incautaciones 2026 — Puerto de Algeciras") above the column titles.
func findHeader(text string, sep rune) headerGuess {
	g := headerGuess{sep: sep}
	cr := newCSVReader(strings.NewReader(text), sep, true)
	for i := 0; i < headerSearch; i++ {
		rec, err := cr.Read()
		if err != nil {
			break
		}
		n := 0
		for _, title := range rec {
			if matchHeader(title).Field != fieldNone {
				n++
			}
		}
		if n > g.recognised {
			g.index, g.recognised, g.columns = i, n, len(rec)
		}
	}
	return g
}

func newCSVReader(r io.Reader, sep rune, lazy bool) *csv.Reader {
	cr := csv.NewReader(r)
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = lazy
	cr.ReuseRecord = false
	return cr
}

// readRecords splits the text into records, each with the line it starts
// on. Quotes are read strictly; a stray quote inside a value (12" pipe) is
// tolerated, but a quoted value that never ends is refused, since it would
// swallow the rows after it.
func readRecords(text string, sep rune) (records [][]string, lines []int, err error) {
	read := func(lazy bool) error {
		records, lines = nil, nil
		cr := newCSVReader(strings.NewReader(text), sep, lazy)
		for {
			rec, err := cr.Read()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			if len(rec) > maxSheetColumns {
				line, _ := cr.FieldPos(0)
				return fmt.Errorf("line %d has %d values; a spreadsheet of seizures has at most %d columns", line, len(rec), maxSheetColumns)
			}
			line, _ := cr.FieldPos(0)
			records, lines = append(records, rec), append(lines, line)
			if len(records) > maxSheetRows+headerSearch {
				return fmt.Errorf("the file has more than %d rows; import at most %d at a time", maxSheetRows, maxSheetRows)
			}
		}
	}
	strictErr := read(false)
	if strictErr == nil {
		return records, lines, nil
	}
	var pe *csv.ParseError
	if !errors.As(strictErr, &pe) {
		return nil, nil, strictErr
	}
	if !errors.Is(pe.Err, csv.ErrBareQuote) {
		return nil, nil, fmt.Errorf("line %d: a value in quotes is not closed, or has a quote inside it that is not doubled (write \"\" for a quote inside a quoted value)", pe.StartLine)
	}
	if err := read(true); err != nil {
		return nil, nil, err
	}
	for i, rec := range records {
		for _, v := range rec {
			if strings.Contains(v, "\n") && strings.ContainsRune(v, sep) {
				return nil, nil, fmt.Errorf("line %d: a value in quotes is not closed, and takes in the lines after it", lines[i])
			}
		}
	}
	return records, lines, nil
}

// columnUsed reports whether any row has a value in column i.
func columnUsed(body [][]string, i int) bool {
	for _, rec := range body {
		if i < len(rec) && strings.TrimSpace(rec[i]) != "" {
			return true
		}
	}
	return false
}

func blankRecord(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// sheetColumns is the header of a spreadsheet, mapped to seizure fields.
type sheetColumns struct {
	all   []sheetColumn
	index [fieldCount]int // the column of each field, or -1
	notes []int           // the columns whose values go into the notes
	hint  [fieldCount]string
	sep   rune
}

// mapColumns finds the field of each column, refusing a header that gives a
// field twice or lacks one the seizures need.
func mapColumns(header []string) (sheetColumns, error) {
	var c sheetColumns
	for i := range c.index {
		c.index[i] = -1
	}
	for i, title := range header {
		col := matchHeader(title)
		c.all = append(c.all, col)
		switch {
		case col.Field == fieldNone:
			if col.Title == "" {
				col.Title = fmt.Sprintf("column %d", i+1) // a column without a title still keeps its values
				c.all[i] = col
			}
			c.notes = append(c.notes, i)
		case col.Field == fieldNotes:
			c.notes = append(c.notes, i)
		case c.index[col.Field] >= 0:
			return c, fmt.Errorf("the columns %q and %q both give the %s: keep one of them", header[c.index[col.Field]], col.Title, fieldNames[col.Field])
		default:
			c.index[col.Field] = i
			c.hint[col.Field] = col.Hint
		}
	}
	missing := []string{}
	for _, f := range requiredColumns {
		if c.index[f] >= 0 || (f == fieldDescription && c.index[fieldCategory] >= 0) {
			continue
		}
		missing = append(missing, fmt.Sprintf("the %s (a column titled %s)", fieldNames[f], exampleTitles(f)))
	}
	if c.index[fieldPlace] < 0 && c.index[fieldLOCODE] < 0 {
		missing = append(missing, fmt.Sprintf("the place (a column titled %s, or a UN/LOCODE column)", exampleTitles(fieldPlace)))
	}
	if len(missing) > 0 {
		return c, fmt.Errorf("the file has no column for %s", strings.Join(missing, ", nor for "))
	}
	return c, nil
}

// checkUnit refuses a file that says nowhere what its quantities count:
// no unit column, no unit in the quantity's title, none beside the numbers.
func (c sheetColumns) checkUnit(body [][]string) error {
	if c.index[fieldUnit] >= 0 || c.hint[fieldQuantity] != "" {
		return nil
	}
	for _, rec := range body {
		if _, word := splitAmount(c.cell(rec, fieldQuantity)); word != "" {
			return nil
		}
	}
	return fmt.Errorf("the file does not say what the quantities count: add a column titled %s", exampleTitles(fieldUnit))
}

// cell is the value of a field in a record, trimmed; "" when the file has
// no such column or the row is short.
func (c sheetColumns) cell(rec []string, f sheetField) string {
	i := c.index[f]
	if i < 0 || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

// decimalMarkOf decides how the file writes decimals, from the numbers
// that show it ("12,5", "1,234.5"); when none does, from the separator:
// a comma-separated file comes from a locale with decimal points.
func decimalMarkOf(body [][]string, c sheetColumns, sep rune) typed.DecimalMark {
	votes := map[typed.DecimalMark]int{}
	for _, rec := range body {
		for _, f := range []sheetField{fieldQuantity, fieldValue} {
			n, _ := splitAmount(c.cell(rec, f))
			votes[typed.Evidence(n)]++
		}
	}
	switch {
	case votes[typed.DecimalComma] > votes[typed.DecimalPoint]:
		return typed.DecimalComma
	case votes[typed.DecimalPoint] > votes[typed.DecimalComma]:
		return typed.DecimalPoint
	case sep == ',':
		return typed.DecimalPoint
	}
	return typed.DecimalComma
}
