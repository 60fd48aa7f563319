package exchange_test

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"bollard/app/exchange"
	"bollard/model"
)

// hostileText is text no officer types, as a hostile or damaged file
// writes it inside a JSON string, and what the refusal must say.
var hostileText = []struct {
	name, raw, want string
}{
	{"a NUL escaped", `Seen at the port\u0000 at night`, "holds a NUL byte"},
	{"invalid UTF-8", "Mu\xf1oz Rojas", "not valid UTF-8"},
	{"half a surrogate pair", `before \ud800 after`, "not valid UTF-8"},
	{"a surrogate pair the wrong way round", `\udc00\ud800`, "not valid UTF-8"},
}

// A signed package whose content holds a NUL or invalid UTF-8 is refused
// whole, naming the record and field, and the workspace is untouched.
func TestPackageRefusesHostileText(t *testing.T) {
	from := mustOpen(t, "ESA")
	c := newCase(t, from)
	if _, err := from.AddSeizure(ctx, model.Seizure{CaseID: c.ID, SeizedAt: time.Now().Add(-time.Hour), PlaceName: "Algeciras",
		Category: model.CommodityCocaine, Description: "SEIZURE-TEXT", Quantity: 12, Unit: model.Kilogram, TransportMode: model.ModeContainer}); err != nil {
		t.Fatal(err)
	}
	if _, err := from.AddNote(ctx, model.Note{CaseID: c.ID, Body: "NOTE-TEXT"}); err != nil {
		t.Fatal(err)
	}
	x, err := exchange.BuildContent(ctx, from, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	content, err := x.Content.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	by := pkgSigner(t)
	by.Workspace = from.ID()
	for _, h := range hostileText {
		for _, field := range []struct{ placeholder, want string }{
			{"NOTE-TEXT", `case "` + c.Ref + `", note "`},
			{"NOTE-TEXT", `", field body: `},
			{"SEIZURE-TEXT", `case "` + c.Ref + `", seizure "SZ-0001", field commodity_description: `},
		} {
			t.Run(h.name+" in "+field.placeholder, func(t *testing.T) {
				spoilt := bytes.Replace(content, []byte(field.placeholder), []byte(h.raw), 1)
				path := pkgWrite(t, exchange.PackageParts{Content: spoilt, CreatedAt: time.Now().Add(-time.Minute)}, by, exchange.Encryption{})
				mustRefuseImport(t, path, exchange.OpenOptions{}, field.want)
				mustRefuseImport(t, path, exchange.OpenOptions{}, h.want)
			})
		}
	}
	t.Run("the same package, clean, is imported", func(t *testing.T) {
		w := mustOpen(t, "BEC")
		path := pkgWrite(t, exchange.PackageParts{Content: content, CreatedAt: time.Now().Add(-time.Minute)}, by, exchange.Encryption{})
		if _, err := exchange.ImportPackage(ctx, w, path, exchange.ImportOptions{Trust: true}); err != nil {
			t.Fatal(err)
		}
	})
}

// A JSON case file with a NUL or invalid UTF-8 is refused whole, naming
// the case, the record and the field.
func TestCaseFileRefusesHostileText(t *testing.T) {
	doc := `{"format":"bollard-cases","version":1,"cases":[{"ref":"BEA-2026-0001","title":"Cocaine in bananas","status":"open",
		"priority":"high","corridor":"eu-lac","threat_types":["cocaine"],"lead_agency":"Belgian Customs",
		"seizures":[],"entities":[{"kind":"person","name":"Juan","aliases":["El Gallego","ALIAS-TEXT"],"role":"suspect"}],
		"relations":[],"timeline":[],"tasks":[],"notes":[{"body":"NOTE-TEXT"}]}]}`
	for _, h := range hostileText {
		for _, field := range []struct{ placeholder, want string }{
			{"NOTE-TEXT", `case "BEA-2026-0001", note no. 1, field body: `},
			{"ALIAS-TEXT", `case "BEA-2026-0001", entity "Juan", field aliases[1]: `},
			{"Cocaine in bananas", `case "BEA-2026-0001", field title: `},
		} {
			t.Run(h.name+" in "+field.placeholder, func(t *testing.T) {
				spoilt := strings.Replace(doc, field.placeholder, h.raw, 1)
				_, err := exchange.ReadDocument(strings.NewReader(spoilt))
				if err == nil || !strings.Contains(err.Error(), field.want) || !strings.Contains(err.Error(), h.want) {
					t.Fatalf("error %v; want it to say %q and %q", err, field.want, h.want)
				}
			})
		}
	}
	if _, err := exchange.ReadDocument(strings.NewReader(doc)); err != nil {
		t.Fatalf("the clean file is refused: %v", err)
	}
}

// A spreadsheet with a NUL or invalid UTF-8 in a value is refused whole,
// naming the line and column, in every encoding it may arrive in.
func TestSeizureSheetRefusesHostileText(t *testing.T) {
	const header = "Date;Place;Commodity;Category;Quantity (kg);Transport mode;Notes\n"
	row := func(notes string) string {
		return "2026-03-14;Algeciras;Cocaine;cocaine;12;road;" + notes + "\n"
	}
	utf16le := func(s string) []byte {
		var b []byte
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	for name, tc := range map[string]struct {
		file []byte
		want string
	}{
		"a NUL in a value": {[]byte(header + row("fine") + row("seen\x00at night")),
			`line 3, column 7 ("Notes"): holds a NUL byte`},
		"invalid UTF-8 after a UTF-8 byte-order mark": {[]byte("\xEF\xBB\xBF" + header + row("Mu\xf1oz")),
			`line 2, column 7 ("Notes"): is not valid UTF-8`},
		"half a surrogate pair in UTF-16": {append(append([]byte{0xFF, 0xFE}, utf16le(header+row("a"))...), 0x00, 0xD8, '\n', 0),
			`line 3, column 1 ("Date"): is not valid UTF-8`},
	} {
		t.Run(name, func(t *testing.T) {
			w := mustOpen(t, "BEC")
			c := newCase(t, w)
			sheet, err := exchange.ReadSeizureCSV(bytes.NewReader(tc.file))
			if err == nil {
				_, err = exchange.ImportSeizureSheet(ctx, w, c.Ref, sheet, true)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v; want it to say %q", err, tc.want)
			}
			if f, _ := w.CaseFile(ctx, c.Ref); len(f.Seizures) != 0 {
				t.Fatalf("%d seizures imported from a refused file", len(f.Seizures))
			}
		})
	}
	t.Run("--encoding utf-8 on a file that is not", func(t *testing.T) {
		_, err := exchange.ReadSeizureCSVWith(strings.NewReader(header+row("Mu\xf1oz")), exchange.SheetOptions{Encoding: exchange.EncodingUTF8})
		if err == nil || !strings.Contains(err.Error(), "is not valid UTF-8") {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("the same bytes without a byte-order mark are Windows-1252", func(t *testing.T) {
		sheet, err := exchange.ReadSeizureCSV(strings.NewReader(header + row("Mu\xf1oz")))
		if err != nil || len(sheet.Rows) != 1 || !strings.Contains(sheet.Rows[0].Seizure.Notes, "Muñoz") {
			t.Fatalf("error %v, sheet %+v", err, sheet.Rows)
		}
	})
}

// A manifest whose signer is named with a NUL (escaped, so that the
// manifest is valid UTF-8) is refused before any part is read.
func TestPackageRefusesHostileSignerName(t *testing.T) {
	c := goodCraft(t)
	c.mutate = func(m map[string]any) { m["signer"].(map[string]any)["name"] = "Insp.\x00 Lotte Peeters" }
	mustRefuse(t, c.file(t), exchange.OpenOptions{}, "the manifest's field signer.name: holds a NUL byte")
}
