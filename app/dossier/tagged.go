package dossier

import (
	"github.com/jung-kurt/gofpdf"

	"bollard/model"
)

// tagging makes the dossier a Tagged PDF 1.7 in its language, so that a
// screen reader reads it in the right voice and in order (headings,
// paragraphs, tables, photographs by their caption), reflow and copying
// follow the text rather than the page, and a viewer shows its title
// rather than a file name. The running heads and footers, rules and
// shading are artifacts the tree leaves out (gofpdf marks them: see
// third_party/gofpdf/tagged.go). Without a structure element open, a line
// of text becomes a paragraph of its own, so nothing printed is missing
// from the tree.
func (d *doc) tagging() {
	p := d.pdf
	p.SetLang(string(model.Languages[languageIndex(d.opt.Language)]))
	p.SetDisplayDocTitle(true)
	p.SetPDFVersion("1.7")
	p.SetTagged(true)
}

// beginTag opens a new structure element of role at the top of the tree
// (H1, H2, P, Table, Figure): what is printed until endTag is its content.
// alt, for a Figure, is read instead of what it shows.
func (d *doc) beginTag(role, alt string) {
	d.pdf.BeginStruct(d.pdf.AddStruct(gofpdf.StructRoot, role, alt))
}

// endTag closes the element beginTag opened.
func (d *doc) endTag() { d.pdf.EndStruct() }
