package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWineNoWindowSaysWhy starts bollard.exe (BOLLARD_WINDOWS_EXE) under
// Wine on an Xvfb without GLX, where, as on a Windows virtual machine
// without OpenGL 2.1, the window cannot be created. Bollard.exe has no
// console, so the officer must see a message box: the test waits for it,
// keeps a screenshot (go test -artifacts), presses Return and expects
// bollard.exe to exit with status 1.
func TestWineNoWindowSaysWhy(t *testing.T) {
	// Where the workspace would be, were the window to open after all.
	w := newWineWindow(t, "bollard-nowindow-", "-extension", "GLX")
	display := w.display
	win := w.start(t, "--db", w.workspace("ws.db"))
	output := win.output

	// bollard.exe must wait for the officer to read the message box.
	var id string
	win.waitFor(t, "message box", func() bool {
		if ids := strings.Fields(xdotool(t, display, "search", "--onlyvisible", "--name", "^Bollard could not start$")); len(ids) > 0 {
			id = ids[0]
		}
		return id != ""
	})
	time.Sleep(500 * time.Millisecond) // let it paint
	shot := screenshot(t, display, filepath.Join(t.ArtifactDir(), "wine-no-window.png"))
	if area := windowArea(t, display, id).Intersect(shot.Bounds()); area.Dx() < 200 || area.Dy() < 60 {
		t.Errorf("the message box on screen is %v, too small to be read", area)
	} else if n := colours(shot, area); n < 16 {
		t.Errorf("the message box shows %d colours: it did not draw its text", n)
	}
	for _, want := range []string{"Bollard could not open its window: this computer offers no OpenGL 2.1 graphics",
		"(the system said: PlatformError: WGL:", "Invalid window handle). The command line works without it: bollard.com help."} {
		if !strings.Contains(output.String(), want) {
			t.Errorf("bollard.exe's stderr does not say %q:\n%s", want, output.String())
		}
	}

	xdotool(t, display, "windowfocus", "--sync", id)
	xdotool(t, display, "key", "Return")
	select {
	case <-win.exited:
		if code := win.cmd.ProcessState.ExitCode(); code != 1 {
			t.Errorf("bollard.exe ended with %v once the message box was closed, want exit status 1", win.cmd.ProcessState)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("bollard.exe was still running 30 s after its message box was closed; its output:\n%s", output.String())
	}
	t.Logf("screenshot of the message box in %s", t.ArtifactDir())
}
