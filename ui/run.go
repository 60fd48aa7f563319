// Package ui is Bollard's desktop window, built with Fyne: the screens the
// officer works in, over the use cases of package app.
package ui

import (
	"context"
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"bollard/assets"
)

// appID is the reverse-DNS identity Fyne keys the preferences by; it
// matches FyneApp.toml.
const appID = "org.bollard.app"

// The window's first size, and the preference keys its last size is kept
// under, so that the window comes back as the officer left it.
const (
	defaultWidth  = 1280
	defaultHeight = 800
	prefWidth     = "window.width"
	prefHeight    = "window.height"
)

// started is when the process started, near enough: the window logs how
// long after it the case list was first shown.
var started = time.Now()

// Run opens the window on the workspace file at workspacePath and returns,
// once the officer closes it, the process's exit code: 0, or 1 when the
// workspace could not be opened or closed, or at once when the window
// itself could not be opened (the officer is told why).
func Run(workspacePath string) int {
	if err := checkDisplay(); err != nil {
		fmt.Fprintln(os.Stderr, "bollard:", err)
		return 1
	}
	a := fyneapp.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("bollard.png", assets.Icon()))
	applyTheme(a)
	var m *mainWindow
	// The window is shown before the loop runs, and before the workspace
	// is opened, so that Bollard can still stop, plainly, when it could not
	// be: openWindow says why.
	err := openWindow(func() fyne.Window {
		win := a.NewWindow("Bollard")
		win.SetMaster()
		restoreSize(a.Preferences(), win)
		win.SetCloseIntercept(newWindowCloser(win, func() { saveSize(a.Preferences(), win) }).onClose)
		m = newMainWindow(win, newBackground(context.Background()), workspacePath)
		return win
	})
	if err != nil {
		tellNoWindow(err)
		return 1
	}
	m.open()
	a.Run()
	return m.close()
}

// restoreSize gives the window the size it had when last closed.
func restoreSize(p fyne.Preferences, win fyne.Window) {
	w := p.FloatWithFallback(prefWidth, defaultWidth)
	h := p.FloatWithFallback(prefHeight, defaultHeight)
	if w < 640 || h < 480 {
		w, h = defaultWidth, defaultHeight // a size too small to work in is not worth remembering
	}
	win.Resize(fyne.NewSize(float32(w), float32(h)))
}

// saveSize remembers the window's size for next time.
func saveSize(p fyne.Preferences, win fyne.Window) {
	size := win.Canvas().Size()
	p.SetFloat(prefWidth, float64(size.Width))
	p.SetFloat(prefHeight, float64(size.Height))
}
