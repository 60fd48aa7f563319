package app

import (
	"encoding/json"
	"testing"

	"bollard/model"
)

// Every kind of record is written by the one write path, so every kind
// needs its entry in the app's table, and the table names no other.
func TestEveryKindHasWriteRules(t *testing.T) {
	for _, k := range model.Kinds {
		if _, ok := appKinds[k.Name]; !ok {
			t.Errorf("no write rules for a %s", k.Name)
		}
	}
	for name := range appKinds {
		if _, ok := model.KindNamed(name); !ok {
			t.Errorf("write rules for %q, which is not a kind of record", name)
		}
	}
}

// An edit or a merged version of any kind keeps, from the stored record,
// the fields its kind never changes, and only those.
func TestEditKeepsTheFixedFieldsOfEveryKind(t *testing.T) {
	for _, k := range model.Kinds {
		t.Run(k.Name, func(t *testing.T) {
			stored, edit := k.New(), k.New()
			if err := json.Unmarshal(fixedValues(k, "stored"), stored); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(fixedValues(k, "edit"), edit); err != nil {
				t.Fatal(err)
			}
			keepFixed(k, edit, stored)
			got, want := jsonFields(t, edit), jsonFields(t, stored)
			for _, f := range k.Fixed {
				if string(got[f]) != string(want[f]) {
					t.Errorf("%s = %s after the edit, want the stored %s", f, got[f], want[f])
				}
			}
			if string(got["id"]) != `"edit"` {
				t.Errorf("id = %s: only the kind's fixed fields are taken from the stored record", got["id"])
			}
		})
	}
}

// fixedValues is a record of kind k as JSON whose fixed fields, and ID,
// hold values that say which side they came from.
func fixedValues(k model.Kind, side string) []byte {
	m := map[string]any{"id": side}
	for _, f := range k.Fixed {
		if f == "attachments" {
			m[f] = []map[string]string{{"id": side, "name": side + ".jpg"}}
			continue
		}
		m[f] = side + " " + f
	}
	js, _ := json.Marshal(m)
	return js
}

// jsonFields is a record's fields as JSON, by name.
func jsonFields(t *testing.T, r model.Recorded) map[string]json.RawMessage {
	t.Helper()
	js, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(js, &m); err != nil {
		t.Fatal(err)
	}
	return m
}
