// Package dossier writes a case dossier: the PDF a task force hands a
// prosecutor or a partner agency, in their language, marked for handling
// on every page, and printable offline in seconds.
package dossier

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"

	"bollard/app"
	"bollard/assets"
	"bollard/model"
)

// Options say how to write a dossier.
type Options struct {
	// Language of the labels and headings; data is printed as recorded.
	// English when empty or unknown.
	Language model.Language
	// Redact makes the non-nominal version: persons by pseudonyms, their
	// names, birth dates and document numbers and the case's contacts,
	// addresses and vehicles withheld wherever they are written, the title
	// replaced (see RedactedTitle), and a closing page that says what was
	// withheld (redact.go).
	Redact bool
	// RedactedTitle is the title a redacted dossier prints instead of the
	// case's, written by the officer for the purpose. When empty, a
	// redacted dossier is titled by its ref and a neutral description.
	// Write refuses one that holds a nominal value, saying which kind.
	RedactedTitle string
	// Marking overrides the case's handling marking on every page.
	Marking string
	// Sections to include after the cover and contents; all when nil.
	Sections []Section
	// Officer generates the dossier: named in every footer and as the
	// PDF's author (in a redacted dossier, by the agency alone).
	Officer model.Officer
	// Date is when the dossier is generated, printed on it and stamped in
	// its metadata. Now when zero; a fixed date makes the same case give
	// the same bytes, which is how tests and a second copy are checked.
	// It may be no earlier than the case's latest change and no later
	// than today (CheckDate).
	Date time.Time
	// Version is Bollard's version, printed on the cover.
	Version string
	// Photo opens an attached file by its SHA-256. Photographs are left
	// out when it is nil.
	Photo func(sha256 string) (io.ReadCloser, error)
	// Progress, when set, is told how many of the steps are done.
	Progress func(done, total int)
}

// MaxMarking is the longest handling marking a dossier prints: as long as
// the marking of a case may be, so that any fits on the cover and in every
// header and footer.
const MaxMarking = 60

// CheckMarking says whether a marking may override the case's.
func CheckMarking(marking string) error {
	if n := utf8.RuneCountInString(strings.TrimSpace(marking)); n > MaxMarking {
		return fmt.Errorf("the marking should be at most %d characters (it has %d)", MaxMarking, n)
	}
	return nil
}

// doc is one rendering of a dossier.
type doc struct {
	pdf     *gofpdf.Fpdf
	file    app.CaseFile
	opt     Options
	w       words
	red     redactor
	marking string
	running string // the section being printed, in the running head
	// sections are those of opt.Sections that have something to print:
	// a section with nothing in it is left out, and out of the contents.
	sections []Section

	// measuring is the first pass, which lays the dossier out only to learn
	// on which page each section starts and how many pages there are, so
	// that the second can print the contents and "page X of Y" exactly.
	measuring  bool
	starts     map[string]int
	links      map[string]int
	totalPages int

	style  string
	size   float64
	widths map[string]map[rune]float64
}

// Write writes the dossier of the case file f to out and returns how many
// pages it has.
func Write(ctx context.Context, out io.Writer, f app.CaseFile, opt Options) (pages int, err error) {
	if err := CheckMarking(opt.Marking); err != nil {
		return 0, fmt.Errorf("dossier: %w", err)
	}
	if err := CheckDate(f, opt.Date, time.Now()); err != nil {
		return 0, fmt.Errorf("dossier: %w", err)
	}
	if opt.Date.IsZero() {
		opt.Date = time.Now()
	}
	opt.Date = opt.Date.UTC().Truncate(time.Second)
	if opt.Sections == nil {
		opt.Sections = Sections
	}
	if err := checkRedactedTitle(f.Entities, opt); err != nil {
		return 0, fmt.Errorf("dossier: %w", err)
	}
	if opt.Redact {
		// A copy: the caller's list stays as it was.
		opt.Sections = append(opt.Sections[:len(opt.Sections):len(opt.Sections)], sectionWithheld)
	}
	first := newDoc(f, opt, true)
	steps := 2 * (len(first.sections) + 2)
	progress := func(done int) {
		if opt.Progress != nil {
			opt.Progress(done, steps)
		}
	}
	if err := first.render(ctx, progress); err != nil {
		return 0, err
	}
	second := newDoc(f, opt, false)
	second.starts, second.totalPages = map[string]int{}, first.pdf.PageNo()
	for k, v := range first.starts {
		second.starts[k] = v
	}
	if err := second.render(ctx, func(n int) { progress(steps/2 + n) }); err != nil {
		return 0, err
	}
	if second.pdf.PageNo() != first.pdf.PageNo() {
		// Both passes lay out the same text in the same fonts; a difference
		// would be a bug, and a contents page pointing to wrong pages.
		return 0, fmt.Errorf("dossier: the layout changed between passes (%d and %d pages)", first.pdf.PageNo(), second.pdf.PageNo())
	}
	return second.pdf.PageNo(), second.pdf.Output(out)
}

