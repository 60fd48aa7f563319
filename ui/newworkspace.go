package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
)

// newWorkspaceScreen is what the window shows when there is no workspace
// at its path yet: the officer chooses the passphrase the new workspace is
// encrypted under, and whether to make a recovery key, before anything is
// written.
type newWorkspaceScreen struct {
	path      string
	win       fyne.Window
	bg        *background
	onCreated func(o openedWorkspace, recovery string)

	choice  *passphraseChoice
	create  *widget.Button
	busy    *widget.ProgressBarInfinite
	content fyne.CanvasObject
	working bool
}

func newNewWorkspaceScreen(path string, win fyne.Window, bg *background, onCreated func(openedWorkspace, string)) *newWorkspaceScreen {
	s := &newWorkspaceScreen{path: path, win: win, bg: bg, onCreated: onCreated}
	s.choice = newPassphraseChoice(s.onCreate)
	s.create = widget.NewButtonWithIcon("Create the workspace", theme.ConfirmIcon(), s.onCreate)
	s.create.Importance = widget.HighImportance
	s.busy = widget.NewProgressBarInfinite()
	s.busy.Stop()
	s.busy.Hide()
	card := widget.NewCard("Choose a passphrase", "For the new workspace "+path, container.NewVBox(
		&widget.Label{Text: "Everything in the workspace is encrypted under this passphrase: a lost or seized laptop yields nothing readable. " +
			"Without the passphrase, or the recovery key, the data is gone: nobody can recover it.",
			Wrapping: fyne.TextWrapWord},
		s.choice.content,
		s.busy,
		container.NewHBox(layout.NewSpacer(), s.create),
	))
	s.content = container.NewCenter(withMinSize(card, fyne.NewSize(600, 0)))
	return s
}

// onCreate is the button, or Enter in the second field.
func (s *newWorkspaceScreen) onCreate() {
	if s.working {
		return
	}
	pass := s.choice.take()
	if pass == nil {
		return
	}
	recovery := s.choice.recovery.Checked
	s.setWorking(true)
	type created struct {
		o        openedWorkspace
		recovery string
	}
	inBackground(s.bg, func(ctx context.Context) (created, error) {
		defer clear(pass)
		ws, code, err := app.Create(ctx, s.path, pass, recovery)
		if err != nil {
			return created{}, err
		}
		o, err := ws.Officer(ctx)
		if err != nil {
			ws.Close()
			return created{}, err
		}
		return created{openedWorkspace{ws: ws, officer: o}, code}, nil
	}, func(c created, err error) {
		s.setWorking(false)
		if err != nil {
			showError(s.win, "create the workspace", err)
			return
		}
		s.onCreated(c.o, c.recovery)
	})
}

func (s *newWorkspaceScreen) setWorking(on bool) {
	s.working = on
	s.choice.enable(!on)
	if on {
		s.create.Disable()
		s.busy.Show()
		s.busy.Start()
	} else {
		s.create.Enable()
		s.busy.Stop()
		s.busy.Hide()
	}
}
