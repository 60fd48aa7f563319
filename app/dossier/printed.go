package dossier

import (
	"bollard/app"
	"bollard/model"
)

// hasContent says whether section s has anything to print. A section with
// nothing in it is left out of the dossier and of its contents: an empty
// page headed "Photographs" makes a reader look for what is not there.
// The summary (the case as the officer wrote it, and the counts) and the
// annex (the case record, at least) always have something.
func (d *doc) hasContent(s Section) bool {
	switch s {
	case SectionSummary, SectionAnnex, sectionWithheld:
		// The withheld page says so even when nothing was withheld.
		return true
	}
	return d.count(s) > 0
}

// count is how many entries section s prints: the figure the summary's
// counts table gives for it, and what decides whether it is printed.
func (d *doc) count(s Section) int {
	f := d.file
	switch s {
	case SectionTimeline:
		return len(app.CaseTimeline(f))
	case SectionSeizures:
		return len(f.Seizures)
	case SectionEntities:
		return countEntities(f.Entities)
	case SectionRelations:
		return len(d.chartRelations())
	case SectionEvidence:
		return len(f.Evidence)
	case SectionPhotos:
		if d.opt.Photo == nil {
			return 0
		}
		return len(d.photoList())
	case SectionTasks:
		return len(f.Tasks)
	case SectionNotes:
		return len(f.Notes)
	}
	return 0
}

// countedSections are the sections the summary's counts table lists, by
// the label of what they count.
var countedSections = []struct {
	section Section
	key     string
}{
	{SectionSeizures, "seizures"},
	{SectionEntities, "entities"},
	{SectionRelations, "relation list"},
	{SectionTimeline, "timeline"},
	{SectionEvidence, "evidence"},
	{SectionPhotos, "photos"},
	{SectionTasks, "tasks"},
	{SectionNotes, "notes"},
}

// chartRelations are the relations the relationship section prints: those
// between two entities of the case (a relation to an entity no longer
// linked to it would name someone the dossier does not otherwise show).
func (d *doc) chartRelations() []model.Relation {
	inCase := map[string]bool{}
	for _, ce := range d.file.Entities {
		inCase[ce.Entity.ID] = true
	}
	var rels []model.Relation
	for _, r := range d.file.Relations {
		if inCase[r.FromID] && inCase[r.ToID] {
			rels = append(rels, r)
		}
	}
	return rels
}
