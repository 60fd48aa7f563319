package ui

import (
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// openForms are the editing dialogs open in each window, so that closing
// the window can ask before it drops what was typed in one of them. The
// lock is for the tests, which run windows side by side; in the app every
// form opens and closes on the UI goroutine.
var openForms = struct {
	sync.Mutex
	byWindow map[fyne.Window][]*formGuard
}{byWindow: map[fyne.Window][]*formGuard{}}

// trackForm counts g among the forms open in its window.
func trackForm(g *formGuard) {
	openForms.Lock()
	defer openForms.Unlock()
	if !slices.Contains(openForms.byWindow[g.win], g) {
		openForms.byWindow[g.win] = append(openForms.byWindow[g.win], g)
	}
}

// untrackForm forgets g, closed.
func untrackForm(g *formGuard) {
	openForms.Lock()
	defer openForms.Unlock()
	forms := slices.DeleteFunc(openForms.byWindow[g.win], func(f *formGuard) bool { return f == g })
	if len(forms) == 0 {
		delete(openForms.byWindow, g.win)
	} else {
		openForms.byWindow[g.win] = forms
	}
}

// unsavedForms are the titles of the forms open in win that hold changes
// not saved, in the order they were opened.
func unsavedForms(win fyne.Window) []string {
	openForms.Lock()
	forms := slices.Clone(openForms.byWindow[win])
	openForms.Unlock()
	var titles []string
	for _, g := range forms {
		if g.open && g.dirty() {
			titles = append(titles, "“"+g.title+"”")
		}
	}
	return titles
}

// windowCloser is what the window's close button does: it closes the
// window at once, unless a form open in it holds changes not saved, when
// it asks first, so that nothing typed is lost silently at the end of the
// day either.
type windowCloser struct {
	win         fyne.Window
	beforeClose func() // remembers the window's size; may be nil
	close       func() // closes the window; the tests replace it

	asking dialog.Dialog // the question being asked, nil when none
	answer func(bool)    // its answer, for tests
}

func newWindowCloser(win fyne.Window, beforeClose func()) *windowCloser {
	return &windowCloser{win: win, beforeClose: beforeClose, close: win.Close}
}

// onClose is the window's close intercept.
func (c *windowCloser) onClose() {
	titles := unsavedForms(c.win)
	if len(titles) == 0 {
		c.closeNow()
		return
	}
	if c.asking != nil {
		return // the question is on the screen already
	}
	c.answer = func(discard bool) {
		c.asking = nil
		if discard {
			c.closeNow()
		}
	}
	d := dialog.NewConfirm("Discard unsaved changes?",
		"You have unsaved changes in "+strings.Join(titles, " and ")+": discard them and close?", c.answer, c.win)
	d.SetConfirmText("Discard and close")
	d.SetDismissText("Keep editing")
	c.asking = d
	d.Show()
}

func (c *windowCloser) closeNow() {
	if c.beforeClose != nil {
		c.beforeClose()
	}
	c.close()
}
