package ui

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

// tellNoWindow tells the officer in words why no window opened, on stderr
// and, on Windows, where a GUI program has no console, in a message box.
func tellNoWindow(err error) {
	msg := noWindowMessage(err)
	fmt.Fprintln(os.Stderr, "bollard:", msg)
	showAlert("Bollard could not start", msg)
}

// noWindowMessage words err, from openWindow, for the officer: what
// happened, the usual reason, the system's own words for whoever supports
// them, and what still works.
func noWindowMessage(err error) string {
	// Windows ends its words with a full stop; they sit inside a sentence.
	said := strings.TrimRight(err.Error(), ". ")
	var e *noWindowError
	if errors.As(err, &e) && !e.started {
		return fmt.Sprintf("Bollard could not open its window: it could not reach the computer's display (the system said: %s). "+
			"The command line works without it: %s help.", said, commandName)
	}
	return fmt.Sprintf("Bollard could not open its window: this computer offers no OpenGL 2.1 graphics, "+
		"as happens in some virtual machines and remote desktops (the system said: %s). "+
		"The command line works without it: %s help.", said, commandName)
}
