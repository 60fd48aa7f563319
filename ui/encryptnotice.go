package ui

import (
	"context"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
)

// encryptWorkspace encrypts a plaintext workspace and its attached files
// in place (app.Encrypt), returning the recovery key made, if any, and
// what became of the plaintext copies, in words for the officer.
func encryptWorkspace(ctx context.Context, path string, passphrase []byte, makeRecovery bool,
	progress func(done, total int64)) (recoveryKey, report string, err error) {
	res, err := app.Encrypt(ctx, path, passphrase, makeRecovery, progress)
	if err != nil {
		return res.RecoveryKey, "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "The workspace and its %d attached files are encrypted. The plaintext copies were overwritten and removed:", res.Attachments)
	for _, r := range res.Removed {
		b.WriteString("\n  " + r)
	}
	for _, c := range res.Caveats {
		b.WriteString("\n\nNote: " + c)
	}
	return res.RecoveryKey, b.String(), nil
}

// newPlaintextNotice is the band across the top of a workspace that is
// not encrypted, with the way to encrypt it.
func newPlaintextNotice(onEncrypt func()) fyne.CanvasObject {
	text := canvas.NewText("This workspace is not encrypted: whoever has its file can read it.", color.Black)
	text.TextStyle = fyne.TextStyle{Bold: true}
	action := widget.NewButtonWithIcon("Encrypt…", theme.VisibilityOffIcon(), onEncrypt)
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameWarning))
	row := container.NewHBox(widget.NewIcon(theme.WarningIcon()), container.NewCenter(text), layout.NewSpacer(), action)
	return container.NewStack(bg, container.NewPadded(row))
}

// encryptForm asks for the passphrase to encrypt a plaintext workspace under.
type encryptForm struct {
	choice *passphraseChoice
	dialog *dialog.CustomDialog
}

// onEncrypt is the notice's Encrypt… button.
func (m *mainWindow) onEncrypt() {
	if m.encrypted || m.own.ws == nil {
		return
	}
	f := &encryptForm{}
	f.choice = newPassphraseChoice(func() { m.onEncryptChosen(f) })
	encrypt := widget.NewButtonWithIcon("Encrypt", theme.ConfirmIcon(), func() { m.onEncryptChosen(f) })
	encrypt.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { f.dialog.Hide() })
	body := container.NewVBox(
		&widget.Label{Text: "Bollard closes the workspace, encrypts it and its attached files under this passphrase, " +
			"removes the plaintext copies where the disk allows it, and opens the workspace again. " +
			"Without the passphrase, or the recovery key, the data is gone: nobody can recover it.",
			Wrapping: fyne.TextWrapWord},
		f.choice.content,
		container.NewHBox(layout.NewSpacer(), cancel, encrypt),
	)
	f.dialog = dialog.NewCustomWithoutButtons("Encrypt this workspace", withMinSize(body, fyne.NewSize(600, 0)), m.win)
	f.dialog.Show()
	m.win.Canvas().Focus(f.choice.first)
}

// onEncryptChosen closes the workspace, encrypts it and unlocks it again.
func (m *mainWindow) onEncryptChosen(f *encryptForm) {
	pass := f.choice.take()
	if pass == nil {
		return
	}
	recovery := f.choice.recovery.Checked
	f.dialog.Hide()
	if unsaved := unsavedForms(m.win); len(unsaved) > 0 {
		clear(pass)
		dialog.ShowInformation("Save first", "Save or close "+fmt.Sprint(unsaved)+" before encrypting the workspace.", m.win)
		return
	}
	status := widget.NewLabel("Closing the workspace…")
	bar := widget.NewProgressBar()
	progress := dialog.NewCustomWithoutButtons("Encrypting the workspace",
		withMinSize(container.NewVBox(status, bar), fyne.NewSize(460, 0)), m.win)
	progress.Show()
	m.win.SetContent(container.NewCenter(widget.NewLabel("Encrypting " + m.ownPath + "…")))
	m.closeWorkspaces("encrypt it")
	status.SetText("Encrypting the workspace and its attached files…")

	type encrypted struct {
		o                openedWorkspace
		recovery, report string
	}
	path := m.ownPath
	inBackground(m.bg, func(ctx context.Context) (encrypted, error) {
		defer clear(pass)
		code, report, err := encryptWorkspace(ctx, path, pass, recovery, func(done, total int64) {
			if total > 0 {
				m.bg.do(func() { bar.SetValue(float64(done) / float64(total)) })
			}
		})
		if err != nil {
			return encrypted{}, err
		}
		ws, err := app.Unlock(ctx, path, pass)
		if err != nil {
			return encrypted{recovery: code, report: report}, err
		}
		o, err := ws.Officer(ctx)
		if err != nil {
			ws.Close()
			return encrypted{recovery: code, report: report}, err
		}
		return encrypted{openedWorkspace{ws: ws, officer: o}, code, report}, nil
	}, func(e encrypted, err error) {
		progress.Hide()
		if err != nil {
			// Opened again as it now is: plaintext when the encryption
			// did not happen, else behind the unlock screen.
			showError(m.win, "encrypt the workspace", err)
			if e.recovery == "" {
				m.open()
				return
			}
			// Encrypted, but not opened again: its recovery key is
			// still shown, once.
			m.recovery = newRecoveryKeyDialog(e.recovery, m.win, func() {
				m.recovery = nil
				m.open()
			})
			m.recovery.show()
			return
		}
		m.encrypted = true
		m.adopt(e.o)
		m.win.SetContent(container.NewCenter(widget.NewLabel("The workspace is encrypted.")))
		done := func() {
			m.recovery = nil
			if e.report != "" {
				dialog.ShowInformation("The workspace is encrypted", e.report, m.win)
			}
			m.startIdle()
			// Last: under the test driver the reads it starts may land at once.
			m.showFirst()
		}
		if e.recovery == "" {
			done()
			return
		}
		m.recovery = newRecoveryKeyDialog(e.recovery, m.win, done)
		m.recovery.show()
	})
}
