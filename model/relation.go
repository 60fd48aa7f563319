package model

import (
	"strings"
	"time"
)

// RelationType is how one entity is tied to another.
type RelationType string

// The relation types. Each reads from the first entity to the second:
// "Muñoz Rojas Trading owns MSCU1234566".
const (
	RelOwns      RelationType = "owns"
	RelDirects   RelationType = "directs"
	RelEmploys   RelationType = "employs"
	RelAssociate RelationType = "associate"
	RelFamily    RelationType = "family"
	RelUses      RelationType = "uses"
	RelLocatedAt RelationType = "located_at"
	RelOperates  RelationType = "operates"
	RelPays      RelationType = "pays"
	RelShipsTo   RelationType = "ships_to"
)

// RelationTypes lists every relation type.
var RelationTypes = []RelationType{RelOwns, RelDirects, RelEmploys, RelAssociate, RelFamily, RelUses, RelLocatedAt, RelOperates, RelPays, RelShipsTo}

// Label is the relation as the officer reads it.
func (r RelationType) Label() string { return labelOf(nil, r) }

// ParseRelationType accepts a relation type's code or label.
func ParseRelationType(s string) (RelationType, error) {
	return parseChoice("relation", s, RelationTypes, nil)
}

// Source reliability (A–F) and information credibility (1–6) of the
// Admiralty (NATO) grading system that police and customs intelligence use.
const (
	Reliabilities = "ABCDEF"
	Credibilities = "123456"
)

// Relation ties two entities, with when it held, where the information came
// from and how far it can be trusted.
type Relation struct {
	Record
	FromID      string       `json:"from_id"`
	ToID        string       `json:"to_id"`
	Type        RelationType `json:"type"`
	Since       Date         `json:"since"`
	Until       Date         `json:"until"`
	Source      string       `json:"source"`
	Reliability string       `json:"reliability"` // A–F
	Credibility string       `json:"credibility"` // 1–6
	Note        string       `json:"note"`
}

// Grading is the Admiralty code, "B2".
func (r Relation) Grading() string { return r.Reliability + r.Credibility }

// Validate checks the relation. An ungraded relation is graded F6: source
// reliability and information credibility cannot be judged.
func (r *Relation) Validate(now time.Time) error {
	p := problems{record: "relation"}
	p.require("from", r.FromID)
	p.require("to", r.ToID)
	if r.FromID != "" && r.FromID == r.ToID {
		p.add("to", Invalid("to", "", "an entity cannot be related to itself"))
	}
	p.add("relation", checkChoice("relation", r.Type, RelationTypes))
	r.Reliability = strings.ToUpper(strings.TrimSpace(r.Reliability))
	r.Credibility = strings.TrimSpace(r.Credibility)
	if r.Reliability == "" {
		r.Reliability = "F"
	}
	if r.Credibility == "" {
		r.Credibility = "6"
	}
	if len(r.Reliability) != 1 || !strings.Contains(Reliabilities, r.Reliability) {
		p.add("source reliability", Invalid("source reliability", r.Reliability, "should be a letter from A (reliable) to F (cannot be judged)"))
	}
	if len(r.Credibility) != 1 || !strings.Contains(Credibilities, r.Credibility) {
		p.add("information credibility", Invalid("information credibility", r.Credibility, "should be a digit from 1 (confirmed) to 6 (cannot be judged)"))
	}
	p.add("since", checkNotFuture("since", r.Since, now))
	if !r.Since.IsZero() && !r.Until.IsZero() && r.Until.Before(r.Since) {
		p.add("until", Invalid("until", r.Until.String(), "cannot be before since (%s)", r.Since))
	}
	return p.err()
}
