package dossier

import (
	"strings"

	"github.com/jung-kurt/gofpdf"
)

// column is one column of a table: its heading, its share of the width
// (in mm) and whether its figures line up on the right.
type column struct {
	title string
	width float64
	right bool
}

// table prints rows of wrapped cells. A row that does not fit under the
// last one goes to the next page, where the header row is printed again;
// a row taller than a whole page (a long note, a long chain of custody) is
// split between pages line by line rather than running off the bottom.
type table struct {
	d    *doc
	cols []column
	size float64 // font size in points
	clip bool    // one line a cell, clipped: for long listings like the annex
	n    int     // rows printed, for the shading of every other row
	// headerH is the height of the header row once printed. The header
	// waits for the first row, so that it never stands alone at the foot
	// of a page.
	headerH float64
	// tag is the table's structure element, made with its header row.
	tag int
}

const cellPad = 1.2 // mm of space around a cell's text

func (d *doc) table(size float64, cols ...column) *table {
	return &table{d: d, cols: cols, size: size}
}

func (t *table) lineH() float64 { return t.size * 0.42 }

func (t *table) header() {
	d, p := t.d, t.d.pdf
	d.font("B", t.size)
	// Header cells wrap too: a French or Portuguese heading is longer.
	cells := make([][]string, len(t.cols))
	lines := 1
	for i, c := range t.cols {
		cells[i] = d.wrap(c.title, c.width-2*cellPad)
		lines = max(lines, len(cells[i]))
	}
	h := float64(lines)*t.lineH() + 2*cellPad
	y := p.GetY()
	p.SetFillColor(headingInk[0], headingInk[1], headingInk[2])
	p.Rect(marginLeft, y, t.total(), h, "F")
	p.SetTextColor(255, 255, 255)
	if t.headerH == 0 {
		t.tag = p.AddStruct(gofpdf.StructRoot, "Table", "")
		t.drawLines(cells, y, 0, lines, false, t.rowTags("TH"))
	} else {
		// Repeated on the next page for the eye; read once.
		p.BeginArtifact()
		t.drawLines(cells, y, 0, lines, false, nil)
		p.EndArtifact()
	}
	p.SetTextColor(0, 0, 0)
	p.SetY(y + h)
	t.headerH = h
}

func (t *table) total() float64 {
	var w float64
	for _, c := range t.cols {
		w += c.width
	}
	return w
}

// row prints one row. Cells beyond the columns are ignored; missing ones
// are blank.
func (t *table) row(cells ...string) { t.styledRow("", cells...) }

// boldRow prints a row in bold: a total.
func (t *table) boldRow(cells ...string) { t.styledRow("B", cells...) }

func (t *table) styledRow(style string, cells ...string) {
	d, p := t.d, t.d.pdf
	d.font(style, t.size)
	wrapped := make([][]string, len(t.cols))
	lines := 1
	for i, c := range t.cols {
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		if t.clip {
			wrapped[i] = []string{d.clip(text, c.width-2*cellPad)}
		} else {
			wrapped[i] = d.wrap(text, c.width-2*cellPad)
		}
		lines = max(lines, len(wrapped[i]))
	}
	shade := t.n%2 == 1
	rowH := float64(lines)*t.lineH() + 2*cellPad
	if t.n == 0 {
		if p.GetY()+2*t.lineH()+2*cellPad+min(rowH, 4*t.lineH()) > bodyBottom {
			p.AddPage()
		}
		t.header()
		d.font(style, t.size)
	}
	t.n++
	tags := t.rowTags("TD")
	// A row that fits on a page of its own is never split: it moves whole.
	if p.GetY()+rowH > bodyBottom && rowH <= bodyBottom-bodyTop-t.headerH {
		p.AddPage()
		t.header()
		d.font(style, t.size)
	}
	for from := 0; from < lines; {
		y := p.GetY()
		fit := int((bodyBottom - y - 2*cellPad) / t.lineH())
		if fit < 1 {
			p.AddPage()
			t.header()
			d.font(style, t.size)
			continue
		}
		to := min(lines, from+fit)
		h := float64(to-from)*t.lineH() + 2*cellPad
		if shade {
			p.SetFillColor(shadeGrey[0], shadeGrey[1], shadeGrey[2])
			p.Rect(marginLeft, y, t.total(), h, "F")
		}
		t.drawLines(wrapped, y, from, to, true, tags)
		p.SetDrawColor(ruleGrey[0], ruleGrey[1], ruleGrey[2])
		p.SetLineWidth(0.1)
		p.Line(marginLeft, y+h, marginLeft+t.total(), y+h)
		p.SetY(y + h)
		from = to
		if from < lines {
			p.AddPage()
			t.header()
			d.font(style, t.size)
		}
	}
}

// rowTags adds a row to the table's structure and returns the structure
// elements of its cells, of role TH or TD.
func (t *table) rowTags(role string) []int {
	p := t.d.pdf
	row := p.AddStruct(t.tag, "TR", "")
	tags := make([]int, len(t.cols))
	for i := range tags {
		tags[i] = p.AddStruct(row, role, "")
	}
	return tags
}

// drawLines prints lines from..to of every cell of a row starting at y,
// each cell's into its structure element in tags (nil for none).
func (t *table) drawLines(cells [][]string, y float64, from, to int, body bool, tags []int) {
	p := t.d.pdf
	x := marginLeft
	for i, c := range t.cols {
		if tags != nil {
			p.BeginStruct(tags[i])
		}
		align := "L"
		if c.right && body {
			align = "R"
		}
		for l := from; l < to && l < len(cells[i]); l++ {
			if cells[i][l] == "" {
				continue
			}
			p.SetXY(x+cellPad, y+cellPad+float64(l-from)*t.lineH())
			p.CellFormat(c.width-2*cellPad, t.lineH(), cells[i][l], "", 0, align, false, 0, "")
		}
		if tags != nil {
			p.EndStruct()
		}
		x += c.width
	}
}

// labelWidth is the width a column needs to hold the labels keys in style
// and size without breaking a word, in whichever language prints them
// longest, so that a column is as wide in a French dossier as in an
// English one and "Evaluación" never breaks in two.
func (d *doc) labelWidth(style string, size float64, keys ...string) float64 {
	return d.measureLabels(style, size, strings.Fields, keys)
}

// lineWidth is the width a column needs to hold the labels keys whole on
// one line, in whichever language prints them longest.
func (d *doc) lineWidth(style string, size float64, keys ...string) float64 {
	return d.measureLabels(style, size, func(s string) []string { return []string{s} }, keys)
}

func (d *doc) measureLabels(style string, size float64, split func(string) []string, keys []string) float64 {
	d.font(style, size)
	var w float64
	for _, k := range keys {
		for _, l := range labels[k] {
			for _, part := range split(l) {
				w = max(w, d.width(part))
			}
		}
	}
	return w + 2*cellPad + 0.5
}

// gap leaves some space after a table.
func (d *doc) gap() { d.pdf.Ln(3) }
