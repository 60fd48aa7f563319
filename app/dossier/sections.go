package dossier

import (
	"fmt"
	"strings"
)

// Section is one part of the dossier after the cover and the table of
// contents, which every dossier has: the cover carries the marking and says
// what the document is, the contents say what it holds.
type Section string

// The sections, in the order a prosecutor reads a case file: what the case
// is, what happened, what was seized, who is involved and how they connect,
// what proves it, what is being done, and where each fact came from.
const (
	SectionSummary   Section = "summary"
	SectionTimeline  Section = "timeline"
	SectionSeizures  Section = "seizures"
	SectionEntities  Section = "entities"
	SectionRelations Section = "relations"
	SectionEvidence  Section = "evidence"
	SectionPhotos    Section = "photos"
	SectionTasks     Section = "tasks"
	SectionNotes     Section = "notes"
	SectionAnnex     Section = "annex"
)

// Sections lists every section in the order the dossier prints them.
var Sections = []Section{
	SectionSummary, SectionTimeline, SectionSeizures, SectionEntities, SectionRelations,
	SectionEvidence, SectionPhotos, SectionTasks, SectionNotes, SectionAnnex,
}

// ParseSections reads a comma-separated list of section names
// ("seizures,entities"). The dossier keeps its own order whatever the order
// of the list, so that two dossiers of the same case always read alike.
// An empty list means every section.
func ParseSections(list string) ([]Section, error) {
	if strings.TrimSpace(list) == "" {
		return Sections, nil
	}
	chosen := map[Section]bool{}
	for _, name := range strings.Split(list, ",") {
		s := Section(strings.ToLower(strings.TrimSpace(name)))
		if s == "" {
			continue
		}
		if !s.valid() {
			return nil, fmt.Errorf("unknown dossier section %q (choose from %s)", name, SectionNames())
		}
		chosen[s] = true
	}
	var out []Section
	for _, s := range Sections {
		if chosen[s] {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no dossier section named (choose from %s)", SectionNames())
	}
	return out, nil
}

// SectionNames is the list of section names, for help texts and errors.
func SectionNames() string {
	names := make([]string, len(Sections))
	for i, s := range Sections {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

func (s Section) valid() bool {
	for _, v := range Sections {
		if v == s {
			return true
		}
	}
	return false
}
