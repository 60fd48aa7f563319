package ui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

// caseReader is what the case list needs of a workspace.
type caseReader interface {
	Cases(ctx context.Context, f app.CaseFilter) ([]model.Case, error)
	CaseFile(ctx context.Context, ref string) (app.CaseFile, error)
}

// caseColumn is one column of the case list: its header, its width and
// what it shows of a case.
type caseColumn struct {
	title string
	width float32
	text  func(model.Case) string
}

// The widths fit the longest short values (a ref with an 8-letter prefix,
// "suspended", "EU–Latin America & Caribbean") and every column fits a
// window of 1280 points, the size Bollard opens at; long titles are cut
// with an ellipsis and read in full in the detail panel.
var caseColumns = []caseColumn{
	{"Ref", 150, func(c model.Case) string { return c.Ref }},
	{"Title", 255, func(c model.Case) string { return c.Title }},
	{"Status", 95, func(c model.Case) string { return c.Status.Label() }},
	{"Corridor", 225, func(c model.Case) string { return c.Corridor.Label() }},
	{"Threat types", 240, func(c model.Case) string { return model.ThreatLabels(c.ThreatTypes) }},
	{"Lead officer", 170, func(c model.Case) string { return c.LeadOfficer }},
	{"Last change", 110, func(c model.Case) string { return c.UpdatedAt.Local().Format(time.DateOnly) }},
}

// threatLabels is a case's threat types as the officer reads them.
// caseList is the workspace's cases in a table, most recently changed
// first, above the case the officer selected (below rather than beside, so
// that every column fits the width of the window). The table is virtualised:
// it builds cells only for the rows in sight, so a workspace of thousands
// of cases scrolls as fast as one of ten.
type caseList struct {
	cases caseReader
	win   fyne.Window
	bg    *background

	rows     []model.Case
	selected string // ref of the case in the case view
	table    *widget.Table
	count    *widget.Label
	view     *caseView
	detail   *caseDetail // the view's Overview tab
	content  fyne.CanvasObject
}

// caseListStore is what the case list and the case view under it need.
type caseListStore interface {
	caseReader
	caseViewStore
}

// newCaseList builds the list and the case view under it; dossier and
// onChanged are the case view's (see newCaseView).
func newCaseList(cases caseListStore, win fyne.Window, bg *background, dossier func(caseRef func() string) fyne.CanvasObject,
	onChanged func()) *caseList {
	l := &caseList{cases: cases, win: win, bg: bg}
	l.view = newCaseView(cases, win, bg, dossier, func(f app.CaseFile) {
		l.onCaseChanged(f)
		if onChanged != nil {
			onChanged()
		}
	})
	l.detail = l.view.overview
	l.count = widget.NewLabel("Loading cases…")
	l.table = &widget.Table{
		Length:     func() (int, int) { return len(l.rows), len(caseColumns) },
		CreateCell: func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		UpdateCell: func(id widget.TableCellID, cell fyne.CanvasObject) {
			cell.(*widget.Label).SetText(l.cellText(id.Row, id.Col))
		},
		ShowHeaderRow: true,
		CreateHeader: func() fyne.CanvasObject {
			return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
		},
		UpdateHeader: func(id widget.TableCellID, cell fyne.CanvasObject) {
			if id.Col >= 0 {
				cell.(*widget.Label).SetText(caseColumns[id.Col].title)
			}
		},
		OnSelected: l.onSelect,
	}
	l.table.ExtendBaseWidget(l.table)
	for i, col := range caseColumns {
		l.table.SetColumnWidth(i, col.width)
	}
	// The case view gets the larger part: its tabs hold lists of their own.
	split := container.NewVSplit(l.table, l.view.content)
	split.Offset = 0.36
	l.content = split
	return l
}

// cellText is what the table shows in one cell.
func (l *caseList) cellText(row, col int) string {
	if row < 0 || row >= len(l.rows) || col < 0 || col >= len(caseColumns) {
		return ""
	}
	return caseColumns[col].text(l.rows[row])
}

// reload reads the cases again, then selects the case with ref selectRef
// ("" to keep the selection as it was) so that a case just created is in sight.
func (l *caseList) reload(selectRef string) {
	if selectRef == "" {
		selectRef = l.selected
	}
	inBackground(l.bg, func(ctx context.Context) ([]model.Case, error) {
		return l.cases.Cases(ctx, app.CaseFilter{})
	}, func(rows []model.Case, err error) {
		if err != nil {
			l.count.SetText("The cases could not be read.")
			showError(l.win, "read the list of cases", err)
			return
		}
		l.onLoaded(rows, selectRef)
	})
}

func (l *caseList) onLoaded(rows []model.Case, selectRef string) {
	l.rows = rows
	l.count.SetText(casesCount(len(rows)))
	l.table.UnselectAll()
	l.table.Refresh()
	for i, c := range rows {
		if c.Ref == selectRef {
			id := widget.TableCellID{Row: i, Col: 0}
			l.table.Select(id)
			l.table.ScrollTo(id)
			return
		}
	}
	l.selected = ""
	l.view.clear()
}

func casesCount(n int) string {
	if n == 1 {
		return "1 case"
	}
	return fmt.Sprintf("%d cases", n)
}

// onSelect shows the case of the selected row under the table.
func (l *caseList) onSelect(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(l.rows) {
		return
	}
	l.selected = l.rows[id.Row].Ref
	l.view.open(l.rows[id.Row])
}

// onCaseChanged brings the row of a case changed in its view up to date
// (its last change), without reading the list again.
func (l *caseList) onCaseChanged(f app.CaseFile) {
	for i := range l.rows {
		if l.rows[i].Ref == f.Case.Ref {
			l.rows[i] = f.Case
			l.table.RefreshItem(widget.TableCellID{Row: i, Col: len(caseColumns) - 1})
			return
		}
	}
}
