package ui

import (
	"context"
	"errors"
	"log"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"bollard/model"
)

// showError is the one way a failure reaches the officer: the detail goes to
// the log for whoever supports them, and the window shows one dialog in
// plain words saying what did not happen and, where the officer can fix it,
// how. doing names the action as the officer asked for it ("save the case").
func showError(win fyne.Window, doing string, err error) {
	logError(doing, err)
	dialog.ShowError(errors.New(plainError(doing, err)), win)
}

// plainError words err for the officer. The model's errors are already
// written for them; the store's carry technical context that only the log needs.
func plainError(doing string, err error) string {
	msg := "Could not " + doing + "."
	switch {
	case errors.Is(err, model.ErrNoOfficer):
		return msg + " Your officer profile is not set: fill in your name, agency and case-ref prefix first."
	case errors.Is(err, model.ErrConflict):
		return msg + " A record with the same reference already exists; reload the list and try again."
	case errors.Is(err, model.ErrStale):
		return msg + " " + capitalize(err.Error()) + ".\n\nWhat you typed is still in the form: cancel it to see their change, then edit again."
	case errors.Is(err, model.ErrNotFound):
		return msg + " It no longer exists in this workspace; reload the list."
	case errors.Is(err, context.Canceled):
		return msg + " The window was closing."
	case len(model.FieldErrors(err)) > 0:
		return msg + " " + capitalize(err.Error()) + "."
	}
	// The store prefixes its errors with its name for the log; the officer
	// needs only what follows.
	return msg + "\n\n" + capitalize(strings.TrimPrefix(err.Error(), "storage: "))
}

// capitalize upper-cases the first letter of a message for display.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// logError writes the detail of a failure to the log, for support.
func logError(doing string, err error) {
	log.Printf("ui: %s: %v", doing, err)
}
