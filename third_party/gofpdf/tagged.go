package gofpdf

// Bollard's patch: the document's language, its title shown by viewers,
// the version it declares, and Tagged PDF (a structure tree that screen
// readers, reflow and text extraction follow, with page headers, footers
// and decoration marked as artifacts). See PATCHED.md.
//
// How content is tagged: every text, image and shape the methods below
// paint goes into a marked-content sequence of its own (BDC ... EMC, or
// BMC ... EMC for an artifact), opened after any automatic page break, so
// that a sequence never spans two pages and always nests properly with
// the q/Q and BT/ET of what it holds. The sequence belongs to
//   - an artifact (pagination) when painted by the header or footer function;
//   - an artifact between BeginArtifact and EndArtifact;
//   - otherwise the innermost open structure element (BeginStruct);
//   - with no element open, text goes into a P element of its own and an
//     image into a Figure of its own (without an alternate description:
//     open a Figure with one to describe it), and a shape (Line, Rect, ...)
//     is an artifact, since a rule or a shading means nothing read aloud.
//
// Methods that paint and are marked: CellFormat (and Cell, MultiCell,
// Write, which use it), Text, Image, ImageOptions, Line, Rect, RoundedRect,
// Circle, Ellipse, Arc, Polygon, Beziergon, Curve, CurveBezierCubic.
// Not marked: the path methods (MoveTo ... DrawPath), clipping, gradients,
// SVG, templates and imported pages, whose operators are written piecemeal;
// a tagged document should not use them. Link annotations are not tied
// into the structure tree (no /Link elements with OBJR).

import (
	"fmt"
	"strings"
)

// StructRoot is the Document element, the root of the structure tree: the
// parent to give AddStruct for an element at the top level.
const StructRoot = 0

// structElem is one element of the structure tree.
type structElem struct {
	role   string
	alt    string
	parent int // index of the parent element; -1 for the Document
	kids   []structKid
}

// structKid is a child of an element: another element, or a
// marked-content sequence on a page.
type structKid struct {
	elem int // index of the child element, or -1 for marked content
	page int // 1-based page of the marked content
	mcid int
}

// tagState is the document's language, viewer preferences and structure.
type tagState struct {
	lang         string
	displayTitle bool
	version      string
	on           bool
	elems        []structElem // elems[StructRoot] is the Document
	open         []int        // the stack of open elements, innermost last
	artifacts    int          // depth of BeginArtifact
	marking      bool         // a marked-content sequence is open
	pageMCIDs    [][]int      // per page (1-based): the element of each MCID
	pageObjs     []int        // per page (1-based): its object number, once written
	rootObj      int          // the StructTreeRoot's object number, once written
}

// SetLang sets the document's natural language, written as /Lang in the
// catalog: a language tag such as "en", "es", "pt" or "fr-BE". Screen
// readers choose their voice by it.
func (f *Fpdf) SetLang(lang string) {
	f.tags.lang = lang
}

// SetDisplayDocTitle asks viewers to show the document's title (SetTitle)
// in their title bar rather than the file's name.
func (f *Fpdf) SetDisplayDocTitle(display bool) {
	f.tags.displayTitle = display
}

// SetPDFVersion declares at least version v ("1.7") in the file's header.
// The content written does not change; gofpdf still raises the version
// itself when a feature needs it.
func (f *Fpdf) SetPDFVersion(v string) {
	f.tags.version = v
}

// SetTagged makes the document a Tagged PDF (PDF 1.7, section 14.8): a
// structure tree with a Document element at its root, and every piece of
// page content either in an element or marked as an artifact. Call it
// before the first page.
func (f *Fpdf) SetTagged(tagged bool) {
	if f.page > 0 {
		f.SetErrorf("SetTagged must be called before the first page")
		return
	}
	f.tags.on = tagged
	if tagged && len(f.tags.elems) == 0 {
		f.tags.elems = []structElem{{role: "Document", parent: -1}}
	}
}

