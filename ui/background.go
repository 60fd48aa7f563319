package ui

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
)

// background runs the work that touches the disk off the UI goroutine, so
// that a slow disk or a long demo fill never freezes the window, and hands
// each result back to the UI goroutine through fyne.Do.
//
// It counts the work in flight: the window waits for it before closing the
// workspace files, so that a save the officer has just asked for is
// finished rather than cut short, and tests wait for it instead of sleeping.
type background struct {
	ctx     context.Context
	pending sync.WaitGroup
	// session is the work's context and generation since the window was
	// last unlocked: locking ends it (endSession), so that reads under way
	// stop and their results, which belong to screens no longer shown, are
	// dropped rather than shown over the lock screen.
	session struct {
		sync.Mutex
		ctx  context.Context
		stop context.CancelFunc
		gen  uint64
	}
	// updates makes the widget updates of background work run one at a
	// time. In the app fyne.Do already runs them one by one on the UI
	// goroutine and the lock is never contended; the test driver runs them
	// on the calling goroutine, where two could otherwise overlap.
	updates sync.Mutex
}

func newBackground(ctx context.Context) *background {
	bg := &background{ctx: ctx}
	bg.session.ctx, bg.session.stop = context.WithCancel(ctx)
	return bg
}

// current is the session's context and generation.
func (bg *background) current() (context.Context, uint64) {
	bg.session.Lock()
	defer bg.session.Unlock()
	return bg.session.ctx, bg.session.gen
}

// endSession cancels the work of the session and begins the next: work
// started before no longer reaches the screen.
func (bg *background) endSession() {
	bg.session.Lock()
	defer bg.session.Unlock()
	bg.session.stop()
	bg.session.ctx, bg.session.stop = context.WithCancel(bg.ctx)
	bg.session.gen++
}

// inBackground runs work on a goroutine of its own, then done with its
// result on the UI goroutine. done may start more background work; wait
// covers that too, because the new work is counted before the old is
// uncounted.
func inBackground[T any](bg *background, work func(ctx context.Context) (T, error), done func(T, error)) {
	bg.pending.Add(1)
	ctx, gen := bg.current()
	go func() {
		defer bg.pending.Done()
		v, err := work(ctx)
		// fyne.Do, not DoAndWait: once the window has closed nobody serves
		// the UI queue, and the disk work must still be able to finish.
		bg.do(func() {
			if _, now := bg.current(); now != gen {
				// The window was locked meanwhile: what the work opened
				// is closed rather than left open behind the lock.
				if d, ok := any(v).(discarder); ok && err == nil {
					d.discard()
				}
				return
			}
			done(v, err)
		})
	}()
}

// discarder is a result of background work that holds something open,
// closed when the result is dropped.
type discarder interface{ discard() }

// do updates widgets from a background goroutine.
func (bg *background) do(update func()) {
	fyne.Do(func() {
		bg.updates.Lock()
		defer bg.updates.Unlock()
		update()
	})
}

// wait blocks until no background work is in flight. In the running app
// that is the disk work; under the test driver, which runs fyne.Do at once
// on the calling goroutine, it is the widget updates as well.
func (bg *background) wait() {
	bg.pending.Wait()
}

// sessionContext is the context of work that should stop when the window
// locks.
func (bg *background) sessionContext() context.Context {
	ctx, _ := bg.current()
	return ctx
}

// serial runs update at once, one at a time with the widget updates of
// background work: for the UI goroutine's own work that may meet them
// under the test driver (the idle lock's timer, the lock itself).
func (bg *background) serial(update func()) {
	bg.updates.Lock()
	defer bg.updates.Unlock()
	update()
}
