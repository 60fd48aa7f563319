package dossier

import (
	"strings"

	"bollard/app"
)

// timeline prints everything that happened in the case in one chronology,
// oldest first, as the window's Timeline tab lists it (app.CaseTimeline):
// the events, the seizures, which are the story's turning points and print
// in bold, and what was done with each exhibit.
func (d *doc) timeline() {
	d.section("timeline")
	t := d.table(8,
		column{title: d.w.t("when") + " (UTC)", width: 28},
		column{title: d.w.t("event"), width: 107},
		column{title: d.w.t("place"), width: 45},
	)
	for _, en := range app.CaseTimeline(d.file) {
		switch en.Kind {
		case app.TimelineEvent:
			e := en.Event
			what := d.text(e.Title)
			if e.Description != "" {
				what += "\n" + d.text(e.Description)
			}
			t.row(d.w.dateTime(en.At), what, d.text(e.Place))
		case app.TimelineSeizure:
			s := en.Seizure
			what := d.w.t("seizure") + " " + s.Ref + ": " + d.text(s.Description) + " (" +
				d.w.number(s.Quantity) + " " + d.w.unit(s.Unit) + ")"
			t.boldRow(d.w.writtenAt(en.At), what, d.text(s.PlaceName))
		case app.TimelineCustody:
			c := en.Custody
			what := en.ExhibitRef + " " + strings.ToUpper(d.w.choice("custody", string(c.Action)))
			what = joinNonEmpty(": ", what, d.custodyHand(c))
			t.row(d.w.dateTime(en.At), what, d.text(c.Place))
		}
	}
}
