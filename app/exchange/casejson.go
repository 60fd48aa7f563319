// Package exchange holds the file formats cases travel in: the signed case
// package (its container and its content document), the JSON form of a
// case that `case show --json` prints and `import` reads, spreadsheets of
// seizures (CSV) and FollowTheMoney export. It reads and writes them;
// what a package's records do to a workspace (merging, conflicts and their
// resolution) is app's: a package's content goes to app as an app.Bundle.
package exchange

import (
	"bollard/app"
	"bollard/model"
)

// The JSON case format. docs/case-json.md describes it field by field.
const (
	CaseFormat = "bollard-cases"
	// CaseFormatVersion 2 added a seizure's tobacco factors
	// (sticks_per_pack...); version 1 files read as before.
	CaseFormatVersion = 2
)

// Document is one or more cases with everything recorded in them.
type Document struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	Cases   []Case `json:"cases"`
}

// Case is a case with its seizures, entities (with their role in the case),
// relations, timeline, tasks and notes.
type Case struct {
	model.Case
	Seizures  []model.Seizure       `json:"seizures"`
	Entities  []Entity              `json:"entities"`
	Relations []model.Relation      `json:"relations"`
	Timeline  []model.TimelineEvent `json:"timeline"`
	Tasks     []model.Task          `json:"tasks"`
	Notes     []model.Note          `json:"notes"`
}

// Entity is an entity with the role it plays in the case. Relations name
// their two ends by an entity's id or, in a file written by hand, by its key.
type Entity struct {
	model.Entity
	Key      string         `json:"key,omitempty"`
	Role     model.CaseRole `json:"role"`
	RoleNote string         `json:"role_note,omitempty"`
	// Link is the identity and history of the entity's link to the case,
	// so that the link is the same record in every workspace.
	Link model.Record `json:"link,omitzero"`
}

// NewDocument puts case files into the JSON case format.
func NewDocument(files ...app.CaseFile) Document {
	d := Document{Format: CaseFormat, Version: CaseFormatVersion, Cases: []Case{}}
	for _, f := range files {
		c := Case{
			Case:      f.Case,
			Seizures:  orEmpty(f.Seizures),
			Entities:  []Entity{},
			Relations: orEmpty(f.Relations),
			Timeline:  orEmpty(f.Timeline),
			Tasks:     orEmpty(f.Tasks),
			Notes:     orEmpty(f.Notes),
		}
		for _, ce := range f.Entities {
			c.Entities = append(c.Entities, Entity{Entity: ce.Entity, Role: ce.Link.Role, RoleNote: ce.Link.Note, Link: ce.Link.Record})
		}
		d.Cases = append(d.Cases, c)
	}
	return d
}

// orEmpty makes an absent list print as [] rather than null, so that
// scripts reading the JSON need not tell the two apart.
func orEmpty[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}
