package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/app/search"
)

// searchResults is the answer to a search, grouped by kind under a
// heading each, best group first, with one hit selected for Enter: the
// best, until the officer moves with the arrow keys.
type searchResults struct {
	onTapped func(app.SearchHit)

	query    string          // what the hits on screen answer
	hits     []app.SearchHit // in the order shown, group after group
	rows     []*hitRow       // one per hit, in the same order
	selected int             // index in hits of the selected hit
	status   *widget.Label   // how many were found, or that none were
	list     *fyne.Container // headings and rows, one under the other
	scroll   *container.Scroll
	content  fyne.CanvasObject
}

func newSearchResults(onTapped func(app.SearchHit)) *searchResults {
	r := &searchResults{onTapped: onTapped}
	r.status = widget.NewLabel("")
	r.list = container.NewVBox()
	r.scroll = container.NewVScroll(container.NewPadded(r.list))
	r.content = r.scroll
	return r
}

// showSearching says the first answer is on its way.
func (r *searchResults) showSearching() {
	r.status.SetText("Searching…")
}

// showFailed says the search did not work; the error dialog says why.
func (r *searchResults) showFailed() {
	r.status.SetText("The search did not work.")
}

// clear empties the panel for the next search.
func (r *searchResults) clear() {
	r.query, r.hits, r.rows, r.selected = "", nil, nil, 0
	r.list.RemoveAll()
	r.status.SetText("")
}

// show lays out the hits answering query, grouped by kind, and selects the best.
func (r *searchResults) show(query string, hits []app.SearchHit) {
	r.query = query
	r.hits, r.rows, r.selected = nil, nil, 0
	var objs []fyne.CanvasObject
	for _, group := range search.Group(hits) {
		objs = append(objs, newGroupHeading(kindHeading(group[0].Doc.Kind), len(group)))
		for _, h := range group {
			i := len(r.hits)
			if len(hits) > 0 && h.Doc.ID == hits[0].Doc.ID && h.Doc.Kind == hits[0].Doc.Kind {
				r.selected = i // the best hit overall, wherever its group is
			}
			row := newHitRow(h, func() { r.onRowTapped(i) })
			r.hits = append(r.hits, h)
			r.rows = append(r.rows, row)
			objs = append(objs, row)
		}
	}
	if len(hits) == 0 {
		objs = append(objs, &widget.Label{
			Text:      "Nothing found for “" + query + "”. Check the spelling, try fewer letters, or another kind.",
			Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord,
		})
	}
	r.list.Objects = objs
	r.list.Refresh()
	r.status.SetText(resultsCount(len(hits), len(hits) >= searchLimit))
	if len(r.rows) > 0 {
		r.rows[r.selected].setSelected(true)
	}
	r.scroll.ScrollToTop()
}

func resultsCount(n int, more bool) string {
	switch {
	case n == 0:
		return "" // the panel says so, and what to try
	case n == 1:
		return "1 result"
	case more:
		return fmt.Sprintf("Best %d results", n)
	}
	return fmt.Sprintf("%d results", n)
}

// move selects the hit delta places down (or up) the list, across groups,
// and scrolls it into sight.
func (r *searchResults) move(delta int) {
	if len(r.rows) == 0 {
		return
	}
	next := min(max(r.selected+delta, 0), len(r.rows)-1)
	if next == r.selected {
		return
	}
	r.rows[r.selected].setSelected(false)
	r.selected = next
	r.rows[next].setSelected(true)
	r.scrollTo(r.rows[next])
}

// scrollTo scrolls just enough for row to be in sight.
func (r *searchResults) scrollTo(row *hitRow) {
	top := r.list.Position().Y + row.Position().Y
	bottom := top + row.Size().Height + theme.Padding()
	view := r.scroll.Size().Height
	switch {
	case top < r.scroll.Offset.Y:
		r.scroll.Offset.Y = top
	case bottom > r.scroll.Offset.Y+view:
		r.scroll.Offset.Y = bottom - view
	default:
		return
	}
	r.scroll.Refresh()
}

// selectedHit is the hit Enter opens.
func (r *searchResults) selectedHit() (app.SearchHit, bool) {
	if r.selected < 0 || r.selected >= len(r.hits) {
		return app.SearchHit{}, false
	}
	return r.hits[r.selected], true
}

