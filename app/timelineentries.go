package app

import (
	"cmp"
	"slices"
	"time"

	"bollard/model"
)

// TimelineKind is what an entry of a case's timeline is.
type TimelineKind int

// The kinds of timeline entry, in the order entries at the same moment
// are listed: what was observed, then what was seized, then what was done
// with the exhibits.
const (
	TimelineEvent TimelineKind = iota
	TimelineSeizure
	TimelineCustody
)

// TimelineEntry is one entry of a case's timeline: when, what kind, and
// the record it comes from. Only the field of its kind is set; a custody
// event carries the ref of its exhibit.
type TimelineEntry struct {
	At         time.Time
	Kind       TimelineKind
	Event      model.TimelineEvent
	Seizure    model.Seizure
	Custody    model.CustodyEvent
	ExhibitRef string
}

// CaseTimeline is everything that happened in the case, in one list: its
// events, its seizures and the custody events of its exhibits, oldest
// first, and at the same moment in the order of their kinds. The window's
// Timeline tab and the dossier both read it, so that both tell the same
// story with the same number of entries; each writes it in its own words.
func CaseTimeline(f CaseFile) []TimelineEntry {
	var out []TimelineEntry
	for _, e := range f.Timeline {
		out = append(out, TimelineEntry{At: e.At, Kind: TimelineEvent, Event: e})
	}
	for _, s := range f.Seizures {
		out = append(out, TimelineEntry{At: s.SeizedAt, Kind: TimelineSeizure, Seizure: s})
	}
	for _, x := range f.Evidence {
		for _, c := range x.Custody {
			out = append(out, TimelineEntry{At: c.At, Kind: TimelineCustody, Custody: c, ExhibitRef: x.Item.ExhibitRef})
		}
	}
	// Stable, so that entries of one kind at the same moment keep the
	// order they were recorded in.
	slices.SortStableFunc(out, func(a, b TimelineEntry) int {
		return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.Kind, b.Kind))
	})
	return out
}
