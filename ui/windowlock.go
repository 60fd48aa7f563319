package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// How the window opens and locks an encrypted workspace: it asks for the
// passphrase on open, locks on Ctrl+L, the Lock button and after the idle
// time set in Settings, and asks again.

// lockShortcut is Ctrl+L (Cmd+L on a Mac).
var lockShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}

// showUnlock asks for the passphrase of the officer's workspace. After a
// lock it is asked even when the keyring could open the workspace: a lock
// the keyring undid at a click would keep out no one at the desk.
func (m *mainWindow) showUnlock() { m.showUnlockNote("") }

// showUnlockNote is showUnlock saying note (why the keyring did not open
// the workspace) above the field.
func (m *mainWindow) showUnlockNote(note string) {
	m.unlock = newUnlockScreen(m.ownPath, m.bg, m.onUnlocked, func(err error) {
		showError(m.win, "unlock the workspace", err)
	}, note)
	m.setTitle(m.ownPath, false)
	m.win.SetContent(m.unlock.content)
	m.win.Canvas().Focus(m.unlock.passphrase)
}

func (m *mainWindow) onUnlocked(o openedWorkspace) {
	m.unlock = nil
	m.adopt(o)
	m.startIdle()
	m.showFirst()
}

// showNewWorkspace asks for the passphrase of the workspace about to be
// made at the window's path.
func (m *mainWindow) showNewWorkspace() {
	m.create = newNewWorkspaceScreen(m.ownPath, m.win, m.bg, m.onCreated)
	m.win.SetContent(m.create.content)
	m.win.Canvas().Focus(m.create.choice.first)
}

// onCreated shows the new workspace's recovery key, when one was made,
// before its first screen: the key is never shown again.
func (m *mainWindow) onCreated(o openedWorkspace, recovery string) {
	m.create = nil
	m.encrypted = true
	m.adopt(o)
	if recovery == "" {
		m.startIdle()
		m.showFirst()
		return
	}
	m.win.SetContent(container.NewCenter(widget.NewLabel("The workspace is created.")))
	// The idle lock waits until the key is written down: locking would
	// take it off the screen for good.
	m.recovery = newRecoveryKeyDialog(recovery, m.win, func() {
		m.recovery = nil
		m.startIdle()
		m.showFirst()
	})
	m.recovery.show()
}

// startIdle starts the idle lock of an encrypted workspace.
func (m *mainWindow) startIdle() {
	if m.encrypted && m.idle == nil {
		m.idle = startIdleWatch(m.win, m.bg, fyne.CurrentApp().Preferences(), m.lock)
	}
}

// lock closes the officer's workspace, which forgets its keys, and the
// demo's, drops every screen that showed them, and asks for the
// passphrase again. What was typed in a form not yet saved is dropped with
// it: a locked window must show nothing of the workspace. A plaintext
// workspace is not locked: anyone could open its file anyway.
func (m *mainWindow) lock() {
	if !m.encrypted || m.own.ws == nil || m.recovery != nil {
		return
	}
	m.bg.serial(func() {
		if m.idle != nil {
			m.idle.end()
			m.idle = nil
		}
		c := m.win.Canvas()
		c.Unfocus()
		for top := c.Overlays().Top(); top != nil; top = c.Overlays().Top() {
			c.Overlays().Remove(top)
		}
		forgetForms(m.win)
		m.win.SetContent(container.NewCenter(widget.NewLabel("Locking…")))
	})
	m.closeWorkspaces("lock it")
	m.bg.serial(m.showUnlock)
	if m.onLocked != nil {
		m.onLocked()
	}
}

// closeWorkspaces drops the screens and closes the officer's workspace
// and the demo's. The checks and the watcher stop, the reads under way are
// cancelled and their results dropped; a save under way is let finish.
// Only then are the files closed.
func (m *mainWindow) closeWorkspaces(why string) {
	m.bg.serial(func() {
		m.home, m.profile, m.showing = nil, nil, nil
		m.stopChecks()
		m.bg.endSession()
	})
	m.bg.wait()
	for _, o := range []openedWorkspace{m.own, m.demo} {
		if o.ws == nil {
			continue
		}
		if err := o.ws.Close(); err != nil {
			logError("close the workspace "+o.ws.Path()+" to "+why, err)
		}
	}
	m.own, m.demo = openedWorkspace{}, openedWorkspace{}
	m.checks, m.stopChecks = context.WithCancel(m.bg.ctx)
}

// newLockButton is the button on the audit line that locks the window.
func newLockButton(onLock func()) *widget.Button {
	b := widget.NewButtonWithIcon("Lock", theme.LogoutIcon(), onLock)
	b.Importance = widget.LowImportance
	return b
}

// forgetForms drops the forms open in win: their dialogs are gone.
func forgetForms(win fyne.Window) {
	openForms.Lock()
	forms := openForms.byWindow[win]
	delete(openForms.byWindow, win)
	openForms.Unlock()
	for _, g := range forms {
		g.open = false
	}
}
