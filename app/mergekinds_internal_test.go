package app

import (
	"testing"

	"bollard/model"
)

// Every kind of record that travels on its own has its merge rule: a new
// kind in model.Kinds is merged once its entry in appKinds says how.
func TestEveryKindThatTravelsHasAMergeRule(t *testing.T) {
	for _, k := range model.Kinds {
		rule := appKinds[k.Name].merge
		if k.Name == model.RecordAttachment { // travels with its exhibit
			if rule != nil {
				t.Errorf("attachments have a merge rule of their own: they would be added twice")
			}
			continue
		}
		if rule == nil {
			t.Errorf("kind %s has no merge rule in appKinds", k.Name)
		}
	}
}
