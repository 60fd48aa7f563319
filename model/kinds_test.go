package model

import "testing"

// Every kind in the table reads into a record of itself, once.
func TestKindsReadIntoTheirOwnRecords(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range Kinds {
		if seen[k.Name] {
			t.Errorf("kind %q is in Kinds twice", k.Name)
		}
		seen[k.Name] = true
		if got := k.New().RecordKind(); got != k.Name {
			t.Errorf("kind %q: New makes a %q", k.Name, got)
		}
		if got := KindOf(k.New()).Name; got != k.Name {
			t.Errorf("KindOf(a new %q) = %q", k.Name, got)
		}
		if k.Ref != "" && !k.FixedField(k.Ref) {
			t.Errorf("kind %q: its ref %q can change", k.Name, k.Ref)
		}
	}
	if _, ok := KindNamed("partner"); ok {
		t.Error("a partner is not a kind of record a case holds")
	}
	if !KindOf(&Seizure{}).FixedField("created_by") || KindOf(&Seizure{}).FixedField("quantity") {
		t.Error("a seizure's bookkeeping is fixed and its quantity is not")
	}
}
