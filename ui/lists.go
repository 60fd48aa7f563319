package ui

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// listColumn is one column of a sortable table: its header, its width,
// what it shows of a row and, where the text does not sort right (dates,
// numbers), how two rows compare.
type listColumn[T any] struct {
	title   string
	width   float32
	text    func(T) string
	compare func(a, b T) int // nil: by text, ignoring letter case
}

// recordTable is a virtualised table of records (it builds cells only for
// the rows in sight, so that tens of thousands scroll as fast as ten) whose
// header sorts it: a click on a column sorts by it, a second click the
// other way round, a third puts back the order the records came in.
type recordTable[T any] struct {
	columns []listColumn[T]
	loaded  []T // in the order they were read
	rows    []T // as shown
	sortCol int // the column sorted by, -1 for the order read
	desc    bool
	table   *widget.Table
	// importance colours a row's text (red for what is overdue); nil leaves
	// every row in the text colour.
	importance func(T) widget.Importance
	afterSort  func() // the officer sorted the rows; may be nil
}

func newRecordTable[T any](columns []listColumn[T], onSelected func(widget.TableCellID)) *recordTable[T] {
	t := &recordTable[T]{columns: columns, sortCol: -1}
	t.table = &widget.Table{
		Length:     func() (int, int) { return len(t.rows), len(t.columns) },
		CreateCell: func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		UpdateCell: func(id widget.TableCellID, cell fyne.CanvasObject) {
			l := cell.(*widget.Label)
			imp := widget.MediumImportance
			if t.importance != nil && id.Row >= 0 && id.Row < len(t.rows) {
				imp = t.importance(t.rows[id.Row])
			}
			if l.Importance != imp {
				l.Importance = imp
				l.Refresh()
			}
			l.SetText(t.cellText(id.Row, id.Col))
		},
		ShowHeaderRow: true,
		CreateHeader: func() fyne.CanvasObject {
			b := widget.NewButton("", nil)
			b.Alignment = widget.ButtonAlignLeading
			b.IconPlacement = widget.ButtonIconTrailingText
			b.Importance = widget.LowImportance
			return b
		},
		UpdateHeader: func(id widget.TableCellID, cell fyne.CanvasObject) {
			if id.Col < 0 || id.Col >= len(t.columns) {
				return
			}
			b := cell.(*widget.Button)
			b.Text = t.columns[id.Col].title
			b.Icon = nil
			if id.Col == t.sortCol {
				b.Icon = theme.MenuDropDownIcon()
				if t.desc {
					b.Icon = theme.MenuDropUpIcon()
				}
			}
			col := id.Col
			b.OnTapped = func() { t.sortBy(col) }
			b.Refresh()
		},
		OnSelected: onSelected,
	}
	t.table.ExtendBaseWidget(t.table)
	for i, c := range columns {
		t.table.SetColumnWidth(i, c.width)
	}
	return t
}

// cellText is what the table shows in one cell.
func (t *recordTable[T]) cellText(row, col int) string {
	if row < 0 || row >= len(t.rows) || col < 0 || col >= len(t.columns) {
		return ""
	}
	return t.columns[col].text(t.rows[row])
}

// setRows shows rows, sorted as the officer last chose.
func (t *recordTable[T]) setRows(rows []T) {
	t.loaded = rows
	t.sort()
	t.table.UnselectAll()
	t.table.Refresh()
}

// sortBy is a click on a column's header.
func (t *recordTable[T]) sortBy(col int) {
	switch {
	case col != t.sortCol:
		t.sortCol, t.desc = col, false
	case !t.desc:
		t.desc = true
	default:
		t.sortCol, t.desc = -1, false
	}
	t.sort()
	t.table.UnselectAll()
	t.table.Refresh()
	t.table.ScrollToTop()
	if t.afterSort != nil {
		t.afterSort()
	}
}

// sort orders the rows read by the chosen column. Texts are worked out
// once per row, not once per comparison: twenty thousand cases sort in a
// blink instead of a pause.
func (t *recordTable[T]) sort() {
	if t.sortCol < 0 || t.sortCol >= len(t.columns) {
		t.rows = t.loaded
		return
	}
	c := t.columns[t.sortCol]
	idx := make([]int, len(t.loaded))
	for i := range idx {
		idx[i] = i
	}
	var keys []string
	if c.compare == nil {
		keys = make([]string, len(t.loaded))
		for i, r := range t.loaded {
			keys[i] = strings.ToLower(c.text(r))
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		var n int
		if c.compare != nil {
			n = c.compare(t.loaded[a], t.loaded[b])
		} else {
			n = cmp.Compare(keys[a], keys[b])
		}
		if t.desc {
			n = -n
		}
		return n
	})
	t.rows = make([]T, len(idx))
	for i, j := range idx {
		t.rows[i] = t.loaded[j]
	}
}

// listScreen is one of the workspace-wide screens beside the case list: a
// heading with the number of rows and the screen's filters above a
// sortable table, read off the UI goroutine each time the screen is shown.
// A row opens what it is about.
type listScreen[T any] struct {
	win  fyne.Window
	bg   *background
	what string // "seizures", for messages
	// reader is called on the UI goroutine when the screen is shown and
	// returns the read to run in the background, so that the filters it
	// depends on are read where they are changed.
	reader func() func(ctx context.Context) ([]T, error)
	open   func(T)
	// seq numbers the reads: a filter changed while a slow read is under
	// way starts another, and only the answer to the latest is shown.
	seq int

	*recordTable[T]
	count   *widget.Label
	content fyne.CanvasObject
}

// newListScreen builds a screen titled title; filters go beside the count.
func newListScreen[T any](win fyne.Window, bg *background, title, what string, columns []listColumn[T],
	reader func() func(ctx context.Context) ([]T, error), open func(T), filters ...fyne.CanvasObject) *listScreen[T] {
	s := &listScreen[T]{win: win, bg: bg, what: what, reader: reader, open: open}
	s.recordTable = newRecordTable(columns, s.onSelected)
	s.count = widget.NewLabel("Reading " + what + "…")
	bar := container.NewHBox(newHeading(title), container.NewCenter(s.count), layout.NewSpacer())
	for _, f := range filters {
		bar.Add(container.NewCenter(f))
	}
	s.content = container.NewBorder(container.NewPadded(bar), nil, nil, nil, s.table)
	return s
}

// load reads the rows again. An answer that comes after a later read was
// started is dropped: it is for a filter no longer chosen.
func (s *listScreen[T]) load() {
	s.seq++
	seq := s.seq
	inBackground(s.bg, s.reader(), func(rows []T, err error) {
		if seq != s.seq {
			return
		}
		if err != nil {
			s.count.SetText("The " + s.what + " could not be read.")
			showError(s.win, "read the list of "+s.what, err)
			return
		}
		s.count.SetText(countOf(len(rows), s.what))
		s.setRows(rows)
	})
}

// onSelected opens the row's record; the row does not stay selected, so
// that the same row opens again with another click.
func (s *listScreen[T]) onSelected(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(s.rows) {
		return
	}
	row := s.rows[id.Row]
	s.table.UnselectAll()
	if s.open != nil {
		s.open(row)
	}
}

// countOf is "1 seizure", "20,000 seizures", from the plural noun.
func countOf(n int, plural string) string {
	if n == 1 {
		singular := strings.TrimSuffix(plural, "s")
		if strings.HasSuffix(plural, "ies") {
			singular = strings.TrimSuffix(plural, "ies") + "y"
		}
		return "1 " + singular
	}
	return fmt.Sprintf("%s %s", thousands(int64(n)), plural)
}
