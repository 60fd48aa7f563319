package ui

import (
	"errors"
	"fmt"
	"log"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// openWindow creates the window with newWindow and shows it, before the
// event loop runs, and says whether it is really on the screen: on a
// computer without OpenGL 2.1 (some virtual machines and remote desktops)
// it is not.
//
// Fyne v2.7.1 gives no error for a window it could not create. When GLFW
// cannot make one, go-gl/glfw logs the system's words and returns no error
// ("PlatformError: WGL: Failed to set pixel format…", on Windows), or Fyne
// logs them ("window creation error", "Cause: GLX: GLX extension not
// found", on X11) and calls its Quit, which before the event loop has
// started does nothing. Either way the window is left without a native
// window and ShowAndRun waits for ever on a loop with nothing to show; a
// GUI program on Windows, with no console, shows nothing at all. When GLFW
// cannot start (X11 display unreachable) its binding panics instead,
// inside NewWindow. So the window is checked here, where Bollard can still
// stop, through Fyne's public driver.NativeWindow: a window that exists
// has a native handle, one that failed has 0. The log is heard meanwhile
// only for the system's words to pass on. TestNoWindowSaysWhy and
// TestWineNoWindowSaysWhy run the real program where this happens, so a
// Fyne upgrade that changes it fails them.
func openWindow(newWindow func() fyne.Window) (err error) {
	heard := hearLog()
	defer func() {
		said := heard.stop()
		if p := recover(); p != nil {
			log.Printf("ui: the window library failed: %v\n%s", p, debug.Stack())
			err = &noWindowError{started: false, said: firstOf(said, fmt.Sprint(p))}
			return
		}
		if err != nil {
			err = &noWindowError{started: true, said: firstOf(said, err.Error())}
		}
	}()
	win := newWindow()
	win.Show()
	if !hasNativeWindow(win) {
		return errors.New("no native window was created")
	}
	return nil
}

// hasNativeWindow says whether win has a window of the system under it.
// A driver that cannot say (none of the desktop ones) is trusted.
func hasNativeWindow(win fyne.Window) bool {
	nw, ok := win.(driver.NativeWindow)
	if !ok {
		return true
	}
	has := true
	nw.RunNative(func(c any) {
		switch c := c.(type) {
		case driver.WindowsWindowContext:
			has = c.HWND != 0
		case driver.X11WindowContext:
			has = c.WindowHandle != 0
		case driver.WaylandWindowContext:
			has = c.WaylandSurface != 0
		case driver.MacWindowContext:
			has = c.NSWindow != 0
		}
	})
	return has
}

// noWindowError is a window that could not be opened.
type noWindowError struct {
	started bool   // GLFW, the window library, started: what failed was the window's OpenGL
	said    string // the system's words, for whoever supports the officer
}

func (e *noWindowError) Error() string { return e.said }

func firstOf(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
