package ui

// What the tables of a case's tabs (seizures, tasks) share: a bold header
// row naming the columns, each column as wide as it was laid out; and,
// for every tab that lists records, the line shown in place of none.

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// tabColumn is one column of a case tab's table: its header, its width
// (the widths fit a window 1280 points wide; what is cut short is read in
// full in the form) and text, what it shows of a record.
type tabColumn[F any] struct {
	title string
	width float32
	text  F
}

// newTabTable is a table of rows() records under a bold header row of the
// columns' titles, each column as wide as laid out; update fills a cell.
func newTabTable[F any](columns []tabColumn[F], rows func() int, update func(widget.TableCellID, fyne.CanvasObject)) *widget.Table {
	table := &widget.Table{
		Length:        func() (int, int) { return rows(), len(columns) },
		CreateCell:    func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		UpdateCell:    update,
		ShowHeaderRow: true,
		CreateHeader: func() fyne.CanvasObject {
			return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
		},
		UpdateHeader: func(id widget.TableCellID, cell fyne.CanvasObject) {
			if id.Col >= 0 && id.Col < len(columns) {
				cell.(*widget.Label).SetText(columns[id.Col].title)
			}
		},
	}
	table.ExtendBaseWidget(table)
	for i, col := range columns {
		table.SetColumnWidth(i, col.width)
	}
	return table
}

// sayEmpty shows text in place of a tab's records when it has none (n is
// how many it has), so that an empty tab says what to do, and hides it
// otherwise.
func sayEmpty(empty *widget.Label, n int, text string) {
	if n == 0 {
		empty.SetText(text)
		empty.Show()
	} else {
		empty.Hide()
	}
}
