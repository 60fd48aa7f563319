package dossier

import "slices"

// summary prints the case summary as the lead officer wrote it, with the
// counts of what the dossier holds, so that a reader knows at once how much
// follows.
func (d *doc) summary() {
	d.section("summary")
	if d.file.Case.Summary == "" {
		d.paragraph(d.w.t("none"), 10)
	} else {
		d.paragraph(d.text(d.file.Case.Summary), 10)
	}
	d.gap()
	// What this dossier holds, section by section, as each prints it. A
	// section with nothing in it is left out of the dossier, and of this
	// table: a row of 0 would name a section the reader cannot find.
	t := d.table(9, column{title: d.w.t("in this dossier"), width: 90}, column{title: d.w.t("total"), width: 30, right: true})
	for _, c := range countedSections {
		if slices.Contains(d.sections, c.section) {
			t.row(d.w.t(c.key), d.w.count(d.count(c.section)))
		}
	}
}
