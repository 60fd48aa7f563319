// Package typed reads the numbers, days and times officers type, in a form,
// on the command line or in a spreadsheet, by one set of rules that knows
// how the four languages of the window write them: 1,234.5 in English,
// 1.234,5 in Spanish and Portuguese, 1 234,5 in French; days as 2026-03-14
// or day first, 14/03/2026, 14.03.2026 or 14-03-2026; times as 14:30 or
// 14h30.
package typed

import (
	"errors"
	"fmt"
)

// Error says why a value an officer typed cannot be read: Why is said
// after the value ("has no month 13"), so that a form, the command line
// and a spreadsheet import can each put it in their own sentence.
type Error struct {
	Typed string // the value as typed
	Why   string
}

// Error is the value and why, on one line.
func (e *Error) Error() string { return fmt.Sprintf("%q: %s", e.Typed, e.Why) }

func refuse(typed, why string, args ...any) *Error {
	return &Error{Typed: typed, Why: fmt.Sprintf(why, args...)}
}

// Why is the reason err gives for refusing a typed value, said after the
// value, or err's own words when it is not one of this package's.
func Why(err error) string {
	var typed *Error
	var ambiguous *AmbiguousError
	switch {
	case errors.As(err, &typed):
		return typed.Why
	case errors.As(err, &ambiguous):
		return ambiguous.Why()
	}
	return fmt.Sprint(err)
}
