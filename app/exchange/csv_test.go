package exchange_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"bollard/app"
	"bollard/app/exchange"
	"bollard/model"
)

func readSheet(t *testing.T, name string) exchange.SeizureSheet {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "csv", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet, err := exchange.ReadSeizureCSV(f)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return sheet
}

func readSheetText(t *testing.T, text string) (exchange.SeizureSheet, error) {
	t.Helper()
	return exchange.ReadSeizureCSV(strings.NewReader(text))
}

func goodSeizures(t *testing.T, sheet exchange.SeizureSheet) []model.Seizure {
	t.Helper()
	var out []model.Seizure
	for _, r := range sheet.Rows {
		if r.Bad() {
			t.Fatalf("line %d: %v", r.Line, r.Problems)
		}
		out = append(out, r.Seizure)
	}
	return out
}

// local is a time written without a zone in a row that names no place:
// the officer's own local time.
func local(s string) time.Time { return inZone(s, time.Local) }

// central is a time written without a zone at a port of the Central
// European zone the row names (Antwerp, Algeciras, Le Havre): the place's
// time, whichever computer reads the file.
func central(s string) time.Time {
	loc, err := time.LoadLocation("Europe/Brussels")
	if err != nil {
		panic(err)
	}
	return inZone(s, loc)
}

func inZone(s string, loc *time.Location) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		panic(err)
	}
	return t
}

// Each fixture is a file as an officer's spreadsheet saves it, in one
// language, encoding and separator; every row of each reads as written.
func TestReadSeizureSheets(t *testing.T) {
	t.Run("English, comma, UTF-8", func(t *testing.T) {
		sheet := readSheet(t, "en_comma_utf8.csv")
		if sheet.Separator != ',' || sheet.Encoding != exchange.EncodingUTF8 {
			t.Fatalf("separator %q, encoding %s", sheet.Separator, sheet.Encoding)
		}
		s := goodSeizures(t, sheet)
		if len(s) != 3 {
			t.Fatalf("%d seizures", len(s))
		}
		first := s[0]
		if !first.SeizedAt.Equal(time.Date(2026, 3, 14, 5, 40, 0, 0, time.UTC)) || first.Quantity != 1375.5 || first.Unit != model.Kilogram ||
			first.EstimatedValue != 45e6 || first.Currency != "EUR" || first.Category != model.CommodityCocaine ||
			first.TransportMode != model.ModeContainer || first.Detection != model.DetectionScanner || first.LOCODE != "NLRTM" ||
			first.Country != "NL" || len(first.SealNumbers) != 2 || first.OriginCountry != "EC" || first.TransitCountries[0] != "PA" {
			t.Fatalf("first row read as %+v", first)
		}
		if !strings.Contains(first.Notes, "Officer: J. de Vries") || !strings.Contains(first.Notes, "did not match") {
			t.Fatalf("notes %q: the officer column should be kept in them", first.Notes)
		}
		if s[1].Unit != model.Sticks || s[1].Quantity != 8.4e6 || len(s[1].ContainerNumbers) != 2 || !s[1].SeizedAt.Equal(central("2026-03-20 11:15")) {
			t.Fatalf("second row: %v %v %v %v", s[1].Quantity, s[1].Unit, s[1].ContainerNumbers, s[1].SeizedAt)
		}
		if s[2].Quantity != 120.25 || s[2].Category != model.CommoditySynthetic || s[2].Detection != model.DetectionCanine {
			t.Fatalf("third row: %+v", s[2])
		}
		if len(sheet.NotesColumns) != 1 || sheet.NotesColumns[0] != "Officer" {
			t.Fatalf("columns kept in the notes: %v", sheet.NotesColumns)
		}
	})
	t.Run("Spanish, semicolon, Windows-1252, title row", func(t *testing.T) {
		sheet := readSheet(t, "es_semicolon_1252.csv")
		if sheet.Separator != ';' || sheet.Encoding != exchange.EncodingWindows1252 || sheet.HeaderLine != 2 {
			t.Fatalf("separator %q, encoding %s, header on line %d", sheet.Separator, sheet.Encoding, sheet.HeaderLine)
		}
		s := goodSeizures(t, sheet)
		if len(s) != 3 || sheet.Rows[0].Line != 3 {
			t.Fatalf("%d seizures, first on line %d", len(s), sheet.Rows[0].Line)
		}
		if s[0].Quantity != 1375.5 || s[0].EstimatedValue != 45e6 || s[0].Description != "Clorhidrato de cocaína en fardos" ||
			!s[0].SeizedAt.Equal(central("2026-03-14 05:40")) || s[0].OriginCountry != "EC" || s[0].Detection != model.DetectionScanner {
			t.Fatalf("first row: %+v", s[0])
		}
		if s[1].Quantity != 2450 || s[1].Currency != "EUR" || s[1].Category != model.CommodityTobacco || s[1].OriginCountry != "AE" ||
			s[1].TransportMode != model.ModeContainer || s[1].Detection != model.DetectionRiskProfiling {
			t.Fatalf("second row: %+v", s[1])
		}
		if s[2].Category != model.CommodityCannabis || s[2].Quantity != 612.4 || s[2].TransportMode != model.ModeMaritime ||
			s[2].Detection != model.DetectionCanine || !s[2].SeizedAt.Equal(central("2026-01-18 22:10")) {
			t.Fatalf("third row: %+v", s[2])
		}
	})
	t.Run("Portuguese, semicolon, UTF-8 with BOM, space grouping", func(t *testing.T) {
		sheet := readSheet(t, "pt_semicolon_bom.csv")
		if sheet.Encoding != exchange.EncodingUTF8BOM {
			t.Fatalf("encoding %s", sheet.Encoding)
		}
		s := goodSeizures(t, sheet)
		if s[0].Quantity != 1234.5 || s[0].EstimatedValue != 41e6 || s[0].Currency != "EUR" || s[0].Category != model.CommodityCocaine ||
			s[0].Country != "PT" || s[0].PlaceName != "Terminal XXI, Sines" {
			t.Fatalf("first row: %+v", s[0])
		}
		if s[1].Unit != model.Banknotes || s[1].Category != model.CommodityCash || s[1].TransportMode != model.ModeAirPassenger ||
			s[1].EstimatedValue != 62500 || s[1].Quantity != 1250 {
			t.Fatalf("second row: %+v", s[1])
		}
	})
	t.Run("French, tab, no-break spaces, 14h30", func(t *testing.T) {
		sheet := readSheet(t, "fr_tab_utf8.csv")
		if sheet.Separator != '\t' {
			t.Fatalf("separator %q", sheet.Separator)
		}
		s := goodSeizures(t, sheet)
		if s[0].Quantity != 1234.5 || s[0].EstimatedValue != 38e6 || !s[0].SeizedAt.Equal(central("2026-09-12 14:30")) ||
			s[0].OriginCountry != "CO" || s[0].HSCode == "" {
			t.Fatalf("first row: %+v", s[0])
		}
		if s[1].Category != model.CommodityMedicines || s[1].Unit != model.Doses || s[1].TransportMode != model.ModePostal ||
			s[1].Detection != model.DetectionRiskProfiling || s[1].OriginCountry != "IN" {
			t.Fatalf("second row: %+v", s[1])
		}
	})
}

