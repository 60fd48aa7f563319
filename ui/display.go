package ui

import (
	"errors"
	"os"
	"runtime"
)

// checkDisplay says plainly when there is no screen to open the window on
// (an SSH session, a server, a script that forgot its command), instead of
// letting the windowing library panic with a stack trace.
func checkDisplay() error {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios":
		return nil
	}
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return errors.New("there is no display to open the window on (DISPLAY is not set); the command line works without one: bollard help")
	}
	return nil
}
