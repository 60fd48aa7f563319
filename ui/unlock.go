package ui

import (
	"context"
	"errors"
	"fmt"
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
	remember   *widget.Check // keep a second way in, in the computer's keyring
	keyringOn  bool          // whether the lockbox has a keyring slot now
	unlock     *widget.Button
	problem    *widget.Label
	busy       *widget.ProgressBarInfinite
	content    fyne.CanvasObject
	working    bool
}

// note, when not "", is said above the field: why the keyring did not
// open the workspace.
func newUnlockScreen(path string, bg *background, onUnlocked func(openedWorkspace), onFailed func(error), note string) *unlockScreen {
	u := &unlockScreen{path: path, bg: bg, onUnlocked: onUnlocked, onFailed: onFailed}
	// Ticked means: after this unlock, this computer's keyring opens the
	// workspace when the window opens. Unticking it turns that off. It
	// applies only once the passphrase has proved itself.
	u.keyringOn, _ = app.HasKeyring(path)
	u.remember = widget.NewCheck("Remember in this computer's keyring", nil)
	u.remember.SetChecked(u.keyringOn)
	u.passphrase = widget.NewPasswordEntry()
	u.passphrase.SetPlaceHolder("Passphrase")
	u.passphrase.OnSubmitted = func(string) { u.onUnlock() }
	u.unlock = widget.NewButtonWithIcon("Unlock", theme.LoginIcon(), u.onUnlock)
	u.unlock.Importance = widget.HighImportance
	u.problem = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	u.problem.Hide()
	if note != "" {
		u.problem.SetText(note)
		u.problem.Show()
	}
	u.busy = widget.NewProgressBarInfinite()
	u.busy.Stop()
	u.busy.Hide()
	hint := &widget.Label{Text: "You can type your recovery key here instead of the passphrase.",
		SizeName: theme.SizeNameCaptionText, Wrapping: fyne.TextWrapWord}
	card := widget.NewCard("This workspace is locked", filepath.Base(path), container.NewVBox(
		widget.NewLabel("Type your passphrase to open it."),
		container.NewBorder(nil, nil, nil, u.unlock, u.passphrase),
		hint, u.remember, u.problem, u.busy,
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
	remember, wasOn := u.remember.Checked, u.keyringOn
	u.setWorking(true)
	inBackground(u.bg, func(ctx context.Context) (unlocked, error) {
		defer clear(secret)
		ws, err := app.Unlock(ctx, u.path, secret)
		if err != nil {
			return unlocked{}, err
		}
		o, err := ws.Officer(ctx)
		if err != nil {
			ws.Close()
			return unlocked{}, err
		}
		// The workspace is open whatever becomes of the keyring: a
		// keyring that fails is said after, not instead.
		var keyringErr error
		switch {
		case remember && !wasOn:
			keyringErr = ws.RememberInKeyring(ctx, secret)
		case !remember && wasOn:
			keyringErr = ws.ForgetKeyring(ctx)
		}
		return unlocked{o: openedWorkspace{ws: ws, officer: o}, keyringErr: keyringErr}, nil
	}, u.onAnswer)
}

// unlocked is what the passphrase unlock gives the window.
type unlocked struct {
	o          openedWorkspace
	keyringErr error // turning the keyring on or off failed; the workspace is open
}

func (r unlocked) discard() { r.o.discard() }

func (u *unlockScreen) onAnswer(r unlocked, err error) {
	u.setWorking(false)
	o := r.o
	if r.keyringErr != nil {
		defer u.onFailed(fmt.Errorf("the workspace is open, but the keyring setting was not changed: %w", r.keyringErr))
	}
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
		u.remember.Disable()
		u.unlock.Disable()
		u.busy.Show()
		u.busy.Start()
	} else {
		u.passphrase.Enable()
		u.remember.Enable()
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
