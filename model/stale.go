package model

import (
	"errors"
	"fmt"
	"time"
)

// ErrStale is what errors.Is finds in a save refused because the record was
// changed since it was read: the window or script that read it would
// otherwise overwrite, unseen, what someone else saved in between.
var ErrStale = errors.New("changed since it was read")

// StaleError is a save refused because someone else saved the record first.
// It names who and when, so that the officer knows whose work they would
// have overwritten, and says how to go on: reload, look, edit again.
type StaleError struct {
	Record string    // the record as the officer names it: "case DEMO-2026-0001"
	By     Author    // who saved the newer version
	At     time.Time // when they saved it
}

func (e *StaleError) Error() string {
	at := "an unknown time"
	if !e.At.IsZero() {
		at = e.At.Local().Format("2006-01-02 15:04:05")
	}
	by := e.By.String()
	if by == "" {
		by = "someone else"
	}
	msg := fmt.Sprintf("changed by %s at %s — reload to see it", by, at)
	if e.Record != "" {
		msg = e.Record + " was " + msg
	}
	return msg
}

// Is lets errors.Is(err, ErrStale) find a StaleError.
func (e *StaleError) Is(target error) bool { return target == ErrStale }