// Every bad row is reported with its line and, in the words of the file's
// own columns, what is wrong.
func TestBadRowsAreReported(t *testing.T) {
	sheet := readSheet(t, "es_bad_rows.csv")
	want := map[int]string{
		3: `Fecha "31/02/2026": there is no day 31 in February 2026`,
		4: `Cantidad "unos 300": should be a number`,
		5: `Contenedor "MSCU1234567": check digit should be 6`,
		6: `Fecha "03/25/2026": looks like month/day/year`,
		7: `Modo de transporte "en burro": should be one of maritime container`,
		8: `Lugar: is required`,
	}
	got := map[int]string{}
	for _, r := range sheet.Rows {
		if r.Bad() {
			got[r.Line] = strings.Join(r.Problems, "; ")
		}
	}
	if len(got) != len(want) {
		t.Errorf("bad rows %v, want lines 3 to 8", got)
	}
	for line, w := range want {
		if !strings.Contains(got[line], w) {
			t.Errorf("line %d: %q, want it to say %q", line, got[line], w)
		}
	}
}

func TestReadNumbersDatesAndWords(t *testing.T) {
	const head = "Date;Place;Commodity;Quantity;Unit;Value;Currency;Transport mode;Time;Country;\n"
	for name, tc := range map[string]struct {
		row  string
		want func(model.Seizure) bool
	}{
		"decimal comma with dots":    {"01/02/2026;Algeciras;cocaine;1.234,5;kg;;;road", func(s model.Seizure) bool { return s.Quantity == 1234.5 }},
		"ISO date with zone":         {"2026-02-01T10:00:00+01:00;Algeciras;cocaine;5;kg;;;road", func(s model.Seizure) bool { return s.SeizedAt.UTC().Hour() == 9 }},
		"two-digit year":             {"01/02/26;Algeciras;cocaine;5;kg;;;road", func(s model.Seizure) bool { return s.SeizedAt.Year() == 2026 }},
		"value with euro sign":       {"01/02/2026;Algeciras;cocaine;5;kg;€ 2.500;;road", func(s model.Seizure) bool { return s.EstimatedValue == 2500 && s.Currency == "EUR" }},
		"quantity with unit":         {"01/02/2026;Algeciras;cocaine;5,5 kilos;;;;road", func(s model.Seizure) bool { return s.Quantity == 5.5 && s.Unit == model.Kilogram }},
		"unit in Portuguese":         {"01/02/2026;Algeciras;cocaine;3;toneladas;;;road", func(s model.Seizure) bool { return s.Unit == model.Tonne }},
		"mode in French":             {"01/02/2026;Algeciras;cocaine;3;kg;;;Fret aérien", func(s model.Seizure) bool { return s.TransportMode == model.ModeAirCargo }},
		"category guessed":           {"01/02/2026;Algeciras;Héroïne brune;3;kg;;;rail", func(s model.Seizure) bool { return s.Category == model.CommodityHeroin }},
		"unknown goods are other":    {"01/02/2026;Algeciras;Ivory;3;kg;;;rail", func(s model.Seizure) bool { return s.Category == model.CommodityOther }},
		"midnight and a time column": {"01/02/2026 00:00;Algeciras;cocaine;3;kg;;;rail;14:30", func(s model.Seizure) bool { return s.SeizedAt.Equal(local("2026-02-01 14:30")) }},
		"country names":              {"01/02/2026;Algeciras;cocaine;3;kg;;;rail;;USA", func(s model.Seizure) bool { return s.Country == "US" }},
		"a column without a title":   {"01/02/2026;Algeciras;cocaine;3;kg;;;rail;;;Acta 145/2026", func(s model.Seizure) bool { return s.Notes == "column 11: Acta 145/2026" }},
		"value and currency words":   {"01/02/2026;Algeciras;cocaine;3;kg;1.000;euros;rail", func(s model.Seizure) bool { return s.Currency == "EUR" && s.EstimatedValue == 1000 }},
	} {
		t.Run(name, func(t *testing.T) {
			sheet, err := readSheetText(t, head+tc.row+"\n")
			if err != nil {
				t.Fatal(err)
			}
			if r := sheet.Rows[0]; r.Bad() || !tc.want(r.Seizure) {
				t.Fatalf("read as %+v (problems %v)", r.Seizure, r.Problems)
			}
		})
	}
	for name, tc := range map[string]struct{ row, want string }{
		"a bare dollar":       {"01/02/2026;Algeciras;cocaine;3;kg;$ 500;;road", "write the currency code"},
		"value without money": {"01/02/2026;Algeciras;cocaine;3;kg;500;;road", "Currency: is required when a value is given"},
		"zero":                {"01/02/2026;Algeciras;cocaine;0;kg;;;road", `Quantity "0": should be more than zero`},
		"in the future":       {"01/02/2099;Algeciras;cocaine;3;kg;;;road", "cannot be in the future"},
		"two times":           {"01/02/2026 10:00;Algeciras;cocaine;3;kg;;;road;14:30", "gives a time and so does the time column"},
		"two units":           {"01/02/2026;Algeciras;cocaine;3 g;kg;;;road", "says g but Unit says kg"},
		"bad grouping":        {"01/02/2026;Algeciras;cocaine;1.23,4;kg;;;road", "should be a number"},
		"unknown unit":        {"01/02/2026;Algeciras;cocaine;3;barrels;;;road", `Unit "barrels": should be one of kg`},
	} {
		t.Run(name, func(t *testing.T) {
			sheet, err := readSheetText(t, head+tc.row+"\n")
			if err != nil {
				t.Fatal(err)
			}
			if r := sheet.Rows[0]; !r.Bad() || !strings.Contains(strings.Join(r.Problems, "; "), tc.want) {
				t.Fatalf("problems %v, want %q", r.Problems, tc.want)
			}
		})
	}
}

