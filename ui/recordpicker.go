package ui

import (
	"fyne.io/fyne/v2/widget"
)

// recordPicker is what the record tables of the case view share: the
// record selected, kept by its key when the case is read again, and the
// Add, Edit (and Remove) buttons that follow the case and the selection.
type recordPicker[T any] struct {
	rows     func() []T     // the records shown, in the table's order
	key      func(T) string // what names a record across reads (ref or ID)
	caseOpen func() bool    // whether a case is shown, so that Add can add to it
	table    *widget.Table  // OnSelected is set to the picker's
	add      *widget.Button // enabled while a case is shown
	edit     *widget.Button // enabled while a record is selected
	remove   *widget.Button // likewise, for the tables whose records can be removed; may be nil
	selected string         // the key of the record selected, "" for none
}

// newRecordPicker makes the picker of a table whose rows are rows().
func newRecordPicker[T any](table *widget.Table, add, edit *widget.Button, rows func() []T, key func(T) string, caseOpen func() bool) *recordPicker[T] {
	p := &recordPicker[T]{rows: rows, key: key, caseOpen: caseOpen, table: table, add: add, edit: edit}
	table.OnSelected = p.onSelect
	return p
}

func (p *recordPicker[T]) onSelect(id widget.TableCellID) {
	rows := p.rows()
	if id.Row < 0 || id.Row >= len(rows) {
		return
	}
	p.selected = p.key(rows[id.Row])
	p.setButtons()
}

// current is the record selected, if any.
func (p *recordPicker[T]) current() (T, bool) {
	for _, r := range p.rows() {
		if p.selected != "" && p.key(r) == p.selected {
			return r, true
		}
	}
	var none T
	return none, false
}

func (p *recordPicker[T]) setButtons() {
	enable(p.add, p.caseOpen())
	_, ok := p.current()
	enable(p.edit, ok)
	if p.remove != nil {
		enable(p.remove, ok)
	}
}

// clear forgets the selection: another case, or none, is shown.
func (p *recordPicker[T]) clear() {
	p.selected = ""
	p.table.UnselectAll()
	p.table.Refresh()
	p.setButtons()
}

// reselect shows the rows read again and selects the record that was
// selected before, if it is still there, selecting the cell in column col.
func (p *recordPicker[T]) reselect(col int) {
	want := p.selected
	p.table.UnselectAll()
	p.selected = ""
	p.table.Refresh()
	for i, r := range p.rows() {
		if want != "" && p.key(r) == want {
			p.table.Select(widget.TableCellID{Row: i, Col: col})
			p.table.ScrollTo(widget.TableCellID{Row: i, Col: 0})
		}
	}
	p.setButtons()
}

// enable enables or disables a button.
func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
