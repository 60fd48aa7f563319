package app

import (
	"testing"

	"bollard/model"
)

// Every kind of record that travels on its own has its merge rule: a new
// kind in model.Kinds is merged once it has one.
func TestEveryKindThatTravelsHasAMergeRule(t *testing.T) {
	for _, k := range model.Kinds {
		rule, ok := mergeRules[k.Name]
		if k.Name == model.RecordAttachment { // travels with its exhibit
			if ok {
				t.Errorf("attachments have a merge rule of their own: they would be added twice")
			}
			continue
		}
		if !ok || rule.label == nil || rule.insert == nil {
			t.Errorf("kind %s has no merge rule (label and insert)", k.Name)
		}
	}
}
