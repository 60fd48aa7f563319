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

// A payment from or to a bank account is drawn between the account's
// holders, the persons and companies the case says own it, with the
// accounts beside them; where the case names no holder, between stand-ins
// named for the accounts, one per account, each owning its account, with
// the same ID in every export.
func TestFTMPaymentsGoBetweenHolders(t *testing.T) {
	w, err := app.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := demo.Fill(ctx, w, demo.Options{Seed: 1}); err != nil {
		t.Fatal(err)
	}
	cases, err := w.Cases(ctx, model.CaseFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	checked, stoodIn := 0, 0
	for _, c := range cases {
		f, err := w.CaseFile(ctx, c.Ref)
		if err != nil {
			t.Fatal(err)
		}
		unowned, ok := withoutAccountOwners(f)
		if !ok {
			continue
		}
		for _, file := range []app.CaseFile{f, unowned} {
			entities, sum := exchange.FTMEntities(file)
			again, _ := exchange.FTMEntities(file)
			if !slices.EqualFunc(entities, again, func(a, b exchange.FTMEntity) bool { return a.ID == b.ID }) {
				t.Fatalf("%s: a second export has other IDs", c.Ref)
			}
			byID := map[string]exchange.FTMEntity{}
			for _, e := range entities {
				byID[e.ID] = e
			}
			owners := map[string][]string{} // account → its owners' FtM IDs
			accounts := map[string]string{} // account's FtM ID → its name
			for _, ce := range file.Entities {
				if ce.Entity.Kind == model.KindBankAccount {
					accounts["bollard-"+ce.Entity.ID] = ce.Entity.Name
				}
			}
			for _, r := range file.Relations {
				if _, isAccount := accounts["bollard-"+r.ToID]; r.Type == model.RelOwns && isAccount {
					owners["bollard-"+r.ToID] = append(owners["bollard-"+r.ToID], "bollard-"+r.FromID)
				}
			}
			standIns := map[string]string{} // account → its stand-in
			party := func(end string) []string {
				if _, isAccount := accounts[end]; !isAccount {
					return []string{end}
				}
				if len(owners[end]) > 0 {
					return owners[end]
				}
				return []string{standIns[end]}
			}
			for _, r := range file.Relations {
				from, to := "bollard-"+r.FromID, "bollard-"+r.ToID
				_, fromAccount := accounts[from]
				_, toAccount := accounts[to]
				if r.Type != model.RelPays || !fromAccount && !toAccount {
					continue
				}
				p, ok := byID["bollard-"+r.ID]
				if !ok || p.Schema != "Payment" {
					t.Fatalf("%s: %s pays %s is written as %+v", c.Ref, from, to, p)
				}
				for end, prop := range map[string]string{from: "payer", to: "beneficiary"} {
					account := prop + "Account"
					if _, isAccount := accounts[end]; !isAccount {
						if len(p.Properties[account]) > 0 {
							t.Fatalf("%s: %s of a payment from or to a party: %v", c.Ref, account, p.Properties)
						}
						continue
					}
					if !slices.Equal(p.Properties[account], []string{end}) {
						t.Fatalf("%s: %s %v, want %s", c.Ref, account, p.Properties[account], end)
					}
					if len(owners[end]) == 0 {
						holder := byID[ftmFirst(p.Properties[prop])]
						if holder.Schema != "LegalEntity" || holder.Properties["name"][0] != "Holder of account "+accounts[end] {
							t.Fatalf("%s: the stand-in holder of %s is %+v", c.Ref, accounts[end], holder)
						}
						if seen, ok := standIns[end]; ok && seen != holder.ID {
							t.Fatalf("%s: account %s has two stand-ins", c.Ref, accounts[end])
						}
						standIns[end] = holder.ID
						if !ownsAccount(entities, holder.ID, end) {
							t.Fatalf("%s: the stand-in %s does not own %s", c.Ref, holder.ID, end)
						}
					}
					if want := party(end); !slices.Equal(p.Properties[prop], want) {
						t.Fatalf("%s: %s %v, want %v (the account's holders)", c.Ref, prop, p.Properties[prop], want)
					}
				}
				checked++
			}
			if sum.StandIns != len(standIns) {
				t.Fatalf("%s: the summary counts %d stand-ins, the payments have %d", c.Ref, sum.StandIns, len(standIns))
			}
			stoodIn += sum.StandIns
		}
	}
	if checked == 0 || stoodIn == 0 {
		t.Fatalf("%d payments from or to accounts checked, %d stand-ins: the demo has none to check", checked, stoodIn)
	}
	t.Logf("%d payments from or to accounts, %d stand-in holders", checked, stoodIn)
}

func ownsAccount(entities []exchange.FTMEntity, owner, account string) bool {
	for _, e := range entities {
		if e.Schema == "Ownership" && slices.Equal(e.Properties["owner"], []string{owner}) && slices.Equal(e.Properties["asset"], []string{account}) {
			return true
		}
	}
	return false
}

func ftmFirst(values []string) string {
	if len(values) == 0 {
		return ""
	}
	return values[0]
}
