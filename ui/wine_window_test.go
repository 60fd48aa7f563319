package ui

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestWineWindowDraws starts bollard.exe (BOLLARD_WINDOWS_EXE, cross-built
// by make windows) under Wine on its own Xvfb display, on a plain demo
// workspace on drive C:, and checks with screenshots that the window really
// drew: the Bollard window appears with the workspace in its title, shows
// the case list under the orange "not encrypted" banner, and changes when a
// search is typed. The screenshots are kept with go test -artifacts.
func TestWineWindowDraws(t *testing.T) {
	w := newWineWindow(t, "bollard-window-")
	exe, display, db := w.exe, w.display, w.workspace("ws.db")
	wineRun(t, exe, "--db", db, "init", "--plain", "--officer", "Ana Ruiz",
		"--agency", "Agencia Tributaria", "--country", "ES", "--prefix", "ESA")
	wineRun(t, exe, "--db", db, "demo")

	win := w.start(t, "--db", db)
	output := win.output
	waitFor := func(what string, done func() bool) { t.Helper(); win.waitFor(t, what, done) }

	var id string
	waitFor("visible Bollard window", func() bool {
		ids := strings.Fields(xdotool(t, display, "search", "--onlyvisible", "--name", "^Bollard"))
		if len(ids) > 0 {
			id = ids[0]
		}
		return id != ""
	})
	if title := xdotool(t, display, "getwindowname", id); !strings.Contains(title, "ws.db") {
		t.Errorf("the window's title is %q, want it to name the workspace ws.db", title)
	}
	waitFor("case list", func() bool { return strings.Contains(output.String(), "ui: the case list shows") })
	time.Sleep(time.Second) // the log line comes as the list fills; let it paint

	shots := t.ArtifactDir()
	home := screenshot(t, display, filepath.Join(shots, "wine-window.png"))
	area := windowArea(t, display, id).Intersect(home.Bounds())
	if area.Dx() < 400 || area.Dy() < 300 {
		t.Fatalf("the Bollard window on screen is %v, too small to show the case list", area)
	}
	if n := colours(home, area); n < 64 {
		t.Errorf("the window shows %d colours: it did not draw (a drawn case list has hundreds)", n)
	}
	// The workspace is plain, so the window warns in the theme's orange
	// (#FF9800) across its top.
	if got := share(home, area, func(r, g, b uint32) bool { return r == 0xff && g == 0x98 && b == 0 }); got < 0.01 {
		t.Errorf("%.2f%% of the window is the warning orange: no \"not encrypted\" banner", got*100)
	}

	// Ctrl+K puts the cursor in the search field; the results replace the
	// case list, with each match in the theme's blue (#296FF6), which the
	// case list below its header row does not use.
	xdotool(t, display, "windowfocus", "--sync", id)
	xdotool(t, display, "key", "--clearmodifiers", "ctrl+k")
	xdotool(t, display, "type", "--delay", "100", "cocaine")
	results := image.Rect(area.Min.X, area.Min.Y+area.Dy()/4, area.Max.X, area.Max.Y-60)
	blue := func(r, g, b uint32) bool { return r == 0x29 && g == 0x6f && b == 0xf6 }
	found := func(img image.Image) bool {
		return differs(home, img, area) > 0.05 && share(img, results, blue) > 0.0005
	}
	waitFor("search results on screen", func() bool {
		return found(screenshot(t, display, filepath.Join(shots, "wine-search.png")))
	})
	// The first results may answer the first letters typed; the picture
	// kept is of the search once it has settled.
	time.Sleep(time.Second)
	last := screenshot(t, display, filepath.Join(shots, "wine-search.png"))
	if !found(last) {
		t.Error("the search results went away a second after they appeared")
	}
	changed := differs(home, last, area)
	t.Logf("screenshots in %s; the search changed %.0f%% of the window, %.2f%% of the lower part is match blue (%.2f%% before)",
		shots, changed*100, share(last, results, blue)*100, share(home, results, blue)*100)
}

// wineRun runs bollard.exe with args under Wine as a command line and
// fails the test when it fails.
func wineRun(t *testing.T, exe string, args ...string) {
	t.Helper()
	out, err := exec.Command("wine", append([]string{exe}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("wine bollard.exe %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// xdotool runs xdotool on display and returns what it printed; a search
// that finds nothing is not an error.
func xdotool(t *testing.T, display string, args ...string) string {
	t.Helper()
	cmd := exec.Command("xdotool", args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil && args[0] != "search" {
		t.Fatalf("xdotool %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return strings.TrimSpace(string(out))
}

// windowArea is where window id sits on the screen.
func windowArea(t *testing.T, display, id string) image.Rectangle {
	t.Helper()
	v := map[string]int{}
	for _, line := range strings.Fields(xdotool(t, display, "getwindowgeometry", "--shell", id)) {
		k, val, _ := strings.Cut(line, "=")
		v[k], _ = strconv.Atoi(val)
	}
	return image.Rect(v["X"], v["Y"], v["X"]+v["WIDTH"], v["Y"]+v["HEIGHT"])
}

// screenshot saves the whole of display to path as a PNG and reads it back.
func screenshot(t *testing.T, display, path string) image.Image {
	t.Helper()
	if out, err := exec.Command("import", "-display", display, "-window", "root", path).CombinedOutput(); err != nil {
		t.Fatalf("import -window root: %v\n%s", err, out)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("read the screenshot %s: %v", path, err)
	}
	return img
}

// colours counts the distinct colours in area of img.
func colours(img image.Image, area image.Rectangle) int {
	seen := map[[3]uint32]bool{}
	for y := area.Min.Y; y < area.Max.Y; y++ {
		for x := area.Min.X; x < area.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			seen[[3]uint32{r, g, b}] = true
		}
	}
	return len(seen)
}

// share is the fraction of area's pixels whose 8-bit colour is wanted.
func share(img image.Image, area image.Rectangle, wanted func(r, g, b uint32) bool) float64 {
	n := 0
	for y := area.Min.Y; y < area.Max.Y; y++ {
		for x := area.Min.X; x < area.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if wanted(r>>8, g>>8, b>>8) {
				n++
			}
		}
	}
	return float64(n) / float64(area.Dx()*area.Dy())
}

// differs is the fraction of area's pixels that are not the same in a and b.
func differs(a, b image.Image, area image.Rectangle) float64 {
	n := 0
	for y := area.Min.Y; y < area.Max.Y; y++ {
		for x := area.Min.X; x < area.Max.X; x++ {
			ar, ag, ab, _ := a.At(x, y).RGBA()
			br, bg, bb, _ := b.At(x, y).RGBA()
			if ar != br || ag != bg || ab != bb {
				n++
			}
		}
	}
	return float64(n) / float64(area.Dx()*area.Dy())
}

// syncBuffer collects a running program's output for the test to read
// while it is still being written.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}
