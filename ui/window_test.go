package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bollard/app"
)

func TestWindowOpensStraightOnHomeWhenProfileSet(t *testing.T) {
	_, m := openOnOneCase(t)
	if m.profile != nil || m.home == nil || m.home.list == nil {
		t.Fatal("a workspace with a profile and a case does not open on the case list")
	}
	if got := m.home.list.cellText(0, 1); got != "Tobacco via Algeciras" {
		t.Errorf("first row title = %q", got)
	}
}

func TestWindowReportsWorkspaceThatCannotOpen(t *testing.T) {
	win := newTestWindow(t)
	dir := t.TempDir() // a folder is no workspace file
	m := newMainWindow(win, newTestBackground(t), dir)
	m.open()
	m.bg.wait()
	if !m.openFailed {
		t.Fatal("opening a folder as a workspace did not fail")
	}
	if !strings.Contains(test.RenderToMarkup(win.Canvas()), "Could not open the workspace") {
		t.Error("the failure is not shown")
	}
	if code := m.close(); code != 1 {
		t.Errorf("exit code = %d, want 1", code)
	}
}

func TestWindowDemoWorkspace(t *testing.T) {
	win := newTestWindow(t)
	path := filepath.Join(t.TempDir(), "w.db")
	mustMakePlaintext(t, path)
	m := newMainWindow(win, newTestBackground(t), path)
	t.Cleanup(func() { m.close() })
	m.open()
	m.bg.wait()
	if _, err := m.own.ws.SetOfficer(context.Background(), testOfficer); err != nil {
		t.Fatal(err)
	}
	m.own.officer = testOfficer
	m.showHome(m.own, false)
	m.bg.wait()

	test.Tap(m.home.welcome.demo)
	m.bg.wait()
	if !m.isDemo() {
		t.Fatal("the window does not show the demo workspace")
	}
	if got, want := m.showing.Path(), app.DemoPath(path); got != want {
		t.Errorf("demo workspace at %s, want %s", got, want)
	}
	if got := win.Title(); got != "Bollard — DEMO WORKSPACE — demo.db" {
		t.Errorf("title = %q", got)
	}
	if m.home.list == nil || len(m.home.list.rows) != demoCases {
		t.Fatalf("the demo list does not show %d cases", demoCases)
	}
	markup := test.RenderToMarkup(win.Canvas())
	if !strings.Contains(markup, "DEMO WORKSPACE") || !strings.Contains(markup, "Back to my workspace") {
		t.Error("the demo banner is not shown")
	}
	n, err := m.own.ws.CountCases(context.Background())
	if err != nil || n != 0 {
		t.Errorf("the officer's own workspace has %d cases (%v): demo data leaked into it", n, err)
	}

	m.onBackToOwn()
	m.bg.wait()
	if m.isDemo() || win.Title() != "Bollard — w.db" || m.home.welcome == nil {
		t.Errorf("back from the demo: demo=%v title=%q", m.isDemo(), win.Title())
	}
	if strings.Contains(test.RenderToMarkup(win.Canvas()), "DEMO WORKSPACE") {
		t.Error("the demo banner is still shown in the officer's own workspace")
	}

	// Going to the demo again reuses it: it is not filled twice.
	test.Tap(m.home.welcome.demo)
	m.bg.wait()
	if !m.isDemo() || len(m.home.list.rows) != demoCases {
		t.Errorf("second visit to the demo: demo=%v", m.isDemo())
	}
}

func TestWindowSizeIsRemembered(t *testing.T) {
	win := newTestWindow(t)
	prefs := fyne.CurrentApp().Preferences()
	restoreSize(prefs, win)
	if got := win.Canvas().Size(); got != fyne.NewSize(defaultWidth, defaultHeight) {
		t.Errorf("first size = %v, want %dx%d", got, defaultWidth, defaultHeight)
	}
	win.Resize(fyne.NewSize(1400, 900))
	saveSize(prefs, win)
	win.Resize(fyne.NewSize(700, 500))
	restoreSize(prefs, win)
	if got := win.Canvas().Size(); got != fyne.NewSize(1400, 900) {
		t.Errorf("restored size = %v, want 1400x900", got)
	}
}