func (r *searchResults) onRowTapped(i int) {
	if i >= len(r.hits) {
		return
	}
	r.rows[r.selected].setSelected(false)
	r.selected = i
	r.rows[i].setSelected(true)
	r.onTapped(r.hits[i])
}

// newGroupHeading heads the hits of one kind: "Entities 12".
func newGroupHeading(heading string, n int) fyne.CanvasObject {
	return container.NewHBox(
		&widget.Label{Text: heading, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText},
		container.NewCenter(newQuietText(fmt.Sprint(n))),
	)
}

// hitRow is one hit in the results: its title, what it is and where
// (the context: case ref, entity kind and country), and the text that
// matched with the matched characters highlighted. When what matched is
// part of the title, the title carries the highlight.
type hitRow struct {
	widget.BaseWidget
	onTapped func()

	title   *widget.RichText
	context *widget.RichText
	match   *widget.RichText // nil when the title is what matched
	bg      *canvas.Rectangle
}

// Styles of a hit's title and of the text that matched in it.
var (
	hitTitleStyle = widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText, ColorName: theme.ColorNameForeground}
	hitMatchStyle = widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText, ColorName: theme.ColorNameForeground}
)

func newHitRow(h app.SearchHit, onTapped func()) *hitRow {
	row := &hitRow{onTapped: onTapped, bg: canvas.NewRectangle(color.Transparent)}
	row.bg.CornerRadius = theme.InputRadiusSize()
	var text string
	if h.Field >= 0 && h.Field < len(h.Doc.Fields) {
		text = h.Doc.Fields[h.Field]
	}
	text, matched := excerpt(text, h.Matched)
	if at := strings.Index(h.Doc.Title, text); text != "" && at >= 0 {
		// What matched is in the title ("Cocaine in reefers" in "ESA-2026-0001
		// Cocaine in reefers"): the title carries the highlight.
		row.title = newLineOfText(highlighted(h.Doc.Title, shifted(matched, at), hitTitleStyle))
	} else {
		row.title = newLineOfText(highlighted(h.Doc.Title, nil, hitTitleStyle))
		row.match = newLineOfText(highlighted(text, matched, hitMatchStyle))
	}
	row.context = newQuietText(h.Doc.Context)
	row.context.Truncation = fyne.TextTruncateEllipsis
	row.ExtendBaseWidget(row)
	return row
}

// shifted is offsets moved by n bytes.
func shifted(offsets []int, n int) []int {
	out := make([]int, len(offsets))
	for i, o := range offsets {
		out[i] = o + n
	}
	return out
}

// newLineOfText is one line of rich text, cut with an ellipsis where
// there is no room for all of it.
func newLineOfText(segs []widget.RichTextSegment) *widget.RichText {
	t := widget.NewRichText(segs...)
	t.Truncation = fyne.TextTruncateEllipsis
	return t
}

// contextWidth is the column the hits' contexts line up in, at the right.
const contextWidth = 330

func (row *hitRow) CreateRenderer() fyne.WidgetRenderer {
	first := container.NewBorder(nil, nil, nil, withMinSize(row.context, fyne.NewSize(contextWidth, 0)), row.title)
	body := fyne.CanvasObject(first)
	if row.match != nil {
		indent := canvas.NewRectangle(color.Transparent)
		indent.SetMinSize(fyne.NewSize(theme.Padding()*4, 0))
		body = container.NewVBox(first, container.NewBorder(nil, nil, indent, nil, row.match))
	}
	return widget.NewSimpleRenderer(container.NewStack(row.bg, body))
}

// Tapped opens the hit.
func (row *hitRow) Tapped(*fyne.PointEvent) { row.onTapped() }

// Cursor is the hand: a hit is clicked to open it.
func (row *hitRow) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (row *hitRow) setSelected(on bool) {
	row.bg.FillColor = color.Transparent
	if on {
		row.bg.FillColor = theme.Color(theme.ColorNameSelection)
	}
	row.bg.Refresh()
}

// isSelected reports whether the row is the one Enter opens, for tests.
func (row *hitRow) isSelected() bool { return row.bg.FillColor != color.Transparent }
