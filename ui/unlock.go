package ui

import (
	"context"
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/storage/lockbox"
)

// wrongSecret is what a wrong passphrase hears: nothing about the
// workspace, not even whether it holds anything.
const wrongSecret = "That passphrase or recovery key does not open this workspace."

// unlockScreen asks for the passphrase of an encrypted workspace, on open
// and after the window was locked. The recovery key is typed in the same
// field: the lockbox tries both.
type unlockScreen struct {
	path       string
	bg         *background
	onUnlocked func(openedWorkspace)
	onFailed   func(error) // an unlock that failed for another reason than a wrong secret

	passphrase *widget.Entry
	unlock     *widget.Button
	problem    *widget.Label
	busy       *widget.ProgressBarInfinite
	content    fyne.CanvasObject
	working    bool
}

func newUnlockScreen(path string, bg *background, onUnlocked func(openedWorkspace), onFailed func(error)) *unlockScreen {
	u := &unlockScreen{path: path, bg: bg, onUnlocked: onUnlocked, onFailed: onFailed}
	u.passphrase = widget.NewPasswordEntry()
	u.passphrase.SetPlaceHolder("Passphrase")
	u.passphrase.OnSubmitted = func(string) { u.onUnlock() }
	u.unlock = widget.NewButtonWithIcon("Unlock", theme.LoginIcon(), u.onUnlock)
	u.unlock.Importance = widget.HighImportance
	u.problem = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	u.problem.Hide()
	u.busy = widget.NewProgressBarInfinite()
	u.busy.Stop()
	u.busy.Hide()
	hint := &widget.Label{Text: "You can type your recovery key here instead of the passphrase.",
		SizeName: theme.SizeNameCaptionText, Wrapping: fyne.TextWrapWord}
	card := widget.NewCard("This workspace is locked", filepath.Base(path), container.NewVBox(
		widget.NewLabel("Type your passphrase to open it."),
		container.NewBorder(nil, nil, nil, u.unlock, u.passphrase),
		hint, u.problem, u.busy,
	))
	u.content = container.NewCenter(withMinSize(card, fyne.NewSize(480, 0)))
	return u
}

// onUnlock is the Unlock button, or Enter in the field. The argon2id
// stretch takes half a second by design, off the UI goroutine.
func (u *unlockScreen) onUnlock() {
	if u.working || u.passphrase.Text == "" {
		return
	}
	secret := []byte(u.passphrase.Text)
	// The field's own copy goes at once; the bytes are zeroed after use.
	// Go strings cannot be overwritten: this is as far as Go allows.
	u.passphrase.SetText("")
	u.setWorking(true)
	inBackground(u.bg, func(ctx context.Context) (openedWorkspace, error) {
		defer clear(secret)
		ws, err := app.Unlock(ctx, u.path, secret)
		if err != nil {
			return openedWorkspace{}, err
		}
		o, err := ws.Officer(ctx)
		if err != nil {
			ws.Close()
			return openedWorkspace{}, err
		}
		return openedWorkspace{ws: ws, officer: o}, nil
	}, u.onAnswer)
}

func (u *unlockScreen) onAnswer(o openedWorkspace, err error) {
	u.setWorking(false)
	switch {
	case errors.Is(err, lockbox.ErrWrongSecret):
		u.problem.SetText(wrongSecret)
		u.problem.Show()
		u.focus()
	case err != nil:
		u.problem.Hide()
		u.onFailed(err)
	default:
		u.onUnlocked(o)
	}
}

func (u *unlockScreen) setWorking(on bool) {
	u.working = on
	if on {
		u.passphrase.Disable()
		u.unlock.Disable()
		u.busy.Show()
		u.busy.Start()
	} else {
		u.passphrase.Enable()
		u.unlock.Enable()
		u.busy.Stop()
		u.busy.Hide()
	}
}

// focus puts the cursor in the passphrase field.
func (u *unlockScreen) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(u.passphrase); c != nil {
		c.Focus(u.passphrase)
	}
}
