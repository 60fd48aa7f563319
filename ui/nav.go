package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// section is one of the screens the navigation rail switches between.
type section int

// The sections, in the order of the rail.
const (
	sectionCases section = iota
	sectionEntities
	sectionSeizures
	sectionEvidence
	sectionTasks
	sectionSettings
)

var sections = []struct {
	title string
	icon  func() fyne.Resource // called once the app is up: a theme icon needs it
}{
	sectionCases:    {"Cases", theme.FolderIcon},
	sectionEntities: {"Entities", theme.AccountIcon},
	sectionSeizures: {"Seizures", theme.WarningIcon},
	sectionEvidence: {"Evidence", theme.FileIcon},
	sectionTasks:    {"Tasks", theme.ListIcon},
	sectionSettings: {"Settings", theme.SettingsIcon},
}

func (s section) String() string { return sections[s].title }

// navRail is the column of sections down the left of the window: an icon
// over its name, the current one on a tinted ground.
type navRail struct {
	items    []*navItem
	current  section
	onSelect func(section)
	content  fyne.CanvasObject
}

func newNavRail(onSelect func(section)) *navRail {
	r := &navRail{onSelect: onSelect}
	top := container.NewVBox()
	for i, s := range sections {
		it := newNavItem(s.title, s.icon(), func() { r.onTapped(section(i)) })
		r.items = append(r.items, it)
		if section(i) == sectionSettings {
			continue // at the bottom, apart from the work
		}
		top.Add(it)
	}
	r.content = container.NewBorder(nil, r.items[sectionSettings], nil, nil, top)
	r.set(sectionCases)
	return r
}

func (r *navRail) onTapped(s section) {
	r.set(s)
	r.onSelect(s)
}

// set marks s as the section shown, without switching to it.
func (r *navRail) set(s section) {
	r.current = s
	for i, it := range r.items {
		it.setSelected(section(i) == s)
	}
}

// navItem is one section of the rail: a tappable icon over a caption.
type navItem struct {
	widget.BaseWidget
	label    *widget.Label
	icon     *widget.Icon
	ground   *canvas.Rectangle
	selected bool
	hovered  bool
	onTapped func()
}

func newNavItem(title string, icon fyne.Resource, onTapped func()) *navItem {
	it := &navItem{
		label:    &widget.Label{Text: title, Alignment: fyne.TextAlignCenter, SizeName: theme.SizeNameCaptionText},
		icon:     widget.NewIcon(icon),
		ground:   canvas.NewRectangle(color.Transparent),
		onTapped: onTapped,
	}
	it.ground.CornerRadius = theme.InputRadiusSize()
	it.ExtendBaseWidget(it)
	return it
}

func (it *navItem) CreateRenderer() fyne.WidgetRenderer {
	icon := container.NewCenter(withMinSize(it.icon, fyne.NewSize(28, 28)))
	box := container.NewVBox(icon, it.label)
	return widget.NewSimpleRenderer(container.NewStack(it.ground, container.NewPadded(box)))
}

// MinSize keeps every item as wide as the widest caption needs.
func (it *navItem) MinSize() fyne.Size {
	s := it.BaseWidget.MinSize()
	return fyne.NewSize(max(s.Width, 84), s.Height)
}

func (it *navItem) setSelected(on bool) {
	it.selected = on
	it.label.TextStyle.Bold = on
	it.label.Refresh()
	it.refreshGround()
}

// Refresh follows a change of theme too: the ground's colour is the theme's.
func (it *navItem) Refresh() {
	it.refreshGround()
	it.BaseWidget.Refresh()
}

func (it *navItem) refreshGround() {
	switch {
	case it.selected:
		it.ground.FillColor = theme.Color(theme.ColorNameSelection)
	case it.hovered:
		it.ground.FillColor = theme.Color(theme.ColorNameHover)
	default:
		it.ground.FillColor = color.Transparent
	}
	it.ground.Refresh()
}

// Tapped switches to the item's section.
func (it *navItem) Tapped(*fyne.PointEvent) {
	if it.onTapped != nil {
		it.onTapped()
	}
}

// MouseIn, MouseMoved and MouseOut light the item under the pointer.
func (it *navItem) MouseIn(*desktop.MouseEvent) { it.hovered = true; it.refreshGround() }

// MouseMoved is needed for desktop.Hoverable.
func (it *navItem) MouseMoved(*desktop.MouseEvent) {}

// MouseOut ends the hover.
func (it *navItem) MouseOut() { it.hovered = false; it.refreshGround() }

// Cursor is the pointing hand: the item is a button.
func (it *navItem) Cursor() desktop.Cursor { return desktop.PointerCursor }
