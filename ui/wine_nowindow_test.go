package ui

import (
	"errors"
	"os"
	"os/exec"
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
	exe := os.Getenv("BOLLARD_WINDOWS_EXE")
	if exe == "" {
		t.Skip("BOLLARD_WINDOWS_EXE is not set: make test-windows cross-builds bollard.exe and runs this test under Wine")
	}
	for _, tool := range []string{"wine", "wineserver", "Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed (make deps-test and make deps-windows install it): %v", tool, err)
		}
	}
	prefix := os.Getenv("WINEPREFIX")
	if prefix == "" {
		t.Fatal("WINEPREFIX is not set: make test-windows sets it to the prefix it prepared (.tools/wine)")
	}
	// Where the workspace would be, were the window to open after all.
	dir, err := os.MkdirTemp(filepath.Join(prefix, "drive_c"), "bollard-nowindow-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })

	display := startXvfb(t, "Xvfb", "-extension", "GLX")
	t.Cleanup(func() { // after bollard.exe, before Xvfb: see TestWineWindowDraws
		if out, err := exec.Command("wineserver", "-k").CombinedOutput(); err != nil && len(out) > 0 {
			t.Logf("wineserver -k: %v\n%s", err, out)
		}
	})

	var output syncBuffer
	win := exec.Command("wine", exe, "--db", `C:\`+filepath.Base(dir)+`\ws.db`)
	win.Env = append(os.Environ(), "DISPLAY="+display)
	win.Stdout, win.Stderr = &output, &output
	if err := win.Start(); err != nil {
		t.Fatalf("start wine %s: %v", exe, err)
	}
	exited := make(chan struct{})
	var waitErr error
	go func() { waitErr = win.Wait(); close(exited) }()
	t.Cleanup(func() {
		win.Process.Kill()
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			t.Log("wine bollard.exe did not end 10 s after it was killed")
		}
	})

	var id string
	for deadline := time.Now().Add(time.Minute); id == ""; time.Sleep(250 * time.Millisecond) {
		select {
		case <-exited:
			t.Fatalf("bollard.exe exited (%v) without waiting for the officer to read a message box; its output:\n%s", waitErr, output.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no message box after a minute; bollard.exe's output:\n%s", output.String())
		}
		if ids := strings.Fields(xdotool(t, display, "search", "--onlyvisible", "--name", "^Bollard could not start$")); len(ids) > 0 {
			id = ids[0]
		}
	}
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
	case <-exited:
		var exit *exec.ExitError
		if !errors.As(waitErr, &exit) || exit.ExitCode() != 1 {
			t.Errorf("bollard.exe ended with %v once the message box was closed, want exit status 1", waitErr)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("bollard.exe was still running 30 s after its message box was closed; its output:\n%s", output.String())
	}
	t.Logf("screenshot of the message box in %s", t.ArtifactDir())
}
