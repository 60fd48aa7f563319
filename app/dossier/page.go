package dossier

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"

	"bollard/model"
)

// The page is A4, the paper every partner in the corridors prints on
// except North America, where A4 still prints whole on Letter at 97%.
const (
	pageWidth    = 210.0
	pageHeight   = 297.0
	marginLeft   = 15.0
	marginRight  = 15.0
	bodyTop      = 22.0
	bodyBottom   = pageHeight - 22.0
	contentWidth = pageWidth - marginLeft - marginRight
	fontFamily   = "sans"
)

var (
	markingRed = [3]int{170, 0, 0}
	inkGrey    = [3]int{90, 90, 90}
	headingInk = [3]int{18, 42, 84}
	ruleGrey   = [3]int{170, 170, 170}
	shadeGrey  = [3]int{242, 242, 242}
)

// header runs at the top of every page: the handling marking, then which
// case this page belongs to, so that a loose page still says what it is
// and how it must be handled.
func (d *doc) header() {
	p := d.pdf
	d.markingLine(6)
	d.font("", 7)
	d.color(inkGrey)
	p.SetXY(marginLeft, 12)
	p.CellFormat(contentWidth/2, 4, d.clip(d.file.Case.Ref+" · "+d.title(), contentWidth/2), "", 0, "L", false, 0, "")
	p.SetXY(marginLeft+contentWidth/2, 12)
	p.CellFormat(contentWidth/2, 4, d.clip(d.running, contentWidth/2), "", 0, "R", false, 0, "")
	d.rule(17)
	d.color([3]int{0, 0, 0})
	p.SetXY(marginLeft, bodyTop)
}

// footer runs at the bottom of every page: who generated the dossier and
// when, page X of Y (so that a missing page is noticed), and the marking again.
func (d *doc) footer() {
	p := d.pdf
	d.rule(pageHeight - 19)
	d.font("", 7)
	d.color(inkGrey)
	p.SetXY(marginLeft, pageHeight-18)
	who := d.file.Case.Ref + " · " + d.w.t("generated") + " " + d.w.day(d.opt.Date) + " · " + d.officer()
	p.CellFormat(contentWidth*0.75, 4, d.clip(who, contentWidth*0.75), "", 0, "L", false, 0, "")
	total := d.totalPages
	if total == 0 {
		total = p.PageNo() // the measuring pass does not know it yet
	}
	p.SetXY(marginLeft+contentWidth*0.75, pageHeight-18)
	p.CellFormat(contentWidth*0.25, 4, d.w.tf("page of", d.w.count(p.PageNo()), d.w.count(total)), "", 0, "R", false, 0, "")
	d.markingLine(pageHeight - 12)
	d.color([3]int{0, 0, 0})
}

// markingLine prints the marking across the page at y, in a smaller type
// when a long one ("RESTREINT UE/EU RESTRICTED – ...") would not fit.
func (d *doc) markingLine(y float64) {
	d.fitFont("B", d.marking, 9, 6, contentWidth)
	d.color(markingRed)
	d.pdf.SetXY(marginLeft, y)
	d.pdf.CellFormat(contentWidth, 5, d.clip(d.marking, contentWidth), "", 0, "C", false, 0, "")
}

// fitFont sets the largest size from largest down to smallest at which
// text fits in width, and says whether it fits at all.
func (d *doc) fitFont(style, text string, largest, smallest, width float64) bool {
	size := largest
	d.font(style, size)
	for d.width(text) > width && size > smallest {
		size = max(smallest, size-0.5)
		d.font(style, size)
	}
	return d.width(text) <= width
}

// officer is who generated the dossier, as its footer, cover and metadata
// name them.
func (d *doc) officer() string { return d.author(d.opt.Officer.Author()) }

// author is an officer as the dossier names them: by name and agency, and
// in a redacted dossier by the agency alone, since an officer's name is
// personal data too and the partner deals with the agency. The chain of
// custody is the exception (custodyLine): a handler is named there because
// the chain is evidence only with the names of who held the exhibit.
func (d *doc) author(a model.Author) string {
	if d.opt.Redact {
		return a.Agency
	}
	return a.String()
}

func (d *doc) font(style string, size float64) {
	d.pdf.SetFont(fontFamily, style, size)
	d.style, d.size = style, size
}

func (d *doc) color(c [3]int) { d.pdf.SetTextColor(c[0], c[1], c[2]) }

func (d *doc) rule(y float64) {
	d.pdf.SetDrawColor(ruleGrey[0], ruleGrey[1], ruleGrey[2])
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(marginLeft, y, pageWidth-marginRight, y)
}

// section starts a section on a new page, with its heading, its bookmark
// in the PDF's outline and the anchor the table of contents links to.
func (d *doc) section(key string) {
	d.running = d.w.t(key)
	d.pdf.AddPage()
	d.starts[key] = d.pdf.PageNo()
	if link, ok := d.links[key]; ok {
		d.pdf.SetLink(link, -1, d.pdf.PageNo())
	}
	d.font("B", 15)
	d.color(headingInk)
	d.pdf.Bookmark(d.w.t(key), 0, -1)
	d.pdf.SetX(marginLeft)
	d.beginTag("H1", "")
	d.pdf.CellFormat(contentWidth, 9, d.w.t(key), "", 1, "L", false, 0, "")
	d.endTag()
	d.color([3]int{0, 0, 0})
	d.pdf.Ln(2)
}

