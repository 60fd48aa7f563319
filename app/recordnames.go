package app

import (
	"cmp"
	"encoding/json"
	"fmt"

	"bollard/model"
	"bollard/storage"
)

// recordNames knows what the records others point at are called by an
// investigator: a case by its ref, an entity by its kind and name, an
// exhibit by its exhibit ref. It is the model.Names the history, the
// conflicts and verify's findings label records with. Verify fills it in
// one pass over the workspace (learn); the history and the conflicts give
// it their transaction, and it reads a record the first time it is asked
// for it.
type recordNames struct {
	tx       *storage.Tx       // nil: only what was learnt
	cases    map[string]string // case ID -> ref
	entities map[string]string // entity ID -> "person Jorge Muñoz"
	exhibits map[string]string // evidence item ID -> exhibit ref
	read     map[string]bool   // kind/ID already read through tx
}

// newRecordNames makes the names of a workspace; tx, when not nil, reads
// the records it has not learnt.
func newRecordNames(tx *storage.Tx) *recordNames {
	return &recordNames{tx: tx, cases: map[string]string{}, entities: map[string]string{},
		exhibits: map[string]string{}, read: map[string]bool{}}
}

// learn remembers the name of a record, if it is of a kind others are
// named by.
func (n *recordNames) learn(r model.Recorded) {
	switch r := r.(type) {
	case *model.Case:
		n.cases[r.ID] = r.Ref
	case *model.Entity:
		n.entities[r.ID] = model.Label(r, n, false)
	case *model.EvidenceItem:
		n.exhibits[r.ID] = r.ExhibitRef
	}
}

// learnJSON remembers the name of a record read from its JSON.
func (n *recordNames) learnJSON(kind, recordJSON string) {
	switch kind {
	case model.RecordCase, model.RecordEntity, model.RecordEvidence:
		if r, err := model.RecordFromJSON(kind, recordJSON); err == nil {
			n.learn(r)
		}
	}
}

// lookUp reads a record not learnt yet through the transaction, once.
func (n *recordNames) lookUp(kind, id string) {
	if n.tx == nil || id == "" || n.read[kind+"/"+id] {
		return
	}
	n.read[kind+"/"+id] = true
	if r, err := n.tx.RecordByID(kind, id); err == nil {
		n.learn(r)
	}
}

// CaseRef is the case's ref, or "case <id>" for a case not known.
func (n *recordNames) CaseRef(id string) string {
	if _, ok := n.cases[id]; !ok {
		n.lookUp(model.RecordCase, id)
	}
	if ref := n.cases[id]; ref != "" {
		return ref
	}
	return "case " + id
}

// Entity is the entity's kind and name, or "entity <id>" for an entity not
// known.
func (n *recordNames) Entity(id string) string {
	if _, ok := n.entities[id]; !ok {
		n.lookUp(model.RecordEntity, id)
	}
	if name := n.entities[id]; name != "" {
		return name
	}
	return "entity " + id
}

// Exhibit is the evidence item's exhibit ref, or its ID when not known.
func (n *recordNames) Exhibit(id string) string {
	if _, ok := n.exhibits[id]; !ok {
		n.lookUp(model.RecordEvidence, id)
	}
	if ref := n.exhibits[id]; ref != "" {
		return ref
	}
	return id
}

// label names a record of any kind the audit trail holds from its JSON
// (an audit entry's before or after, a stored record, a conflict's
// incoming record): the kinds of a case as model.Label names them, and the
// workspace's partners and keys, which belong to no case. withCase names
// the case of a record that belongs to one.
func (n *recordNames) label(kind, id, recordJSON string, withCase bool) string {
	switch kind {
	case model.RecordPartner:
		var p struct {
			Name      string `json:"name"`
			Agency    string `json:"agency"`
			PublicKey string `json:"public_key"`
		}
		if recordJSON == "" || json.Unmarshal([]byte(recordJSON), &p) != nil {
			return kind + " " + id
		}
		return fmt.Sprintf("partner %s (%s, key %s)", p.Name, p.Agency, p.PublicKey)
	case model.RecordKey:
		return "the workspace's " + id + " key"
	case model.RecordPlainPackage:
		return "the unencrypted package " + id
	case model.RecordPlainWorkspace:
		return "the unencrypted workspace " + id
	case model.RecordKeyringUnlock:
		return "the keyring unlock " + id
	}
	return model.LabelJSON(kind, id, recordJSON, n, withCase)
}

// entryRecord names the record an audit entry is about, as the entry left
// it (or, for a removal, as it was).
func (n *recordNames) entryRecord(e model.AuditEntry, withCase bool) string {
	return n.label(e.RecordType, e.RecordID, cmp.Or(e.After, e.Before), withCase)
}
