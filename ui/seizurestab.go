package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

// seizureColumns are the columns of the Seizures tab's table.
var seizureColumns = []tabColumn[func(model.Seizure) string]{
	{"Ref", 75, func(s model.Seizure) string { return s.Ref }},
	{"Seized", 170, func(s model.Seizure) string { return model.FormatWhen(s.SeizedAt) }},
	{"Place", 170, seizurePlace},
	{"Commodity", 180, seizureCommodity},
	{"Quantity", 135, func(s model.Seizure) string { return formatAmount(s.Quantity) + " " + s.Unit.Label() }},
	{"Value", 125, seizureValue},
	{"Transport", 160, func(s model.Seizure) string { return capitalize(s.TransportMode.Label()) }},
	{"Containers", 150, func(s model.Seizure) string { return strings.Join(s.ContainerNumbers, ", ") }},
}

// seizuresTab is a case's seizures in a table, in the order they happened,
// with the buttons that add one and edit the one selected.
type seizuresTab struct {
	store     seizureStore
	win       fyne.Window
	bg        *background
	onChanged func() // a seizure was saved: the case is read again

	file app.CaseFile
	// the seizure selected (by ref), the table, Add and Edit
	*recordPicker[model.Seizure]

	count   *widget.Label
	empty   *widget.Label
	content fyne.CanvasObject

	form *seizureForm // the dialog last opened, for tests
}

func newSeizuresTab(store seizureStore, win fyne.Window, bg *background, onChanged func()) *seizuresTab {
	t := &seizuresTab{store: store, win: win, bg: bg, onChanged: onChanged}
	t.count = widget.NewLabel("")
	add := widget.NewButtonWithIcon("Add seizure…", theme.ContentAddIcon(), t.onAdd)
	add.Importance = widget.HighImportance
	edit := widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), t.onEdit)
	table := newTabTable(seizureColumns, func() int { return len(t.file.Seizures) },
		func(id widget.TableCellID, cell fyne.CanvasObject) {
			cell.(*widget.Label).SetText(t.cellText(id.Row, id.Col))
		})
	t.recordPicker = newRecordPicker(table, add, edit, func() []model.Seizure { return t.file.Seizures },
		func(s model.Seizure) string { return s.Ref }, func() bool { return t.file.Case.Ref != "" })
	t.empty = &widget.Label{Alignment: fyne.TextAlignCenter}
	bar := container.NewHBox(t.add, t.edit, t.count)
	t.content = container.NewBorder(bar, nil, nil, nil, container.NewStack(t.table, container.NewCenter(t.empty)))
	t.setButtons()
	return t
}

// showLoading empties the tab while a new case is read, or after it
// could not be, saying status in place of the count.
func (t *seizuresTab) showLoading(status string) {
	t.file = app.CaseFile{}
	t.count.SetText(status)
	t.empty.SetText("")
	t.clear()
}

// show fills the table with the case's seizures, keeping the one selected.
func (t *seizuresTab) show(f app.CaseFile) {
	if f.Case.Ref != t.file.Case.Ref {
		t.selected = ""
	}
	t.file = f
	t.count.SetText(plural(len(f.Seizures), "seizure") + ", in the order they happened" + cigarettesInAll(f.Seizures))
	sayEmpty(t.empty, len(f.Seizures), "No seizures yet.\nRecord the first with “Add seizure…”.")
	t.reselect(0)
}

// cellText is what the table shows in one cell.
func (t *seizuresTab) cellText(row, col int) string {
	if row < 0 || row >= len(t.file.Seizures) || col < 0 || col >= len(seizureColumns) {
		return ""
	}
	return seizureColumns[col].text(t.file.Seizures[row])
}

// seizure is the seizure selected, if any.
func (t *seizuresTab) seizure() (model.Seizure, bool) { return t.current() }

func (t *seizuresTab) onAdd() {
	t.openForm(model.Seizure{})
}

func (t *seizuresTab) onEdit() {
	if s, ok := t.seizure(); ok {
		t.openForm(s)
	}
}

func (t *seizuresTab) openForm(s model.Seizure) {
	t.form = newSeizureForm(t.store, t.win, t.bg, t.file, s, func(saved model.Seizure) {
		t.selected = saved.Ref
		t.onChanged()
	})
	t.form.show()
}

// seizurePlace is "Port of Algeciras (ESALG)" or "Port of Algeciras, Spain".
func seizurePlace(s model.Seizure) string {
	switch {
	case s.LOCODE != "":
		return s.PlaceName + " (" + s.LOCODE + ")"
	case s.Country != "":
		return s.PlaceName + ", " + s.Country
	}
	return s.PlaceName
}

// seizureCommodity is "Cocaine: 349 bricks in banana boxes".
func seizureCommodity(s model.Seizure) string {
	c := capitalize(s.Category.Label())
	if s.Description == "" {
		return c
	}
	return c + ": " + s.Description
}

// seizureValue is "EUR 12,000,000", or "—" when no value was estimated.
func seizureValue(s model.Seizure) string {
	if s.EstimatedValue == 0 {
		return "—"
	}
	return strings.TrimSpace(s.Currency + " " + formatAmount(s.EstimatedValue))
}

// formatAmount writes 12000000 as 12,000,000 and 349.5 as 349.5, for reading.
func formatAmount(v float64) string {
	whole, frac, _ := strings.Cut(formatNumber(v), ".")
	sign := ""
	if strings.HasPrefix(whole, "-") {
		sign, whole = "-", whole[1:]
	}
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	if frac != "" {
		frac = "." + frac
	}
	return sign + whole + frac
}
