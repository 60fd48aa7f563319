package exchange_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"bollard/app"
	"bollard/app/demo"
	"bollard/app/exchange"
	"bollard/model"
)

var ctx = context.Background()

func mustOpen(t testing.TB, prefix string) *app.Workspace {
	t.Helper()
	w, err := app.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	if _, err := w.SetOfficer(ctx, model.Officer{Name: "Insp. Lotte Peeters", Agency: "Belgian Customs", RefPrefix: prefix}); err != nil {
		t.Fatal(err)
	}
	return w
}

func readExample(t *testing.T) exchange.Document {
	t.Helper()
	f, err := os.Open("../../docs/examples/case.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := exchange.ReadDocument(f)
	if err != nil {
		t.Fatalf("the documented example does not read: %v", err)
	}
	return d
}

func TestImportDocumentedExample(t *testing.T) {
	w := mustOpen(t, "BEC")
	sum, err := exchange.Import(ctx, w, readExample(t))
	if err != nil {
		t.Fatalf("import the documented example: %v", err)
	}
	want := exchange.Summary{Cases: 1, Seizures: 1, Entities: 5, Links: 5, Relations: 2, Events: 2, Tasks: 2, Notes: 1,
		Refs: []string{"BEC-" + time.Now().Format("2006") + "-0001"}}
	if !reflect.DeepEqual(sum, want) {
		t.Fatalf("summary %+v, want %+v", sum, want)
	}
	f, err := w.CaseFile(ctx, sum.Refs[0])
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Seizures[0].ContainerNumbers[0]; got != "MSCU1234566" {
		t.Fatalf("container number stored as %q", got)
	}
	names := map[string]bool{}
	for _, ce := range f.Entities {
		names[ce.Entity.Name] = true
	}
	if !names["Andrés Muñoz Rojas"] || !names["Frutas del Pacífico Export S.A."] {
		t.Fatalf("entities %v", names)
	}
}

// A case printed by `case show --json` imports into another workspace as
// the same records, IDs and history included.
func TestRoundTrip(t *testing.T) {
	src := mustOpen(t, "BEC")
	sum, err := exchange.Import(ctx, src, readExample(t))
	if err != nil {
		t.Fatal(err)
	}
	before, _ := src.CaseFile(ctx, sum.Refs[0])
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(exchange.NewDocument(before)); err != nil {
		t.Fatal(err)
	}
	printed := buf.String()

	dst := mustOpen(t, "NCA")
	doc, err := exchange.ReadDocument(strings.NewReader(printed))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exchange.Import(ctx, dst, doc); err != nil {
		t.Fatalf("re-import: %v", err)
	}
	after, err := dst.CaseFile(ctx, before.Case.Ref)
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	json.NewEncoder(&buf).Encode(exchange.NewDocument(after))
	if buf.String() != printed {
		t.Fatalf("the case differs after a round trip:\n%s\nwant:\n%s", buf.String(), printed)
	}

	t.Run("importing the same case again is refused", func(t *testing.T) {
		doc, _ := exchange.ReadDocument(strings.NewReader(printed))
		_, err := exchange.Import(ctx, dst, doc)
		if err == nil || !strings.Contains(err.Error(), "already in the workspace") {
			t.Fatalf("second import: %v", err)
		}
	})
}

func TestBadFilesAreRefusedWhole(t *testing.T) {
	good, err := os.ReadFile("../../docs/examples/case.json")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, file, want string
	}{
		{"truncated", string(good[:len(good)/2]), "line"},
		{"not JSON", "PK\x03\x04 zip bytes", "line 1"},
		{"another format", `{"format":"ftm","version":1}`, "not a Bollard case file"},
		{"newer version", `{"format":"bollard-cases","version":9,"cases":[]}`, "update Bollard"},
		{"unknown field", strings.Replace(string(good), `"seal_numbers"`, `"seal_numbrs"`, 1), `unknown field "seal_numbrs"`},
		{"wrong type", strings.Replace(string(good), `"quantity": 1375.5`, `"quantity": "lots"`, 1), `"cases.seizures.quantity" should be a number, not string`},
		{"bad check digit in the second record", strings.Replace(string(good), `"IMO 9074729"`, `"IMO 9074728"`, 1), `IMO number "IMO 9074728": check digit should be 9`},
		{"relation to an entity not in the case", strings.Replace(string(good), `"to_id": "account"`, `"to_id": "nobody"`, 1), `to_id "nobody" is not the id or key`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assertRefusedWhole(t, tc.file, tc.want)
		})
	}
}

