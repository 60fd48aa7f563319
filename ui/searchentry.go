package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// searchEntry is the search field: an entry that also takes the keys that
// move through the results (Up, Down) and leave them (Escape), so that the
// officer's hands never leave the keyboard.
type searchEntry struct {
	widget.Entry
	onUp, onDown, onEscape func()
	// forwardShortcut gets the window's own shortcuts (Ctrl+N, Ctrl+K),
	// which an entry with the focus would otherwise swallow.
	forwardShortcut func(fyne.Shortcut)
}

func newSearchEntry() *searchEntry {
	e := &searchEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey takes the keys of the results; the rest edit the text.
func (e *searchEntry) TypedKey(key *fyne.KeyEvent) {
	switch key.Name {
	case fyne.KeyDown:
		call(e.onDown)
	case fyne.KeyUp:
		call(e.onUp)
	case fyne.KeyEscape:
		call(e.onEscape)
	default:
		e.Entry.TypedKey(key)
	}
}

// TypedShortcut passes Ctrl plus a letter to the window: the entry's own
// shortcuts (copy, paste, undo, select all) are not custom ones and stay
// with it, as do Ctrl+arrows and Ctrl+Backspace for moving by word.
func (e *searchEntry) TypedShortcut(s fyne.Shortcut) {
	if c, ok := s.(*desktop.CustomShortcut); ok && isLetterKey(c.KeyName) && e.forwardShortcut != nil {
		e.forwardShortcut(s)
		return
	}
	e.Entry.TypedShortcut(s)
}

func isLetterKey(k fyne.KeyName) bool {
	return len(k) == 1 && k[0] >= 'A' && k[0] <= 'Z'
}

func call(f func()) {
	if f != nil {
		f()
	}
}