func TestUTF16FromExcelUnicodeText(t *testing.T) {
	text := "Fecha\tLugar\tMercancía\tCantidad\tUnidad\tModo de transporte\r\n14/03/2026\tCartagena\tCocaína\t12,5\tkg\tcontenedor\r\n"
	var b bytes.Buffer
	b.Write([]byte{0xFF, 0xFE})
	for _, u := range utf16.Encode([]rune(text)) {
		b.Write([]byte{byte(u), byte(u >> 8)})
	}
	sheet, err := exchange.ReadSeizureCSV(&b)
	if err != nil {
		t.Fatal(err)
	}
	s := goodSeizures(t, sheet)
	if sheet.Encoding != exchange.EncodingUTF16 || s[0].Quantity != 12.5 || s[0].Description != "Cocaína" {
		t.Fatalf("%s: %+v", sheet.Encoding, s[0])
	}
}

func TestFilesThatAreNotSheetsAreRefused(t *testing.T) {
	for name, tc := range map[string]struct{ file, want string }{
		"empty":               {"", "no column titles"},
		"an Excel workbook":   {"PK\x03\x04\x14\x00rest", "save it as CSV"},
		"no titles":           {"1;2;3\n4;5;6\n", "no column titles"},
		"no quantity column":  {"Date;Place;Commodity;Transport mode\n01/02/2026;X;cocaine;road\n", "no column for the quantity"},
		"no unit anywhere":    {"Date;Place;Commodity;Quantity;Transport mode\n01/02/2026;X;cocaine;5;road\n", "does not say what the quantities count"},
		"a field given twice": {"Fecha;Date;Lugar;Mercancía;Cantidad;Unidad;Modo\n", `"Fecha" and "Date" both give the date`},
		"titles and no rows":  {"Fecha;Lugar;Mercancía;Cantidad;Unidad;Modo\n;;;;;\n", "no rows of seizures"},
		"an unclosed quote":   {"Fecha;Lugar;Mercancía;Cantidad;Unidad;Modo\n01/02/2026;\"Algeciras;cocaine;5;kg;road\n02/02/2026;X;cocaine;5;kg;road\n", "line 2: a value in quotes is not closed"},
		"binary":              {"Fecha;Lugar\x00;Mercancía", "line 1, column 2: holds a NUL byte"},
		"all binary":          {"F\x00e\x00c\x00h\x00a\x00;\x00", "binary data"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := readSheetText(t, tc.file)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to say %q", err, tc.want)
			}
		})
	}
}

