package dossier

// Refs (a case's "ESA-2026-0001", an exhibit's "ESA-2026-0001/EX-001", a
// seizure's "SZ-0001") are how a court cites a record: broken over two
// lines ("…/E" over "X-001") they read as two things and cannot be found
// by searching the PDF. The wrap breaks a word only when it is wider than
// its column, so a column that holds refs is made as wide as its longest
// ref, taking the room from a column of prose beside it.

// refColumn is the width of a column holding refs in style and size: at
// least least, and wide enough for the longest of refs on one line, up to
// most. A ref imported from another system may be of any length; past
// most the prose beside it would have no room, and such a ref breaks.
func (d *doc) refColumn(style string, size, least, most float64, refs []string) float64 {
	d.font(style, size)
	w := least
	for _, r := range refs {
		w = max(w, d.width(r)+2*cellPad+0.5)
	}
	return min(w, max(least, most))
}
