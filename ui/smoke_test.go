package ui

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSmokeRealWindow starts the real binary in a real window under Xvfb,
// on a demo workspace of 200 cases, and checks that four seconds later it
// is still running and has shown the case list.
func TestSmokeRealWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("the smoke test builds and starts the real binary")
	}
	xvfb, err := exec.LookPath("Xvfb")
	if err != nil {
		t.Skip("Xvfb is not installed (make test installs it): the real window cannot be started")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "bollard")
	build := exec.Command("go", "build", "-o", bin, "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build bollard: %v\n%s", err, out)
	}
	env := append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"),
		"XDG_DATA_HOME="+filepath.Join(dir, "data"), "WAYLAND_DISPLAY=")
	db := filepath.Join(dir, "demo.db")
	demo := exec.Command(bin, "--db", db, "demo", "--cases", "200")
	demo.Env = env
	if out, err := demo.CombinedOutput(); err != nil {
		t.Fatalf("bollard demo: %v\n%s", err, out)
	}

	display := startXvfb(t, xvfb)
	var stderr bytes.Buffer
	win := exec.Command(bin)
	win.Env = append(env, "DISPLAY="+display, "BOLLARD_DB="+db)
	win.Stdout, win.Stderr = &stderr, &stderr
	if err := win.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- win.Wait() }()
	select {
	case err := <-exited:
		t.Fatalf("the window exited after less than 4 s: %v\n%s", err, stderr.String())
	case <-time.After(4 * time.Second):
	}
	win.Process.Signal(syscall.SIGTERM)
	select {
	case <-exited:
	case <-time.After(3 * time.Second):
		win.Process.Kill()
		<-exited
	}
	if log := stderr.String(); !strings.Contains(log, "ui: the case list shows") {
		t.Errorf("the window did not report showing the case list; its log:\n%s", log)
	}
}

// startXvfb starts an X server on a free display for the test, with extra
// arguments if any, and returns the display's name.
func startXvfb(t *testing.T, xvfb string, extra ...string) string {
	t.Helper()
displays:
	for n := 150; n < 250; n++ {
		if exists(fmt.Sprintf("/tmp/.X11-unix/X%d", n)) || exists(fmt.Sprintf("/tmp/.X%d-lock", n)) {
			continue
		}
		display := fmt.Sprintf(":%d", n)
		x := exec.Command(xvfb, append([]string{display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"}, extra...)...)
		if err := x.Start(); err != nil {
			t.Fatalf("start Xvfb: %v", err)
		}
		done := make(chan struct{})
		go func() { x.Wait(); close(done) }()
		t.Cleanup(func() {
			x.Process.Kill()
			<-done
		})
		for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			select {
			case <-done:
				continue displays // another server took the display first: try the next
			default:
			}
			if exists(fmt.Sprintf("/tmp/.X11-unix/X%d", n)) {
				return display
			}
		}
		t.Fatalf("Xvfb %s did not start", display)
	}
	t.Fatal("no free X display between :150 and :249")
	return ""
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