// Every case of a demo workspace, sent one file at a time, arrives whole in
// another workspace: shared entities and relations are linked, not doubled.
func TestEveryDemoCaseTravels(t *testing.T) {
	src, err := app.Open(ctx, filepath.Join(t.TempDir(), "src.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if _, err := demo.Fill(ctx, src, demo.Options{Cases: 60, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	cases, err := src.Cases(ctx, model.CaseFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.ArchiveCase(ctx, cases[0].Ref); err != nil {
		t.Fatal(err)
	}
	dst := mustOpen(t, "NCA")
	printed := map[string]string{}
	for _, c := range cases {
		f, err := src.CaseFile(ctx, c.Ref)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(exchange.NewDocument(f))
		printed[c.Ref] = string(b)
		doc, err := exchange.ReadDocument(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := exchange.Import(ctx, dst, doc); err != nil {
			t.Fatalf("import %s: %v", c.Ref, err)
		}
	}
	for _, c := range cases {
		f, err := dst.CaseFile(ctx, c.Ref)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(exchange.NewDocument(f))
		if string(b) != printed[c.Ref] {
			t.Fatalf("case %s differs after travelling", c.Ref)
		}
	}
	srcEntities, _ := src.Entities(ctx, "")
	dstEntities, _ := dst.Entities(ctx, "")
	if len(dstEntities) > len(srcEntities) {
		t.Fatalf("%d entities arrived for %d sent: shared ones were doubled", len(dstEntities), len(srcEntities))
	}
}

func TestImportedHistoryIsChecked(t *testing.T) {
	good, err := os.ReadFile("../../docs/examples/case.json")
	if err != nil {
		t.Fatal(err)
	}
	withCase := func(fields string) string {
		return strings.Replace(string(good), `"title": "Cocaine`, fields+`"title": "Cocaine`, 1)
	}
	for name, tc := range map[string]struct{ file, want string }{
		"made in the future":      {withCase(`"created_at": "2031-01-01T00:00:00Z", `), "case created_at \"2031-01-01T00:00:00Z\": cannot be in the future"},
		"changed before made":     {withCase(`"created_at": "2026-01-02T00:00:00Z", "updated_at": "2025-01-01T00:00:00Z", `), "cannot be before it was created"},
		"a workspace that is not": {withCase(`"created_at": "2026-01-02T00:00:00Z", "workspace": "my laptop", `), "should be the UUID of the workspace"},
		"an id that is not":       {withCase(`"id": "case-1", `), `case id "case-1": should be a UUID`},
		"a date that is not":      {strings.Replace(string(good), `"2026-09-14"`, `"2026-13-45"`, 1), `line 17: date "2026-13-45"`},
		"a time without its zone": {strings.Replace(string(good), `"2026-09-12T05:40:00Z"`, `"2026-09-12"`, 1), `should be written as 2026-09-12T05:40:00Z`},
		"no cases":                {`{"format":"bollard-cases","version":1,"cases":[]}`, "no cases"},
	} {
		t.Run(name, func(t *testing.T) {
			assertRefusedWhole(t, tc.file, tc.want)
		})
	}
}

// A hand-written file has no IDs: its vessel, container and account are
// recognised by their IMO number, container number and IBAN, and linked.
func TestEntitiesRecognisedByIdentifier(t *testing.T) {
	w := mustOpen(t, "BEC")
	if _, err := exchange.Import(ctx, w, readExample(t)); err != nil {
		t.Fatal(err)
	}
	sum, err := exchange.Import(ctx, w, readExample(t))
	if err != nil {
		t.Fatal(err)
	}
	if sum.SharedEntities != 3 || sum.Entities != 2 {
		t.Fatalf("second import: %d entities recognised, %d new; want 3 (vessel, container, account) and 2", sum.SharedEntities, sum.Entities)
	}
	vessels, err := w.Entities(ctx, model.KindVessel)
	if err != nil || len(vessels) != 1 {
		t.Fatalf("%d vessels (%v), want 1", len(vessels), err)
	}
	f, err := w.EntityFile(ctx, vessels[0].ID)
	if err != nil || len(f.Appearances) != 2 {
		t.Fatalf("the vessel appears in %d cases (%v), want 2", len(f.Appearances), err)
	}
}

// assertRefusedWhole imports file into a fresh workspace and checks that it
// is refused with an error saying want, and that nothing of it was kept.
func assertRefusedWhole(t *testing.T, file, want string) {
	t.Helper()
	w := mustOpen(t, "BEC")
	doc, err := exchange.ReadDocument(strings.NewReader(file))
	if err == nil {
		_, err = exchange.Import(ctx, w, doc)
	}
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("error %v, want it to say %q", err, want)
	}
	if n, err := w.CountCases(ctx); err != nil || n != 0 {
		t.Fatalf("%d cases (%v) after a refused import", n, err)
	}
	if es, err := w.Entities(ctx, ""); err != nil || len(es) != 0 {
		t.Fatalf("%d entities (%v) after a refused import", len(es), err)
	}
}
