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
	Cases(ctx context.Context, f model.CaseFilter) ([]model.Case, error)
	CaseFile(ctx context.Context, ref string) (app.CaseFile, error)
}

// The widths fit the longest short values (a ref with an 8-letter prefix,
// "suspended", "EU–Latin America & Caribbean") and every column fits beside
// the navigation rail in a window of 1280 points, the size Bollard opens
// at; long titles are cut with an ellipsis and read in full in the case view.
var caseColumns = []listColumn[model.Case]{
	{"Ref", 145, func(c model.Case) string { return c.Ref }, compareRefs},
	{"Title", 210, func(c model.Case) string { return c.Title }, nil},
	{"Status", 90, func(c model.Case) string { return c.Status.Label() }, nil},
	{"Corridor", 225, func(c model.Case) string { return c.Corridor.Label() }, nil},
	{"Threat types", 200, func(c model.Case) string { return model.ThreatLabels(c.ThreatTypes) }, nil},
	{"Lead officer", 155, func(c model.Case) string { return c.LeadOfficer }, nil},
	{"Last change", 110, func(c model.Case) string { return c.UpdatedAt.Local().Format(time.DateOnly) },
		func(a, b model.Case) int { return a.UpdatedAt.Compare(b.UpdatedAt) }},
}

// compareRefs orders case refs by prefix, year and number, so that
// ESA-2026-0010 comes after ESA-2026-0009 even among refs of other shapes.
func compareRefs(a, b model.Case) int {
	pa, ya, na, oka := model.ParseCaseRef(a.Ref)
	pb, yb, nb, okb := model.ParseCaseRef(b.Ref)
	if oka && okb {
		if pa != pb {
			return compareText(pa, pb)
		}
		if ya != yb {
			return ya - yb
		}
		return na - nb
	}
	return compareText(a.Ref, b.Ref)
}

