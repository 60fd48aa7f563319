package dossier

// sectionWithheld is the closing page of a redacted dossier, which says
// what it withheld. It is not a section an officer picks: every redacted
// dossier has it, and no other.
const sectionWithheld Section = "what withheld"

// withheldPage lists what the dossier withheld, by class, with counts
// only: a reader learns that three phone numbers were left out, never
// which. A class with nothing withheld is not listed.
func (d *doc) withheldPage() {
	d.section(string(sectionWithheld))
	counts := d.withheldCounts()
	if len(counts) == 0 {
		d.paragraph(d.w.t("nothing withheld"), 10)
		return
	}
	d.paragraph(d.w.t("withheld intro"), 10)
	d.gap()
	t := d.table(9, column{title: d.w.t("withheld class"), width: 90}, column{title: d.w.t("total"), width: 30, right: true})
	for _, c := range counts {
		t.row(d.w.t(c.key), d.w.number(float64(c.n)))
	}
}
