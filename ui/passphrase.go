package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/storage/lockbox"
)

// passphraseChoice is where the officer chooses a new passphrase: typed
// twice (a typo in a masked field would lock them out for good), at least
// lockbox.MinPassphrase characters, and whether to make a recovery key.
type passphraseChoice struct {
	first, second *widget.Entry
	recovery      *widget.Check
	problem       *widget.Label
	content       fyne.CanvasObject
}

func newPassphraseChoice(onSubmit func()) *passphraseChoice {
	c := &passphraseChoice{first: widget.NewPasswordEntry(), second: widget.NewPasswordEntry()}
	c.first.SetPlaceHolder("At least 12 characters: a few ordinary words")
	c.second.SetPlaceHolder("The same again")
	c.first.OnSubmitted = func(string) {
		if cv := fyne.CurrentApp().Driver().CanvasForObject(c.second); cv != nil {
			cv.Focus(c.second)
		}
	}
	c.second.OnSubmitted = func(string) { onSubmit() }
	c.recovery = widget.NewCheck("Make a recovery key", nil)
	c.recovery.SetChecked(true)
	c.problem = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	c.problem.Hide()
	c.content = container.NewVBox(
		widget.NewForm(
			widget.NewFormItem("Passphrase", c.first),
			widget.NewFormItem("Again", c.second),
		),
		c.recovery,
		&widget.Label{Text: "A recovery key opens the workspace if the passphrase is forgotten. It is shown once, to be kept in the office safe.",
			SizeName: theme.SizeNameCaptionText, Wrapping: fyne.TextWrapWord},
		c.problem,
	)
	return c
}

// take returns the passphrase chosen, or nil after saying inline what is
// wrong with it. The fields are emptied either way once it is good; the
// caller zeroes the bytes after use.
func (c *passphraseChoice) take() []byte {
	p := []byte(c.first.Text)
	var weak *lockbox.WeakPassphraseError
	switch err := lockbox.CheckPassphrase(p); {
	case errors.As(err, &weak):
		msg := weak.Error()
		c.say(strings.ToUpper(msg[:1]) + msg[1:] + ".")
		clear(p)
		return nil
	case err != nil:
		c.say(err.Error())
		clear(p)
		return nil
	case c.second.Text != c.first.Text:
		c.say("The two passphrases differ: type the same one twice.")
		clear(p)
		return nil
	}
	c.problem.Hide()
	c.first.SetText("")
	c.second.SetText("")
	return p
}

func (c *passphraseChoice) say(problem string) {
	c.problem.SetText(problem)
	c.problem.Show()
}

// enable turns the fields on or off while the work runs.
func (c *passphraseChoice) enable(on bool) {
	for _, d := range []fyne.Disableable{c.first, c.second, c.recovery} {
		if on {
			d.Enable()
		} else {
			d.Disable()
		}
	}
}

// recoveryKeyDialog shows a new recovery key, once: Bollard keeps no copy.
// The officer cannot go on before ticking that it is written down.
type recoveryKeyDialog struct {
	written  *widget.Check
	proceed  *widget.Button
	key      *widget.Label
	dialog   *dialog.CustomDialog
	onClosed func()
}

func newRecoveryKeyDialog(key string, win fyne.Window, onClosed func()) *recoveryKeyDialog {
	r := &recoveryKeyDialog{onClosed: onClosed}
	r.key = &widget.Label{Text: key, Selectable: true, Alignment: fyne.TextAlignCenter,
		TextStyle: fyne.TextStyle{Monospace: true}, SizeName: theme.SizeNameSubHeadingText}
	r.proceed = widget.NewButtonWithIcon("Continue", theme.ConfirmIcon(), r.onProceed)
	r.proceed.Importance = widget.HighImportance
	r.proceed.Disable()
	r.written = widget.NewCheck("I have written it down", func(on bool) {
		if on {
			r.proceed.Enable()
		} else {
			r.proceed.Disable()
		}
	})
	body := container.NewVBox(
		widget.NewLabel("This is the workspace's recovery key. It is shown only this once."),
		container.NewPadded(r.key),
		&widget.Label{Text: "Write it down and keep it in the office safe. " +
			"Without the passphrase or this key the data is gone: nobody can recover it, not your IT department, not Bollard's makers.",
			Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}},
		r.written,
		container.NewHBox(layout.NewSpacer(), r.proceed),
	)
	r.dialog = dialog.NewCustomWithoutButtons("Your recovery key", withMinSize(body, fyne.NewSize(560, 0)), win)
	return r
}

func (r *recoveryKeyDialog) show() { r.dialog.Show() }

func (r *recoveryKeyDialog) onProceed() {
	if !r.written.Checked {
		return
	}
	r.key.SetText("") // off the screen and out of the widget tree
	r.dialog.Hide()
	r.onClosed()
}