func compareText(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// The case list's filters: each select's first choice does not filter.
var (
	statusFilter = newChoices(append([]model.CaseStatus{""}, model.CaseStatuses...), func(s model.CaseStatus) string {
		if s == "" {
			return "Any status"
		}
		return capitalize(s.Label())
	})
	corridorFilter = newChoices(append([]model.Corridor{""}, model.Corridors...), func(c model.Corridor) string {
		if c == "" {
			return "Any corridor"
		}
		return c.Label()
	})
	threatFilter = newChoices(append([]model.ThreatType{""}, model.ThreatTypes...), func(t model.ThreatType) string {
		if t == "" {
			return "Any threat type"
		}
		return capitalize(t.Label())
	})
)

// caseList is the workspace's cases in a table, most recently changed
// first until the officer sorts by a column, above the case the officer
// selected (below rather than beside, so that every column fits the width
// of the window). The table is virtualised: it builds cells only for the
// rows in sight, so a workspace of thousands of cases scrolls as fast as
// one of ten.
type caseList struct {
	cases    caseReader
	win      fyne.Window
	bg       *background
	onOpened func(ref string) // a case was selected; may be nil

	*recordTable[model.Case]
	selected string // ref of the case in the case view
	count    *widget.Label
	status   *widget.Select
	corridor *widget.Select
	threat   *widget.Select
	archived *widget.Check
	filters  fyne.CanvasObject // the filters in a row, for the toolbar
	view     *caseView
	detail   *caseDetail // the view's Overview tab
	content  fyne.CanvasObject
	// onFilled hears that the list was read and filled, once: the window
	// logs how long it took to show the list.
	onFilled func()
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
	l.recordTable = newRecordTable(caseColumns, l.onSelect)
	l.afterSort = l.reselect

	l.status = newFilterSelect(statusFilter.labels)
	l.corridor = newFilterSelect(corridorFilter.labels)
	l.threat = newFilterSelect(threatFilter.labels)
	for _, s := range []*widget.Select{l.status, l.corridor, l.threat} {
		s.OnChanged = func(string) { l.reload("") }
	}
	l.archived = widget.NewCheck("Show archived", func(bool) { l.reload("") })
	// Wide enough for the longest choice ("EU–Latin America & Caribbean").
	l.filters = container.NewHBox(withMinSize(l.status, fyne.NewSize(140, 0)), withMinSize(l.corridor, fyne.NewSize(200, 0)),
		withMinSize(l.threat, fyne.NewSize(190, 0)), l.archived)

	// The case view gets the larger part: its tabs hold lists of their own.
	split := container.NewVSplit(l.table, l.view.content)
	split.Offset = 0.36
	l.content = split
	return l
}

// newFilterSelect is a select whose first choice, chosen to begin with,
// does not filter.
func newFilterSelect(labels []string) *widget.Select {
	s := widget.NewSelect(labels, nil)
	s.SetSelectedIndex(0)
	return s
}

// filter is the case filter the officer has set.
func (l *caseList) filter() model.CaseFilter {
	return model.CaseFilter{
		Status:          statusFilter.value(l.status.Selected),
		Corridor:        corridorFilter.value(l.corridor.Selected),
		Threat:          threatFilter.value(l.threat.Selected),
		IncludeArchived: l.archived.Checked,
	}
}

// filtered reports whether a filter narrows the list.
func (l *caseList) filtered() bool {
	f := l.filter()
	return f.Status != "" || f.Corridor != "" || f.Threat != ""
}

// clearFilters shows every case again (the archived ones as the toggle says).
func (l *caseList) clearFilters() {
	for _, s := range []*widget.Select{l.status, l.corridor, l.threat} {
		changed := s.OnChanged
		s.OnChanged = nil // one read for the three, not three
		s.SetSelectedIndex(0)
		s.OnChanged = changed
	}
	l.reload("")
}

// reload reads the cases again, then selects the case with ref selectRef
// ("" to keep the selection as it was) so that a case just created is in sight.
func (l *caseList) reload(selectRef string) {
	if selectRef == "" {
		selectRef = l.selected
	}
	f := l.filter()
	inBackground(l.bg, func(ctx context.Context) ([]model.Case, error) {
		return l.cases.Cases(ctx, f)
	}, func(rows []model.Case, err error) {
		if err != nil {
			l.count.SetText("The cases could not be read.")
			showError(l.win, "read the list of cases", err)
			return
		}
		l.onLoaded(rows, selectRef)
		if l.onFilled != nil {
			l.onFilled()
			l.onFilled = nil
		}
	})
}

func (l *caseList) onLoaded(rows []model.Case, selectRef string) {
	l.setRows(rows)
	text := casesCount(len(rows))
	if l.filtered() {
		text += " match"
		if len(rows) == 1 {
			text += "es"
		}
	}
	l.count.SetText(text)
	for i, c := range l.rows {
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
	return fmt.Sprintf("%s cases", thousands(int64(n)))
}

// onSelect shows the case of the selected row under the table.
func (l *caseList) onSelect(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(l.rows) {
		return
	}
	c := l.rows[id.Row]
	if c.Ref == l.selected && l.view.ref == c.Ref {
		return // a click on another cell of the row shown
	}
	l.selected = c.Ref
	l.view.open(c)
	if l.onOpened != nil {
		l.onOpened(c.Ref)
	}
}

// onCaseChanged brings the row of a case changed in its view up to date
// (its last change), without reading the list again.
func (l *caseList) onCaseChanged(f app.CaseFile) {
	for _, rows := range [][]model.Case{l.rows, l.recordTable.loaded} {
		for i := range rows {
			if rows[i].Ref == f.Case.Ref {
				rows[i] = f.Case
			}
		}
	}
	l.table.Refresh()
}

// reselect selects the row of the case shown again, after a sort moved it.
func (l *caseList) reselect() {
	for i, c := range l.rows {
		if c.Ref == l.selected {
			l.table.Select(widget.TableCellID{Row: i, Col: 0})
			return
		}
	}
}