// AddStruct adds a structure element with the standard role (P, H1, H2,
// Table, TR, TH, TD, Figure, ...) as the last child of parent (StructRoot
// or an id AddStruct returned) and returns its id. alt is the alternate
// description read instead of the content (for a Figure); empty for none.
// The element gets content only while it is open (BeginStruct); it may be
// opened again later, on another page (a table cell split across pages).
func (f *Fpdf) AddStruct(parent int, role, alt string) int {
	t := &f.tags
	if !t.on {
		return StructRoot
	}
	if parent < 0 || parent >= len(t.elems) {
		f.SetErrorf("structure element %d does not exist", parent)
		return StructRoot
	}
	if role == "" || strings.ContainsAny(role, " /()<>[]{}%#\t\r\n") {
		f.SetErrorf("%q is not a structure role", role)
		return StructRoot
	}
	id := len(t.elems)
	t.elems = append(t.elems, structElem{role: role, alt: alt, parent: parent})
	t.elems[parent].kids = append(t.elems[parent].kids, structKid{elem: id})
	return id
}

// OpenStruct adds a structure element as the last child of the innermost
// open one (or of the Document), opens it and returns its id.
func (f *Fpdf) OpenStruct(role, alt string) int {
	id := f.AddStruct(f.currentStruct(), role, alt)
	f.BeginStruct(id)
	return id
}

// BeginStruct opens the element id: what is painted until EndStruct is its
// content. Elements opened this way nest; the innermost receives content.
func (f *Fpdf) BeginStruct(id int) {
	t := &f.tags
	if !t.on {
		return
	}
	if id < 0 || id >= len(t.elems) {
		f.SetErrorf("structure element %d does not exist", id)
		return
	}
	t.open = append(t.open, id)
}

// EndStruct closes the innermost element BeginStruct opened.
func (f *Fpdf) EndStruct() {
	t := &f.tags
	if !t.on {
		return
	}
	if len(t.open) == 0 {
		f.SetErrorf("EndStruct without BeginStruct")
		return
	}
	t.open = t.open[:len(t.open)-1]
}

// BeginArtifact marks what is painted until EndArtifact as an artifact:
// decoration, or text repeated for the eye (a table's header row on its
// next page), that the structure tree leaves out.
func (f *Fpdf) BeginArtifact() {
	f.tags.artifacts++
}

// EndArtifact ends what BeginArtifact began.
func (f *Fpdf) EndArtifact() {
	if f.tags.artifacts == 0 {
		f.SetErrorf("EndArtifact without BeginArtifact")
		return
	}
	f.tags.artifacts--
}

func (f *Fpdf) currentStruct() int {
	if n := len(f.tags.open); n > 0 {
		return f.tags.open[n-1]
	}
	return StructRoot
}

// Roles markBegin gives what is painted outside any open element.
const (
	markText  = "P"
	markImage = "Figure"
	markShape = "" // an artifact
)

// markBegin opens the marked-content sequence of what is about to be
// painted (see the top of this file), of role alone when no element is
// open, and says whether it did, for markEnd. It does nothing when the
// document is not tagged, outside a page, or inside a sequence already
// open (Circle draws with Ellipse).
func (f *Fpdf) markBegin(alone string) bool {
	t := &f.tags
	if !t.on || f.state != 2 || t.marking {
		return false
	}
	t.marking = true
	switch {
	case f.inHeader:
		f.out("/Artifact <</Type /Pagination /Subtype /Header>> BDC")
	case f.inFooter:
		f.out("/Artifact <</Type /Pagination /Subtype /Footer>> BDC")
	case t.artifacts > 0, alone == markShape && len(t.open) == 0:
		f.out("/Artifact BMC")
	default:
		elem := f.currentStruct()
		if elem == StructRoot {
			elem = f.AddStruct(StructRoot, alone, "")
		}
		for len(t.pageMCIDs) <= f.page {
			t.pageMCIDs = append(t.pageMCIDs, nil)
		}
		mcid := len(t.pageMCIDs[f.page])
		t.pageMCIDs[f.page] = append(t.pageMCIDs[f.page], elem)
		e := &t.elems[elem]
		e.kids = append(e.kids, structKid{elem: -1, page: f.page, mcid: mcid})
		f.outf("/%s <</MCID %d>> BDC", e.role, mcid)
	}
	return true
}