func newDoc(f app.CaseFile, opt Options, measuring bool) *doc {
	d := &doc{
		pdf:       newPDF(assets.SansRegular(), assets.SansBold()),
		file:      f,
		opt:       opt,
		w:         newWords(opt.Language),
		measuring: measuring,
		starts:    map[string]int{},
		links:     map[string]int{},
		widths:    map[string]map[rune]float64{},
	}
	d.red = newRedactor(opt.Redact, f.Entities, d.w)
	for _, s := range opt.Sections {
		if d.hasContent(s) {
			d.sections = append(d.sections, s)
		}
	}
	d.marking = strings.TrimSpace(opt.Marking)
	if d.marking == "" {
		d.marking = f.Case.HandlingMarking
	}
	d.marking = d.text(d.marking) // it prints on every page and in the keywords
	d.pdf.SetHeaderFuncMode(d.header, false)
	d.pdf.SetFooterFunc(d.footer)
	d.metadata()
	d.tagging()
	return d
}

// metadata fills the PDF's document properties, which a records system
// reads when the dossier is filed: title, subject, author, keywords and dates.
func (d *doc) metadata() {
	c := d.file.Case
	p := d.pdf
	p.SetTitle(d.w.t("dossier")+" "+c.Ref, true)
	subject := d.title()
	if d.opt.Redact {
		subject = d.refAndTitle()
	}
	p.SetSubject(subject, true)
	p.SetAuthor(d.officer(), true)
	p.SetKeywords(strings.Join(nonEmpty(d.marking, c.Ref, d.text(c.OperationName), d.w.t("keywords")), "; "), true)
	p.SetCreator("Bollard "+d.opt.Version, true)
	p.SetProducer("Bollard "+d.opt.Version+" (gofpdf)", true)
	p.SetCreationDate(d.opt.Date)
	p.SetModificationDate(d.opt.Date)
	// Fonts and images are written in a fixed order, so that the same
	// case on the same date gives the same bytes.
	p.SetCatalogSort(true)
}

// render lays out every page, calling step after each part.
func (d *doc) render(ctx context.Context, step func(int)) error {
	done := 0
	next := func() error {
		done++
		step(done)
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.pdf.Err() {
			return fmt.Errorf("dossier: %w", d.pdf.Error())
		}
		return nil
	}
	for _, s := range d.sections {
		d.links[string(s)] = d.pdf.AddLink()
	}
	d.cover()
	if err := next(); err != nil {
		return err
	}
	d.contents()
	if err := next(); err != nil {
		return err
	}
	for _, s := range d.sections {
		d.printSection(s)
		if err := next(); err != nil {
			return err
		}
	}
	if d.pdf.Err() {
		return errors.New("dossier: " + d.pdf.Error().Error())
	}
	return nil
}

func (d *doc) printSection(s Section) {
	switch s {
	case SectionSummary:
		d.summary()
	case SectionTimeline:
		d.timeline()
	case SectionSeizures:
		d.seizures()
	case SectionEntities:
		d.entities()
	case SectionRelations:
		d.relations()
	case SectionEvidence:
		d.evidence()
	case SectionPhotos:
		d.photos()
	case SectionTasks:
		d.tasks()
	case SectionNotes:
		d.notes()
	case SectionAnnex:
		d.annex()
	case sectionWithheld:
		d.withheldPage()
	}
}

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}
