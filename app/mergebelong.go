package app

import (
	"encoding/json"
	"fmt"

	"bollard/model"
)

// A record belongs to its case. Records are matched by UUID, so a package
// whose seizure bore the UUID of a seizure of another case here would
// overwrite that one, in a case the package does not carry. Before
// anything is written, every incoming record is looked up by its UUID
// among every kind: one held here as another kind, or in another case, is
// refused, and with it the whole package.

// checkBelonging refuses the package when one of its records is, here,
// another kind of record or a record of another case.
func (m *merger) checkBelonging(byKind map[string][]model.Recorded) error {
	exhibitCase := map[string]string{} // the package's exhibits, by ID
	for _, r := range byKind[model.RecordEvidence] {
		exhibitCase[r.RecordID()] = r.(*model.EvidenceItem).CaseID
	}
	here := newRecordNames(m.b.tx)
	for _, k := range model.Kinds {
		for _, r := range byKind[k.Name] {
			if err := m.belongs(k, r, exhibitCase, here); err != nil {
				return err
			}
		}
	}
	return nil
}

// belongs checks one incoming record against whatever holds its UUID here.
func (m *merger) belongs(k model.Kind, r model.Recorded, exhibitCase map[string]string, here *recordNames) error {
	id := r.RecordID()
	for _, other := range model.Kinds {
		js, caseID, found, err := m.b.storedRecord(other.Name, id)
		if err != nil {
			return err
		}
		if !found {
			continue
		}
		theirCase, err := m.incomingCase(r, exhibitCase)
		if err != nil {
			return err
		}
		switch {
		case other.Name != k.Name:
		case k.Name == model.RecordCase || caseID == theirCase:
			return nil // the same record, in the same case (or one cases share)
		}
		return fmt.Errorf("the package's %s has the ID %s of %s here: a package cannot change a record of "+
			"another case or kind, so nothing was imported", model.Label(r, m.names, true), id,
			here.label(other.Name, id, js, true))
	}
	return nil
}

// incomingCase is the case an incoming record belongs to, as the package
// says: "" for the records cases share (entities, relations).
func (m *merger) incomingCase(r model.Recorded, exhibitCase map[string]string) (string, error) {
	var of struct {
		CaseID string `json:"case_id"`
		ItemID string `json:"item_id"`
	}
	if err := json.Unmarshal([]byte(recordJSON(r)), &of); err != nil {
		return "", err
	}
	if of.CaseID != "" || of.ItemID == "" {
		return of.CaseID, nil
	}
	if c, ok := exhibitCase[of.ItemID]; ok {
		return c, nil
	}
	item, err := m.b.tx.EvidenceByID(of.ItemID) // a custody event on an exhibit sent before
	if err != nil {
		return "", fmt.Errorf("%s: its exhibit: %w", model.Label(r, m.names, true), err)
	}
	return item.CaseID, nil
}
