package ui

import (
	"context"
	"sync"
	"time"
)

// outsideSaver is what watching a workspace for other programs' saves needs.
type outsideSaver interface {
	OutsideSaves(ctx context.Context) (int64, error)
}

// outsidePollEvery is how often the window asks whether another program
// (a script, a second window, an import from the command line) saved to
// the workspace file: often enough that what is on screen is never stale
// for long, seldom enough to cost nothing (one PRAGMA, no lock held).
const outsidePollEvery = 1500 * time.Millisecond

// outsideWatcher notices saves made to a workspace file by other programs
// and tells the window, which reads again what it shows. The window's own
// saves are not outside saves: it reloads after them already.
type outsideWatcher struct {
	ws       outsideSaver
	bg       *background
	onChange func() // on the UI goroutine

	mu      sync.Mutex // the poll and a test's own check, one at a time
	last    int64
	known   bool
	failing bool // the last ask failed: logged once, not every poll
}

func newOutsideWatcher(ws outsideSaver, bg *background, onChange func()) *outsideWatcher {
	return &outsideWatcher{ws: ws, bg: bg, onChange: onChange}
}

// run asks every outsidePollEvery until ctx ends. It is not counted as
// background work: it never ends while the window is open, and the window
// stops it (ctx) before it waits for the work in flight and closes the file.
func (w *outsideWatcher) run(ctx context.Context) {
	w.check(ctx) // the mark the window starts from
	t := time.NewTicker(outsidePollEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			w.check(ctx)
		}
	}
}

// check asks once, and calls onChange through fyne.Do when the mark moved
// since the last time. A failed ask (the file on a stick just pulled out)
// is logged and asked again next time; it is not the officer's concern
// until a read or a save of theirs fails.
func (w *outsideWatcher) check(ctx context.Context) {
	w.mu.Lock()
	defer w.mu.Unlock()
	v, err := w.ws.OutsideSaves(ctx)
	if err != nil {
		if ctx.Err() == nil && !w.failing {
			logError("ask for saves by other programs", err)
		}
		w.failing = true
		return
	}
	w.failing = false
	changed := w.known && v != w.last
	w.last, w.known = v, true
	if changed {
		w.bg.do(w.onChange)
	}
}
