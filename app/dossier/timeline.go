package dossier

import (
	"sort"
	"time"
)

// timeline prints the case's events and its seizures in one chronology,
// oldest first: a prosecutor reads a case as a story, and the seizures are
// its turning points.
func (d *doc) timeline() {
	d.section("timeline")
	type entry struct {
		at          time.Time
		what, place string
		seizure     bool
		order       int
	}
	var entries []entry
	for i, e := range d.file.Timeline {
		what := d.text(e.Title)
		if e.Description != "" {
			what += "\n" + d.text(e.Description)
		}
		entries = append(entries, entry{e.At, what, d.text(e.Place), false, i})
	}
	for i, s := range d.file.Seizures {
		what := d.w.t("seizure") + " " + s.Ref + ": " + d.text(s.Description) + " (" +
			d.w.number(s.Quantity) + " " + d.w.unit(s.Unit) + ")"
		entries = append(entries, entry{s.SeizedAt, what, d.text(s.PlaceName), true, len(d.file.Timeline) + i})
	}
	if len(entries) == 0 {
		d.paragraph(d.w.t("none"), 10)
		return
	}
	// Stable, so that events at the same minute keep the order they were
	// recorded in.
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].at.Before(entries[j].at) })
	t := d.table(8,
		column{title: d.w.t("when") + " (UTC)", width: 28},
		column{title: d.w.t("event"), width: 107},
		column{title: d.w.t("place"), width: 45},
	)
	for _, e := range entries {
		if e.seizure {
			t.boldRow(d.w.writtenAt(e.at), e.what, e.place)
		} else {
			t.row(d.w.dateTime(e.at), e.what, e.place)
		}
	}
}
