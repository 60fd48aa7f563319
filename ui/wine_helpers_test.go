package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// wineWindow is what the tests of bollard.exe's window under Wine share:
// the program (BOLLARD_WINDOWS_EXE, cross-built by make windows), a folder
// on drive C: of the prefix make test-windows prepared, and an Xvfb display
// of its own.
type wineWindow struct {
	exe     string
	dir     string // the folder, from Linux
	display string
}

// newWineWindow skips without bollard.exe, fails without the tools, and
// starts Xvfb with xvfbArgs. The folder is removed from the Linux side:
// Wine 8 cannot remove a folder under Go 1.26 (unlinkat: Invalid function).
func newWineWindow(t *testing.T, folder string, xvfbArgs ...string) wineWindow {
	t.Helper()
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
	dir, err := os.MkdirTemp(filepath.Join(prefix, "drive_c"), folder)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	display := startXvfb(t, "Xvfb", xvfbArgs...)
	// Registered after Xvfb, so run before it: Wine leaves its X server
	// while the display is still there. wineserver -k ends every Wine
	// process of the prefix, which is why test-windows runs the Wine test
	// packages one at a time (go test -p 1).
	t.Cleanup(func() {
		if out, err := exec.Command("wineserver", "-k").CombinedOutput(); err != nil && len(out) > 0 {
			t.Logf("wineserver -k: %v\n%s", err, out)
		}
	})
	return wineWindow{exe, dir, display}
}

// workspace is the path of a workspace file in the folder, as Windows names it.
func (w wineWindow) workspace(name string) string {
	return `C:\` + filepath.Base(w.dir) + `\` + name
}

// wineProgram is bollard.exe running under Wine on the test's display.
type wineProgram struct {
	cmd    *exec.Cmd
	output *syncBuffer   // what it printed, stdout and stderr
	exited chan struct{} // closed when it has ended
}

// start starts bollard.exe with args on the display; the test's end kills
// it.
func (w wineWindow) start(t *testing.T, args ...string) *wineProgram {
	t.Helper()
	p := &wineProgram{output: &syncBuffer{}, exited: make(chan struct{})}
	p.cmd = exec.Command("wine", append([]string{w.exe}, args...)...)
	p.cmd.Env = append(os.Environ(), "DISPLAY="+w.display)
	p.cmd.Stdout, p.cmd.Stderr = p.output, p.output
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start wine %s: %v", w.exe, err)
	}
	go func() { p.cmd.Wait(); close(p.exited) }()
	t.Cleanup(func() {
		p.cmd.Process.Kill()
		select {
		case <-p.exited:
		case <-time.After(10 * time.Second):
			t.Log("wine bollard.exe did not end 10 s after it was killed")
		}
	})
	return p
}

// waitFor polls done until it holds, failing the test when bollard.exe
// exits first or a minute passes (Wine's first start in a prefix is slow).
func (p *wineProgram) waitFor(t *testing.T, what string, done func() bool) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); !done(); time.Sleep(250 * time.Millisecond) {
		select {
		case <-p.exited:
			t.Fatalf("bollard.exe exited before %s: %v; its output:\n%s", what, p.cmd.ProcessState, p.output.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %s after a minute; bollard.exe's output:\n%s", what, p.output.String())
		}
	}
}
