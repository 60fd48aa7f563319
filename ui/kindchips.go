package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bollard/app/search"
)

// kindHeadings names each kind of search result as a group heading and
// on its filter chip.
var kindHeadings = map[search.Kind]string{
	search.KindCase:     "Cases",
	search.KindSeizure:  "Seizures",
	search.KindEntity:   "Entities",
	search.KindEvidence: "Evidence",
	search.KindTask:     "Tasks",
	search.KindNote:     "Notes",
}

// kindHeading is the heading of a group of hits of kind k.
func kindHeading(k search.Kind) string {
	if h, ok := kindHeadings[k]; ok {
		return h
	}
	return capitalize(string(k))
}

// kindChips are toggle buttons that narrow the search to some kinds of
// record: none pressed finds every kind, as does pressing "All".
type kindChips struct {
	onChanged func()

	all     *widget.Button
	chips   map[search.Kind]*widget.Button
	on      map[search.Kind]bool
	content fyne.CanvasObject
}

func newKindChips(onChanged func()) *kindChips {
	c := &kindChips{onChanged: onChanged, chips: map[search.Kind]*widget.Button{}, on: map[search.Kind]bool{}}
	c.all = widget.NewButton("All", c.onAll)
	row := container.NewHBox(c.all)
	for _, k := range search.Kinds {
		b := widget.NewButton(kindHeading(k), func() { c.onToggle(k) })
		c.chips[k] = b
		row.Add(b)
	}
	c.paint()
	c.content = row
	return c
}

// selected is the kinds to search, nil for all of them.
func (c *kindChips) selected() []search.Kind {
	var ks []search.Kind
	for _, k := range search.Kinds {
		if c.on[k] {
			ks = append(ks, k)
		}
	}
	return ks
}

// onToggle presses or releases the chip of kind k.
func (c *kindChips) onToggle(k search.Kind) {
	c.on[k] = !c.on[k]
	c.paint()
	c.onChanged()
}

// onAll releases every chip.
func (c *kindChips) onAll() {
	if len(c.selected()) == 0 {
		return
	}
	clear(c.on)
	c.paint()
	c.onChanged()
}

// paint shows the pressed chips filled in the accent colour, the others
// grey, and "All" pressed when no chip is.
func (c *kindChips) paint() {
	none := len(c.selected()) == 0
	setPressed(c.all, none)
	for k, b := range c.chips {
		setPressed(b, c.on[k])
	}
}

func setPressed(b *widget.Button, pressed bool) {
	imp := widget.MediumImportance
	if pressed {
		imp = widget.HighImportance
	}
	if b.Importance != imp {
		b.Importance = imp
		b.Refresh()
	}
}
