package ui

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// prefIdleLock keys, in the app's preferences (not the workspace: the
// setting must be readable while the workspace is locked), how many
// minutes without input lock an encrypted workspace; 0 is never.
const (
	prefIdleLock    = "lock.idle.minutes"
	defaultIdleLock = 10
	maxIdleLock     = 24 * 60
)

// idleUnit is what one minute of the setting lasts; tests shorten it.
var idleUnit = time.Minute

// idleWatch locks the window after the officer has left it alone for the
// minutes set in Settings.
//
// Fyne has no window-wide hook for input: a key typed in a focused field
// goes to the field alone, and a transparent layer over the window to
// catch the mouse would take hovering and tapping from the widgets under
// it. So the watch takes the keys typed with nothing focused from the
// canvas, and looks, a dozen times per minute of the setting, at what the
// input changes on screen: the focused widget, the text and cursor of a
// focused field, the screen and the dialog shown. An officer who only
// moves the mouse or scrolls for the whole idle time is taken as away.
type idleWatch struct {
	win    fyne.Window
	bg     *background
	prefs  fyne.Preferences
	unit   time.Duration // idleUnit when the watch started
	onIdle func()

	mu      sync.Mutex // last and seen: the canvas hooks and the tick
	last    time.Time
	seen    activity
	stopped bool
	stop    context.CancelFunc
}

// activity is what input changes on screen, compared tick to tick.
type activity struct {
	focused fyne.Focusable
	text    string
	row     int
	column  int
	content fyne.CanvasObject
	overlay fyne.CanvasObject
}

// startIdleWatch starts watching win; onIdle runs on the UI goroutine.
func startIdleWatch(win fyne.Window, bg *background, prefs fyne.Preferences, onIdle func()) *idleWatch {
	w := &idleWatch{win: win, bg: bg, prefs: prefs, unit: idleUnit, onIdle: onIdle, last: time.Now()}
	ctx, stop := context.WithCancel(context.Background())
	w.stop = stop
	c := win.Canvas()
	c.SetOnTypedKey(func(*fyne.KeyEvent) { w.poke() })
	c.SetOnTypedRune(func(rune) { w.poke() })
	w.seen = w.look()
	go w.run(ctx)
	return w
}

// idleAfter is the idle time set, in minutes of unit, zero for never.
func idleAfter(prefs fyne.Preferences, unit time.Duration) time.Duration {
	minutes := prefs.IntWithFallback(prefIdleLock, defaultIdleLock)
	if minutes <= 0 {
		return 0
	}
	return time.Duration(minutes) * unit
}

func (w *idleWatch) run(ctx context.Context) {
	t := time.NewTicker(w.unit / 12)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			fyne.Do(w.tick)
		}
	}
}

// poke is input: the idle time starts again.
func (w *idleWatch) poke() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.last = time.Now()
}

// tick looks at the screen, on the UI goroutine, and locks when nothing
// changed for the idle time.
func (w *idleWatch) tick() {
	var idle bool
	w.bg.serial(func() { idle = w.idleNow() })
	if idle {
		w.onIdle()
	}
}

func (w *idleWatch) idleNow() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	after := idleAfter(w.prefs, w.unit)
	if w.stopped || after == 0 {
		w.last = time.Now() // the time counts from when it is set again
		return false
	}
	if now := w.look(); now != w.seen {
		w.seen, w.last = now, time.Now()
	}
	return time.Since(w.last) >= after
}

func (w *idleWatch) look() activity {
	c := w.win.Canvas()
	a := activity{focused: c.Focused(), content: c.Content(), overlay: c.Overlays().Top()}
	if e := entryOf(a.focused); e != nil {
		a.text, a.row, a.column = e.Text, e.CursorRow, e.CursorColumn
	}
	return a
}

// entryOf is the text field inside the focused widget, when it is one of
// Bollard's fields (all built on widget.Entry), or nil.
func entryOf(f fyne.Focusable) *widget.Entry {
	switch e := f.(type) {
	case *widget.Entry:
		return e
	case *searchEntry:
		return &e.Entry
	case *savingEntry:
		return &e.Entry
	case *countryField:
		return &e.Entry
	case *widget.SelectEntry:
		return &e.Entry
	}
	return nil
}

// end stops the watch and lets go of the canvas hooks.
func (w *idleWatch) end() {
	w.mu.Lock()
	w.stopped = true
	w.mu.Unlock()
	w.stop()
	c := w.win.Canvas()
	c.SetOnTypedKey(nil)
	c.SetOnTypedRune(nil)
}