// markEnd closes the sequence markBegin opened.
func (f *Fpdf) markEnd(opened bool) {
	if opened {
		f.out("EMC")
		f.tags.marking = false
	}
}

// tagsCheck reports an element left open when the document is closed.
func (f *Fpdf) tagsCheck() {
	t := &f.tags
	if f.err == nil && len(t.open) > 0 {
		f.err = fmt.Errorf("structure element %s must be explicitly ended", t.elems[t.open[len(t.open)-1]].role)
	}
	if f.err == nil && t.artifacts > 0 {
		f.err = fmt.Errorf("artifact must be explicitly ended")
	}
}

// headerVersion is the version the header declares.
func (f *Fpdf) headerVersion(v string) string {
	if f.tags.version > v {
		return f.tags.version
	}
	return v
}

// putPageTags writes the entries of page n's dictionary that tie it to the
// structure tree.
func (f *Fpdf) putPageTags(n int) {
	t := &f.tags
	if !t.on {
		return
	}
	if n < len(t.pageMCIDs) && len(t.pageMCIDs[n]) > 0 {
		f.outf("/StructParents %d", n-1)
	}
	// Tab order follows the structure, as PDF/UA asks of tagged pages.
	f.out("/Tabs /S")
}

// putStructTree writes the structure tree: its root, the parent tree
// (from each page's MCIDs back to their elements) and the elements, in
// that order, so that each one's object number is known before it is
// written. The pages are written already.
func (f *Fpdf) putStructTree() {
	t := &f.tags
	if !t.on {
		return
	}
	root := f.n + 1
	parentTree := root + 1
	obj := func(elem int) int { return parentTree + 1 + elem }

	f.newobj()
	f.outf("<</Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R /ParentTreeNextKey %d>>", obj(StructRoot), parentTree, f.page)
	f.out("endobj")

	f.newobj()
	var nums fmtBuffer
	nums.printf("<</Nums [")
	for page := 1; page < len(t.pageMCIDs); page++ {
		if len(t.pageMCIDs[page]) == 0 {
			continue
		}
		nums.printf("%d [", page-1)
		for _, elem := range t.pageMCIDs[page] {
			nums.printf("%d 0 R ", obj(elem))
		}
		nums.printf("] ")
	}
	nums.printf("]>>")
	f.out(nums.String())
	f.out("endobj")

	for _, e := range t.elems {
		f.newobj()
		var s fmtBuffer
		parent := root
		if e.parent >= 0 {
			parent = obj(e.parent)
		}
		s.printf("<</S /%s /P %d 0 R", e.role, parent)
		if e.alt != "" {
			s.printf(" /Alt %s", f.textstring(utf8toutf16(e.alt)))
		}
		// The element's page is that of its first marked content, which
		// is then named by its MCID alone; content on another page (a
		// paragraph or a table cell that goes on overleaf) by a reference
		// naming its page. Most elements are on one page: the file is
		// smaller for it.
		page := 0
		for _, k := range e.kids {
			if k.elem < 0 {
				page = k.page
				s.printf(" /Pg %d 0 R", t.pageObjs[page])
				break
			}
		}
		s.printf(" /K [")
		for _, k := range e.kids {
			switch {
			case k.elem >= 0:
				s.printf("%d 0 R ", obj(k.elem))
			case k.page == page:
				s.printf("%d ", k.mcid)
			default:
				s.printf("<</Type /MCR /Pg %d 0 R /MCID %d>> ", t.pageObjs[k.page], k.mcid)
			}
		}
		s.printf("]>>")
		f.out(s.String())
		f.out("endobj")
	}
	t.rootObj = root
}

// putCatalogTags writes the catalog's entries for the language, the
// viewer preferences and the structure tree.
func (f *Fpdf) putCatalogTags() {
	t := &f.tags
	if t.lang != "" {
		f.outf("/Lang %s", f.textstring(t.lang))
	}
	if t.displayTitle {
		f.out("/ViewerPreferences <</DisplayDocTitle true>>")
	}
	if t.on {
		f.out("/MarkInfo <</Marked true>>")
		f.outf("/StructTreeRoot %d 0 R", t.rootObj)
	}
}