func newCase(t testing.TB, w *app.Workspace) model.Case {
	t.Helper()
	c, err := w.CreateCase(ctx, model.Case{Title: "Bananas from Guayaquil", Status: model.StatusOpen, Priority: model.PriorityHigh,
		Corridor: model.CorridorEULAC, ThreatTypes: []model.ThreatType{model.ThreatCocaine}, LeadAgency: "Belgian Customs"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestImportSeizureSheet(t *testing.T) {
	w := mustOpen(t, "BEC")
	c := newCase(t, w)
	sheet := readSheet(t, "es_semicolon_1252.csv")
	sum, err := exchange.ImportSeizureSheet(ctx, w, c.Ref, sheet, false)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Imported != 3 || strings.Join(sum.Refs, ",") != "SZ-0001,SZ-0002,SZ-0003" {
		t.Fatalf("summary %+v", sum)
	}
	f, _ := w.CaseFile(ctx, c.Ref)
	if len(f.Seizures) != 3 {
		t.Fatalf("%d seizures in the case", len(f.Seizures))
	}

	t.Run("the same file again is refused whole", func(t *testing.T) {
		sum, err := exchange.ImportSeizureSheet(ctx, w, c.Ref, sheet, true)
		var bad *exchange.BadRowsError
		if !errors.As(err, &bad) || len(sum.Bad) != 3 || !strings.Contains(sum.Bad[0].String(), "already has this seizure, as SZ-0001") {
			t.Fatalf("error %v, bad rows %v", err, sum.Bad)
		}
	})
	t.Run("bad rows stop the import", func(t *testing.T) {
		w := mustOpen(t, "BEC")
		c := newCase(t, w)
		sum, err := exchange.ImportSeizureSheet(ctx, w, c.Ref, readSheet(t, "es_bad_rows.csv"), false)
		if err == nil || !strings.Contains(err.Error(), "6 of 7 rows have problems; nothing was imported") || len(sum.Bad) != 6 {
			t.Fatalf("error %v, summary %+v", err, sum)
		}
		if f, _ := w.CaseFile(ctx, c.Ref); len(f.Seizures) != 0 {
			t.Fatalf("%d seizures imported from a refused file", len(f.Seizures))
		}
		t.Run("unless the good ones are asked for", func(t *testing.T) {
			sum, err := exchange.ImportSeizureSheet(ctx, w, c.Ref, readSheet(t, "es_bad_rows.csv"), true)
			if err != nil || sum.Imported != 1 || len(sum.Bad) != 6 || sum.Bad[0].Line != 3 {
				t.Fatalf("error %v, summary %+v", err, sum)
			}
		})
	})
	t.Run("no such case", func(t *testing.T) {
		if _, err := exchange.ImportSeizureSheet(ctx, w, "BEC-2026-0999", sheet, false); err == nil || !strings.Contains(err.Error(), "no case BEC-2026-0999") {
			t.Fatalf("error %v", err)
		}
	})
}