// subheading heads a part of a section, starting a new page when fewer
// than a few lines would fit under it.
func (d *doc) subheading(text string) {
	if d.pdf.GetY()+20 > bodyBottom {
		d.pdf.AddPage()
	} else {
		d.pdf.Ln(3)
	}
	d.font("B", 11)
	d.color(headingInk)
	d.pdf.Bookmark(text, 1, -1)
	d.pdf.SetX(marginLeft)
	d.beginTag("H2", "")
	d.pdf.CellFormat(contentWidth, 7, text, "", 1, "L", false, 0, "")
	d.endTag()
	d.color([3]int{0, 0, 0})
	d.pdf.Ln(1)
}

// paragraph prints wrapped text across the body, breaking pages as needed.
func (d *doc) paragraph(text string, size float64) {
	d.font("", size)
	lineH := size * 0.45
	d.beginTag("P", "")
	defer d.endTag()
	for _, line := range d.wrap(text, contentWidth) {
		if d.pdf.GetY()+lineH > bodyBottom {
			d.pdf.AddPage()
		}
		d.pdf.SetX(marginLeft)
		d.pdf.CellFormat(contentWidth, lineH, line, "", 1, "L", false, 0, "")
	}
}

// width measures text in the current font. gofpdf's own measure walks the
// font's tables for every call; the dossier measures every word of every
// cell, so rune widths are remembered per style.
func (d *doc) width(s string) float64 {
	var w float64
	for _, r := range s {
		w += d.runeWidth(r)
	}
	return w
}

// runeWidth is the width of one rune in the current font.
func (d *doc) runeWidth(r rune) float64 {
	cache := d.widths[d.style]
	if cache == nil {
		cache = map[rune]float64{}
		d.widths[d.style] = cache
	}
	cw, ok := cache[r]
	if !ok {
		cw = d.pdf.GetStringWidth(string(r)) / d.size
		cache[r] = cw
	}
	return cw * d.size
}

// wrap breaks text into lines no wider than width in the current font:
// at spaces where it can, inside a word (a hash, a wallet address) where
// it must, and at every line break the officer typed. Every rune is
// measured a bounded number of times, so a field of one unbroken megabyte
// costs what a megabyte of words does.
func (d *doc) wrap(text string, width float64) []string {
	var lines []string
	space := d.width(" ")
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line, lineW := "", 0.0
		for _, word := range d.shortWords(para) {
			wordW := d.width(word)
			if line != "" && lineW+space+wordW <= width {
				line, lineW = line+" "+word, lineW+space+wordW
				continue
			}
			if line == "" && wordW <= width {
				line, lineW = word, wordW
				continue
			}
			if line != "" {
				lines = append(lines, line)
			}
			for wordW > width {
				cut, cutW := d.fit(word, width)
				lines = append(lines, word[:cut])
				word, wordW = word[cut:], wordW-cutW
			}
			line, lineW = word, wordW
		}
		lines = append(lines, line)
	}
	return lines
}

// longestWord is the most of one unbroken word (a run of characters with
// no space) that the dossier prints, in characters: a hash, a wallet
// address or a URL is far shorter, and a pasted block of base64 or a list
// of hashes with no spaces (some ten pages) still prints whole. Past it, a
// pasted dump or a hostile package's megabyte of one "word" would print as
// a thousand pages that no reader can use; the dossier prints its start and
// says, where the text stops, how much it left out, and the case file
// keeps every character.
const longestWord = 20000

// shortWords splits a paragraph into words, cutting any word longer than
// longestWord and saying, in the dossier's language, how much was cut.
func (d *doc) shortWords(para string) []string {
	words := strings.Fields(para)
	for i := 0; i < len(words); i++ {
		w := words[i]
		if len(w) <= longestWord {
			continue
		}
		n := utf8.RuneCountInString(w)
		if n <= longestWord {
			continue
		}
		cut := 0
		for range longestWord {
			_, size := utf8.DecodeRuneInString(w[cut:])
			cut += size
		}
		note := strings.Fields(d.w.tf("word cut", d.w.count(n-longestWord)))
		words = slices.Concat(words[:i], []string{w[:cut] + "…"}, note, words[i+1:])
		i += len(note)
	}
	return words
}

// fit is how many bytes of s fit in width, at least one rune, and their
// width. It measures rune by rune, never the whole of s.
func (d *doc) fit(s string, width float64) (n int, w float64) {
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		rw := d.runeWidth(r)
		if w+rw > width && n > 0 {
			break
		}
		n, w = n+size, w+rw
	}
	return n, w
}

// clip shortens text to one line of width, ending it with an ellipsis.
func (d *doc) clip(s string, width float64) string {
	if d.width(s) <= width {
		return s
	}
	cut, _ := d.fit(s, width-d.width("…"))
	return strings.TrimRight(s[:cut], " ") + "…"
}

// text is free text as the dossier may print it (redacted when asked).
func (d *doc) text(s string) string { return d.red.text(s) }

// newPDF makes an empty A4 document with the embedded fonts.
func newPDF(regular, bold []byte) *gofpdf.Fpdf {
	p := gofpdf.New("P", "mm", "A4", "")
	p.SetMargins(marginLeft, bodyTop, marginRight)
	p.SetAutoPageBreak(true, pageHeight-bodyBottom)
	// gofpdf indents text 1 mm inside every cell by default; the dossier
	// measures and pads its cells itself, and a hidden indent would push
	// a line that was measured to fit past the margin.
	p.SetCellMargin(0)
	p.AddUTF8FontFromBytes(fontFamily, "", regular)
	p.AddUTF8FontFromBytes(fontFamily, "B", bold)
	return p
}
