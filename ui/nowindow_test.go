package ui

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// TestNoWindowSaysWhy starts the real binary where its window cannot be
// created and expects it to say why and exit 1 within 30 s, not to hang
// with no window as Fyne v2.7.1 left alone does (nowindow.go says how).
// It pins that behaviour of Fyne and go-gl/glfw: an upgrade that changes
// it fails here.
func TestNoWindowSaysWhy(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts the real binary")
	}
	xvfb, err := exec.LookPath("Xvfb")
	if err != nil {
		t.Skip("Xvfb is not installed (make test installs it)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "bollard")
	if out, err := exec.Command("go", "build", "-o", bin, "..").CombinedOutput(); err != nil {
		t.Fatalf("build bollard: %v\n%s", err, out)
	}
	env := append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"),
		"XDG_DATA_HOME="+filepath.Join(dir, "data"), "WAYLAND_DISPLAY=", "BOLLARD_DB="+filepath.Join(dir, "ws.db"))

	t.Run("no OpenGL", func(t *testing.T) {
		// An X server without its GLX extension offers no OpenGL, as a
		// Windows virtual machine without 3D acceleration does.
		display := startXvfb(t, xvfb, "-extension", "GLX")
		stderr := runWithoutWindow(t, bin, append(env, "DISPLAY="+display))
		for _, want := range []string{"could not open its window: this computer offers no OpenGL 2.1 graphics",
			"(the system said: APIUnavailable: GLX: GLX extension not found)", "bollard help"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("stderr does not say %q:\n%s", want, stderr)
			}
		}
	})
	t.Run("no display server", func(t *testing.T) {
		stderr := runWithoutWindow(t, bin, append(env, "DISPLAY="+freeDisplay(t)))
		for _, want := range []string{"could not open its window: it could not reach the computer's display",
			"X11: Failed to open display"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("stderr does not say %q:\n%s", want, stderr)
			}
		}
	})
}

// runWithoutWindow runs bin, expecting it to exit 1 within 30 s, and
// returns its stderr.
func runWithoutWindow(t *testing.T, bin string, env []string) string {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(bin)
	cmd.Env, cmd.Stderr = env, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			t.Errorf("bollard ended with %v, want exit status 1", err)
		}
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		<-exited
		t.Fatalf("bollard was still running 30 s after its window failed; its stderr:\n%s", stderr.String())
	}
	return stderr.String()
}

// freeDisplay is an X display no server is on.
func freeDisplay(t *testing.T) string {
	for n := 249; n > 150; n-- {
		if !exists(fmt.Sprintf("/tmp/.X11-unix/X%d", n)) && !exists(fmt.Sprintf("/tmp/.X%d-lock", n)) {
			return fmt.Sprintf(":%d", n)
		}
	}
	t.Fatal("no free X display between :151 and :249")
	return ""
}

// TestLogHearingKeepsTheSystemsWords checks that the system's words are
// picked out of the lines Fyne's LogError and go-gl/glfw write, and that
// the lines still reach the log.
func TestLogHearingKeepsTheSystemsWords(t *testing.T) {
	var out bytes.Buffer
	old := log.Writer()
	log.SetOutput(&out)
	defer log.SetOutput(old)

	h := hearLog()
	log.Println("ui: something else")
	fyne.LogError("Error parsing user locale C", errors.New("language: tag is not well-formed"))
	fyne.LogError("window creation error", errors.New("APIUnavailable: GLX: GLX extension not found"))
	if got := h.stop(); got != "APIUnavailable: GLX: GLX extension not found" {
		t.Errorf("heard %q from Fyne's LogError", got)
	}
	if log.Writer() != &out {
		t.Error("the log was not put back")
	}
	if !strings.Contains(out.String(), "window creation error") || !strings.Contains(out.String(), "something else") {
		t.Errorf("the lines did not reach the log:\n%s", out.String())
	}

	h = hearLog()
	log.Println(errors.New("PlatformError: WGL: Failed to set pixel format for dummy context: Invalid window handle")) // as go-gl/glfw does
	if got := h.stop(); got != "PlatformError: WGL: Failed to set pixel format for dummy context: Invalid window handle" {
		t.Errorf("heard %q from go-gl/glfw's platform error", got)
	}
}
