package ui

import (
	"context"
	"fmt"
	"image/color"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/app/demo"
)

// demoCases is how many cases a new demo workspace is filled with: enough
// for the list to scroll and the search to have something to find, few
// enough to be ready in seconds.
const demoCases = 40

// demoOpener opens the demo workspace, filling it with synthetic cases the
// first time, behind a dialog that shows how far the filling has got.
// The demo lives in a file of its own (app.DemoPath) so that its cases can
// never be mistaken for, or mixed with, the officer's real ones.
type demoOpener struct {
	path     string
	cases    int
	win      fyne.Window
	bg       *background
	onReady  func(openedWorkspace)
	onFailed func()

	// Fill reports progress only after each saved batch, so the bar runs
	// as an endless one until the first report comes.
	waiting *widget.ProgressBarInfinite
	bar     *widget.ProgressBar
	status  *widget.Label
	dialog  *dialog.CustomDialog
}

// newDemoOpener prepares the opener; onReady gets the demo workspace, or
// onFailed is called once the failure has been shown.
func newDemoOpener(path string, win fyne.Window, bg *background, onReady func(openedWorkspace), onFailed func()) *demoOpener {
	d := &demoOpener{path: path, cases: demoCases, win: win, bg: bg, onReady: onReady, onFailed: onFailed}
	d.waiting = widget.NewProgressBarInfinite()
	d.bar = widget.NewProgressBar()
	d.bar.Hide()
	d.status = widget.NewLabel("Opening " + filepath.Base(path) + "…")
	d.dialog = dialog.NewCustomWithoutButtons("Preparing the demo workspace",
		withMinSize(container.NewVBox(d.status, container.NewStack(d.waiting, d.bar)), fyne.NewSize(460, 0)), win)
	return d
}

// open opens (and if need be fills) the demo workspace in the background.
func (d *demoOpener) open() {
	d.dialog.Show()
	inBackground(d.bg, d.openAndFill, d.onOpened)
}

// openAndFill runs off the UI goroutine: filling takes seconds.
func (d *demoOpener) openAndFill(ctx context.Context) (openedWorkspace, error) {
	ws, err := app.Open(ctx, d.path)
	if err != nil {
		return openedWorkspace{}, err
	}
	fail := func(err error) (openedWorkspace, error) {
		ws.Close()
		return openedWorkspace{}, err
	}
	n, err := ws.CountCases(ctx)
	if err != nil {
		return fail(err)
	}
	if n == 0 {
		d.bg.do(func() { d.status.SetText(fmt.Sprintf("Writing %d synthetic cases…", d.cases)) })
		_, err := demo.Fill(ctx, ws, demo.Options{Cases: d.cases, Seed: 1, Progress: d.onProgress})
		if err != nil {
			return fail(err)
		}
	}
	o, err := ws.Officer(ctx)
	if err != nil {
		return fail(err)
	}
	return openedWorkspace{ws: ws, officer: o}, nil
}

// onProgress is called by demo.Fill, on its goroutine, as cases are made.
func (d *demoOpener) onProgress(done, total int) {
	d.bg.do(func() {
		if total <= 0 {
			return
		}
		d.status.SetText(fmt.Sprintf("Written %d of %d synthetic cases…", done, total))
		d.waiting.Stop()
		d.waiting.Hide()
		d.bar.Show()
		d.bar.SetValue(float64(done) / float64(total))
	})
}

func (d *demoOpener) onOpened(o openedWorkspace, err error) {
	d.waiting.Stop()
	d.dialog.Hide()
	if err != nil {
		showError(d.win, "open the demo workspace", err)
		d.onFailed()
		return
	}
	d.onReady(o)
}

// newDemoBanner is the band across the top of the demo workspace, so that
// nobody takes its synthetic cases for real ones, with the way back.
func newDemoBanner(onBack func()) fyne.CanvasObject {
	text := canvas.NewText("DEMO WORKSPACE — synthetic cases for trying Bollard out. None of this is real.", color.Black)
	text.TextStyle = fyne.TextStyle{Bold: true}
	back := widget.NewButtonWithIcon("Back to my workspace", theme.NavigateBackIcon(), onBack)
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameWarning))
	row := container.NewHBox(widget.NewIcon(theme.WarningIcon()), text, layout.NewSpacer(), back)
	return container.NewStack(bg, container.NewPadded(row))
}
