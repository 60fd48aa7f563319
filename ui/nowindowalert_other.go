//go:build !windows

package ui

// commandName is Bollard's command line as the officer types it.
const commandName = "bollard"

// showAlert does nothing: outside Windows stderr, where tellNoWindow
// writes, is enough (a terminal shows it; a launcher keeps it in the
// system's log).
func showAlert(title, msg string) {}
