package exchange_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"bollard/app"
	"bollard/app/demo"
	"bollard/app/exchange"
	"bollard/model"
)

// Every case of a demo workspace exports as FollowTheMoney: one JSON object
// a line, each of a schema and with properties FtM defines, every relation
// pointing at an entity of the same export, IDs the same each time.
func TestFTMExportOfDemoCases(t *testing.T) {
	w, err := app.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := demo.Fill(ctx, w, demo.Options{Cases: 12, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	cases, err := w.Cases(ctx, model.CaseFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, c := range cases {
		f, err := w.CaseFile(ctx, c.Ref)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		sum, err := exchange.WriteFTM(&buf, f)
		if err != nil {
			t.Fatal(err)
		}
		entities := checkFTMLines(t, c.Ref, buf.Bytes())
		if sum.Entities != len(entities) {
			t.Fatalf("%s: summary says %d entities, file has %d", c.Ref, sum.Entities, len(entities))
		}
		for _, e := range entities {
			seen[e.Schema]++
		}
		if want := 1 + len(f.Seizures); sum.Schemata["Project"]+sum.Schemata["Event"] != want {
			t.Fatalf("%s: %d projects and events, want the case and its %d seizures", c.Ref, sum.Schemata["Project"]+sum.Schemata["Event"], len(f.Seizures))
		}
		var again bytes.Buffer
		exchange.WriteFTM(&again, f)
		if again.String() != buf.String() {
			t.Fatalf("%s: a second export differs", c.Ref)
		}
	}
	for _, schema := range []string{"Project", "Event", "Person", "Company", "Vessel", "Vehicle", "ProjectParticipant", "UnknownLink", "Ownership", "Directorship", "Employment"} {
		if seen[schema] == 0 {
			t.Errorf("no %s in the export of %d demo cases (%v)", schema, len(cases), seen)
		}
	}
	t.Logf("schemata across the demo cases: %v", seen)
}

// checkFTMLines reads an export and checks every line of it.
func checkFTMLines(t *testing.T, ref string, data []byte) []exchange.FTMEntity {
	t.Helper()
	var entities []exchange.FTMEntity
	ids := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			t.Fatalf("%s line %d is not JSON: %v", ref, n, err)
		}
		for k := range raw {
			if k != "id" && k != "schema" && k != "properties" {
				t.Fatalf("%s line %d: key %q is not part of an FtM entity", ref, n, k)
			}
		}
		var e exchange.FTMEntity
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("%s line %d: %v", ref, n, err)
		}
		if !strings.HasPrefix(e.ID, "bollard-") || !model.ValidID(strings.TrimPrefix(e.ID, "bollard-")) {
			t.Fatalf("%s line %d: id %q", ref, n, e.ID)
		}
		if _, dup := ids[e.ID]; dup {
			t.Fatalf("%s line %d: id %s twice", ref, n, e.ID)
		}
		ids[e.ID] = e.Schema
		known := exchange.FTMSchemaProperties(e.Schema)
		if known == nil {
			t.Fatalf("%s line %d: schema %q", ref, n, e.Schema)
		}
		for prop, values := range e.Properties {
			if !slices.Contains(known, prop) {
				t.Fatalf("%s line %d: %s has no property %q", ref, n, e.Schema, prop)
			}
			if len(values) == 0 {
				t.Fatalf("%s line %d: %s.%s has no values", ref, n, e.Schema, prop)
			}
			for _, v := range values {
				if strings.TrimSpace(v) == "" {
					t.Fatalf("%s line %d: %s.%s has an empty value", ref, n, e.Schema, prop)
				}
			}
		}
		if _, named := e.Properties["name"]; !named && !isInterval(e.Schema) {
			t.Fatalf("%s line %d: a %s without a name", ref, n, e.Schema)
		}
		entities = append(entities, e)
	}
	// Relations point to entities of the same file, of the right schema.
	ranges := map[string][]string{
		"participant": {"Person", "Company"}, "owner": {"Person", "Company"}, "asset": {"Company", "Vessel", "Vehicle", "BankAccount"},
		"director": {"Person", "Company"}, "organization": {"Company"}, "employer": {"Company"}, "employee": {"Person"},
		"person": {"Person"}, "relative": {"Person"}, "associate": {"Person"}, "project": {"Project"}, "subject": {"Person", "Company"},
		"payer": {"Person", "Company", "LegalEntity"}, "beneficiary": {"Person", "Company", "LegalEntity"}, "addressEntity": {"Address"},
		"payerAccount": {"BankAccount"}, "beneficiaryAccount": {"BankAccount"},
	}
	for _, e := range entities {
		for _, prop := range exchange.FTMEntityProperties {
			for _, target := range e.Properties[prop] {
				schema, ok := ids[target]
				if !ok {
					t.Fatalf("%s: %s %s.%s points to %s, which is not in the file", ref, e.Schema, e.ID, prop, target)
				}
				if r, ok := ranges[prop]; ok && !slices.Contains(r, schema) {
					t.Fatalf("%s: %s.%s points to a %s", ref, e.Schema, prop, schema)
				}
			}
		}
		if isInterval(e.Schema) && len(e.Properties) < 2 {
			t.Fatalf("%s: %s %s links nothing", ref, e.Schema, e.ID)
		}
		if e.Schema == "Payment" && (len(e.Properties["payer"]) == 0 || len(e.Properties["beneficiary"]) == 0) {
			t.Fatalf("%s: Payment %s has no payer or no beneficiary: %v", ref, e.ID, e.Properties)
		}
	}
	return entities
}

func isInterval(schema string) bool {
	switch schema {
	case "ProjectParticipant", "UnknownLink", "Ownership", "Directorship", "Employment", "Family", "Associate", "Payment":
		return true
	}
	return false
}

// The documented example's vessel, company and person come out with FtM's
// identifiers: imoNumber, flag in lower case, and the phone folded into its user.
func TestFTMIdentifiers(t *testing.T) {
	w := mustOpen(t, "BEC")
	sum, err := exchange.Import(ctx, w, readExample(t))
	if err != nil {
		t.Fatal(err)
	}
	f, err := w.CaseFile(ctx, sum.Refs[0])
	if err != nil {
		t.Fatal(err)
	}
	entities, _ := exchange.FTMEntities(f)
	checkFTMLines(t, f.Case.Ref, func() []byte {
		var b bytes.Buffer
		exchange.WriteFTM(&b, f)
		return b.Bytes()
	}())
	bySchema := map[string][]exchange.FTMEntity{}
	for _, e := range entities {
		bySchema[e.Schema] = append(bySchema[e.Schema], e)
	}
	if len(bySchema["Vessel"]) != 1 || !strings.HasPrefix(bySchema["Vessel"][0].Properties["imoNumber"][0], "IMO") {
		t.Fatalf("vessel: %+v", bySchema["Vessel"])
	}
	if p := bySchema["Project"]; len(p) != 1 || p[0].Properties["projectId"][0] != f.Case.Ref {
		t.Fatalf("project: %+v", p)
	}
	for _, e := range entities {
		for _, c := range append(e.Properties["country"], e.Properties["flag"]...) {
			if c != strings.ToLower(c) {
				t.Fatalf("%s: country %q should be in lower case", e.Schema, c)
			}
		}
	}
}
