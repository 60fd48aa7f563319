package dossier

// summary prints the case summary as the lead officer wrote it, with the
// counts of what the dossier holds, so that a reader knows at once how much
// follows.
func (d *doc) summary() {
	d.section("summary")
	f := d.file
	if f.Case.Summary == "" {
		d.paragraph(d.w.t("none"), 10)
	} else {
		d.paragraph(d.text(f.Case.Summary), 10)
	}
	d.gap()
	t := d.table(9, column{title: d.w.t("contents"), width: 90}, column{title: d.w.t("total"), width: 30, right: true})
	counts := []struct {
		key string
		n   int
	}{
		{"seizures", len(f.Seizures)},
		{"entities", countEntities(f.Entities)},
		{"relation list", len(f.Relations)},
		{"timeline", len(f.Timeline)},
		{"evidence", len(f.Evidence)},
		{"photos", len(d.photoList())},
		{"tasks", len(f.Tasks)},
		{"notes", len(f.Notes)},
	}
	for _, c := range counts {
		t.row(d.w.t(c.key), d.w.number(float64(c.n)))
	}
}
