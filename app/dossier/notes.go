package dossier

// notes prints the case notes as written, each under its date and author:
// notes are never edited, so each stands as a dated statement.
func (d *doc) notes() {
	d.section("notes")
	if len(d.file.Notes) == 0 {
		d.paragraph(d.w.t("none"), 10)
		return
	}
	p := d.pdf
	for _, n := range d.file.Notes {
		if p.GetY()+14 > bodyBottom {
			p.AddPage()
		}
		d.font("B", 9)
		d.color(headingInk)
		p.SetX(marginLeft)
		p.CellFormat(contentWidth, 5, joinNonEmpty(" · ", d.w.dateTime(n.CreatedAt), d.author(n.CreatedBy)), "", 1, "L", false, 0, "")
		d.color([3]int{0, 0, 0})
		d.paragraph(d.text(n.Body), 9)
		p.Ln(3)
	}
}
