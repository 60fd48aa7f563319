package ui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bollard/app"
	"bollard/model"
)

// mustOpen opens a real, empty workspace file in a temporary folder.
func mustOpen(t *testing.T) *app.Workspace {
	t.Helper()
	w, err := app.Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatalf("open workspace: %v", err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// testOfficer is the profile the tests work under.
var testOfficer = model.Officer{Name: "Begoña Ibáñez Ruiz", Agency: "Servicio de Vigilancia Aduanera", Country: "ES", RefPrefix: "ESA"}

// mustSetOfficer gives the workspace the test officer's profile.
func mustSetOfficer(t *testing.T, w *app.Workspace) model.Officer {
	t.Helper()
	o, err := w.SetOfficer(context.Background(), testOfficer)
	if err != nil {
		t.Fatalf("set officer: %v", err)
	}
	return o
}

// newTestWindow starts a test app and opens a window the size of the real one.
func newTestWindow(t *testing.T) fyne.Window {
	t.Helper()
	a := test.NewTempApp(t)
	win := a.NewWindow("")
	win.Resize(fyne.NewSize(defaultWidth, defaultHeight))
	t.Cleanup(win.Close)
	return win
}

// newTestBackground runs background work the way the window does; the test
// waits for it with bg.wait() before looking at the screen.
func newTestBackground(t *testing.T) *background {
	t.Helper()
	bg := newBackground(context.Background())
	t.Cleanup(bg.wait) // nothing may still write to a workspace being closed
	return bg
}

// caseForTest is a valid new case with the given title.
func caseForTest(title string) model.Case {
	return model.Case{Title: title, Corridor: model.CorridorEUUK, ThreatTypes: []model.ThreatType{model.ThreatTobacco}}
}

// openOnOneCase opens the window on a workspace with a profile and one
// case, "Tobacco via Algeciras", and waits until it shows the case list.
func openOnOneCase(t *testing.T) (fyne.Window, *mainWindow) {
	t.Helper()
	win := newTestWindow(t)
	path := filepath.Join(t.TempDir(), "w.db")
	ws, err := app.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	mustSetOfficer(t, ws)
	if _, err := ws.CreateCase(context.Background(), caseForTest("Tobacco via Algeciras")); err != nil {
		t.Fatal(err)
	}
	ws.Close()
	m := newMainWindow(win, newTestBackground(t), path)
	t.Cleanup(func() { m.close() })
	m.open()
	m.bg.wait()
	return win, m
}
