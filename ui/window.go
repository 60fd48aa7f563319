package ui

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
	"bollard/storage/lockbox"
)

// openedWorkspace is a workspace just opened, with its officer's profile.
type openedWorkspace struct {
	ws        *app.Workspace
	officer   model.Officer
	integrity *integrityCheck // the last check started: at opening, or after another program saved
	watcher   *outsideWatcher // notices other programs' saves to the file
}

// discard closes a workspace opened for a screen that is gone.
func (o openedWorkspace) discard() {
	if o.ws != nil {
		if err := o.ws.Close(); err != nil {
			logError("close the workspace "+o.ws.Path(), err)
		}
	}
}

// mainWindow is Bollard's one window and what it is showing: the officer's
// own workspace or the demo one, and which screen of it. It opens
// workspaces, switches screens and closes the files on exit.
type mainWindow struct {
	win fyne.Window
	bg  *background
	// stopChecks stops the integrity checks when the window closes: unlike
	// a save, a check can be cut short, and one hashing gigabytes of files
	// should not keep the officer waiting at exit.
	checks     context.Context
	stopChecks context.CancelFunc
	ownPath    string

	own        openedWorkspace
	demo       openedWorkspace // zero until the demo is first opened
	showing    *app.Workspace  // own.ws or demo.ws
	profile    *profileForm    // the profile screen when shown, else nil
	home       *home           // the home screen when shown, else nil
	openFailed bool            // the officer's workspace could not be opened

	// encrypted says the officer's workspace is encrypted: it opens with
	// a passphrase and the window can be locked.
	encrypted bool
	unlock    *unlockScreen       // the unlock screen when shown, else nil
	create    *newWorkspaceScreen // the new-workspace screen when shown, else nil
	idle      *idleWatch          // locks the window when left alone; nil while locked
	recovery  *recoveryKeyDialog  // the new workspace's recovery key, while shown
	onLocked  func()              // hears that the window locked; may be nil
}

// openState is what the window found at the workspace's path.
type openState int

const (
	stateOpened    openState = iota // a plaintext workspace, opened
	stateEncrypted                  // an encrypted one: it asks for the passphrase
	stateAbsent                     // none yet: it asks for the new one's passphrase
	stateKeyring                    // an encrypted one, opened from the keyring
)

func newMainWindow(win fyne.Window, bg *background, path string) *mainWindow {
	m := &mainWindow{win: win, bg: bg, ownPath: path}
	m.checks, m.stopChecks = context.WithCancel(bg.ctx)
	m.setTitle(path, false)
	bar := widget.NewProgressBarInfinite()
	m.win.SetContent(container.NewCenter(container.NewVBox(
		widget.NewLabel("Opening "+path+"…"), withMinSize(bar, fyne.NewSize(360, 0)))))
	win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { m.onNewCase() })
	win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyK, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { m.onFocusSearch() })
	win.Canvas().AddShortcut(lockShortcut, func(fyne.Shortcut) { m.lock() })
	return m
}

// open opens the officer's workspace off the UI goroutine: a workspace on
// a slow or network-synced disk, or one being migrated, can take a while.
// An encrypted workspace is not opened: the window asks for its
// passphrase; where there is none yet, for the new one's.
func (m *mainWindow) open() {
	type found struct {
		state openState
		o     openedWorkspace
		note  string // why the keyring did not open an encrypted workspace
	}
	inBackground(m.bg, func(ctx context.Context) (found, error) {
		if enc, err := app.IsEncrypted(m.ownPath); err != nil {
			return found{}, err
		} else if enc {
			// The keyring first, when the officer turned it on; the
			// passphrase when it cannot (no keyring here, no entry, stale).
			f := found{state: stateEncrypted}
			if on, _ := app.HasKeyring(m.ownPath); !on {
				return f, nil
			}
			ws, err := app.UnlockWithKeyring(ctx, m.ownPath)
			if errors.Is(err, lockbox.ErrStaleKeyring) {
				f.note = "This computer's keyring did not open the workspace (its entry is out of date). Type the passphrase; tick the box below to renew the entry."
			}
			if err != nil {
				return f, nil
			}
			o, err := ws.Officer(ctx)
			if err != nil {
				ws.Close()
				return found{}, err
			}
			return found{state: stateKeyring, o: openedWorkspace{ws: ws, officer: o}}, nil
		}
		if st, err := os.Stat(m.ownPath); errors.Is(err, fs.ErrNotExist) || (err == nil && st.Mode().IsRegular() && st.Size() == 0) {
			return found{state: stateAbsent}, nil
		}
		ws, err := app.Open(ctx, m.ownPath)
		if err != nil {
			return found{}, err
		}
		o, err := ws.Officer(ctx)
		if err != nil {
			ws.Close()
			return found{}, err
		}
		return found{state: stateOpened, o: openedWorkspace{ws: ws, officer: o}}, nil
	}, func(f found, err error) {
		switch {
		case err != nil:
			m.onOpened(openedWorkspace{}, err)
		case f.state == stateEncrypted:
			m.encrypted = true
			m.showUnlockNote(f.note)
		case f.state == stateKeyring:
			m.encrypted = true
			m.onUnlocked(f.o)
		case f.state == stateAbsent:
			m.showNewWorkspace()
		default:
			m.onOpened(f.o, nil)
		}
	})
}

func (m *mainWindow) onOpened(o openedWorkspace, err error) {
	if err != nil {
		m.openFailed = true
		m.win.SetContent(container.NewCenter(widget.NewLabel("The workspace " + m.ownPath + " could not be opened.")))
		showError(m.win, "open the workspace", err)
		return
	}
	m.adopt(o)
	m.showFirst()
}

// adopt makes o the officer's open workspace, checked and watched.
func (m *mainWindow) adopt(o openedWorkspace) {
	m.own = o
	m.own.integrity = m.checkIntegrity(o.ws)
	m.own.watcher = m.watch(o.ws)
}

// showFirst shows the first screen of the officer's workspace: the
// profile while it is not set, else the home screen.
func (m *mainWindow) showFirst() {
	if !m.own.officer.IsSet() {
		m.showProfile()
		return
	}
	m.showHome(m.own, false)
}

// showProfile asks for the officer's profile: nothing can be written
// before it is set.
func (m *mainWindow) showProfile() {
	m.home = nil
	m.showing = m.own.ws
	m.profile = newProfileForm(m.own.ws, m.win, m.bg, m.own.officer, m.onProfileSaved)
	m.setTitle(m.ownPath, false)
	m.win.SetContent(m.profile.content)
	m.win.Canvas().Focus(m.profile.name)
}

func (m *mainWindow) onProfileSaved(o model.Officer) {
	m.own.officer = o
	m.showHome(m.own, false)
}

// showHome shows the home screen of o, with the demo banner when it is
// the demo workspace.
func (m *mainWindow) showHome(o openedWorkspace, demo bool) {
	m.profile = nil
	m.showing = o.ws
	var onOpenDemo func()
	if !demo {
		onOpenDemo = m.onOpenDemo
	}
	m.home = newHome(o.ws, o.officer, m.win, m.bg, onOpenDemo)
	m.home.onOfficer = func(saved model.Officer) {
		if o.ws == m.own.ws {
			m.own.officer = saved
		} else if o.ws == m.demo.ws {
			m.demo.officer = saved
		}
	}
	content := m.home.content
	switch {
	case demo:
		content = container.NewBorder(newDemoBanner(m.onBackToOwn), nil, nil, nil, content)
	case !m.encrypted:
		content = container.NewBorder(newPlaintextNotice(m.onEncrypt), nil, nil, nil, content)
	}
	if m.encrypted {
		m.home.status.addAction(newLockButton(m.lock))
	}
	m.setTitle(o.ws.Path(), demo)
	m.win.SetContent(content)
	m.home.status.showIntegrity(o.integrity)
	m.home.load()
}

// checkIntegrity starts the check of a workspace just opened: the audit
// trail, the records and every attached file. It runs in the background
// (a workspace with gigabytes of files takes a while) and its result goes
// to the home screen of that workspace when it is on screen, or when it
// next is.
func (m *mainWindow) checkIntegrity(ws *app.Workspace) *integrityCheck {
	c := &integrityCheck{}
	began := time.Now()
	inBackground(m.bg, func(context.Context) (app.Verification, error) {
		return ws.Verify(m.checks, nil)
	}, func(v app.Verification, err error) {
		c.done, c.result, c.err, c.at = true, v, err, time.Now()
		// A check overtaken by a newer one (the file changed again) shows nothing.
		o := m.opened(ws)
		if o == nil || o.integrity != c {
			return
		}
		if m.home != nil && m.showing == ws {
			m.home.status.showIntegrity(c)
		}
		if c.stale {
			m.recheckLater(ws, c, c.at.Sub(began))
		}
	})
	return c
}

// recheckLater checks ws again, after a pause as long as the check that
// just ended took: another program saved while it ran, so its answer is not
// about the file as it is. The pause keeps a script that saves every few
// seconds from keeping a laptop's core busy checking; the line meanwhile
// says when the last check was made.
func (m *mainWindow) recheckLater(ws *app.Workspace, last *integrityCheck, pause time.Duration) {
	time.AfterFunc(pause, func() {
		fyne.Do(func() {
			if m.checks.Err() != nil {
				return // the window is closing
			}
			if o := m.opened(ws); o != nil && o.integrity == last {
				o.integrity = m.checkIntegrity(ws)
			}
		})
	})
}

// watch starts noticing saves made to ws's file by other programs. It
// stops when the window closes.
func (m *mainWindow) watch(ws *app.Workspace) *outsideWatcher {
	w := newOutsideWatcher(ws, m.bg, func() { m.onOutsideChange(ws) })
	go w.run(m.checks)
	return w
}

// onOutsideChange is another program (a script, a second window) having
// saved to ws's file: the integrity check runs again, since what it
// vouched for has changed, and the screen reads again what it shows.
func (m *mainWindow) onOutsideChange(ws *app.Workspace) {
	o := m.opened(ws)
	if o == nil {
		return
	}
	if c := o.integrity; c != nil && !c.done {
		// The check under way is not thrown away (against a script saving
		// every second it would never finish): it runs to its end, and the
		// file is checked again after it.
		c.stale = true
	} else {
		o.integrity = m.checkIntegrity(ws)
	}
	if m.home != nil && m.showing == ws {
		m.home.status.showIntegrity(o.integrity)
		m.home.onOutsideChange()
	}
}

// opened is the open workspace ws is, or nil.
func (m *mainWindow) opened(ws *app.Workspace) *openedWorkspace {
	switch {
	case ws == nil:
		return nil
	case ws == m.own.ws:
		return &m.own
	case ws == m.demo.ws:
		return &m.demo
	}
	return nil
}

// onOpenDemo switches to the demo workspace, opening and filling it the
// first time. It stays open afterwards, so going back and forth is instant.
func (m *mainWindow) onOpenDemo() {
	if m.demo.ws != nil {
		m.showHome(m.demo, true)
		return
	}
	// No home screen answers Ctrl+N while the demo is being prepared: a
	// case begun now would land in a workspace about to leave the screen.
	own := m.home
	m.home = nil
	newDemoOpener(app.DemoPath(m.ownPath), m.win, m.bg, func(o openedWorkspace) {
		o.integrity = m.checkIntegrity(o.ws)
		o.watcher = m.watch(o.ws)
		m.demo = o
		m.showHome(m.demo, true)
	}, func() { m.home = own }).open()
}

// onBackToOwn leaves the demo for the officer's own workspace.
func (m *mainWindow) onBackToOwn() {
	m.showHome(m.own, false)
}

// onNewCase is Ctrl+N: a new case, when a workspace's home screen is up.
func (m *mainWindow) onNewCase() {
	if m.home != nil {
		m.home.onNewCase()
	}
}

// onFocusSearch is Ctrl+K: the cursor to the search field, when a
// workspace's home screen is up and no dialog covers it.
func (m *mainWindow) onFocusSearch() {
	if m.home != nil && m.win.Canvas().Overlays().Top() == nil {
		m.home.search.focus()
	}
}

// isDemo reports whether the window shows the demo workspace.
func (m *mainWindow) isDemo() bool {
	return m.showing != nil && m.showing == m.demo.ws
}

// setTitle names the workspace file in the title bar, and says DEMO
// WORKSPACE there too, where it shows in the taskbar and window switcher.
func (m *mainWindow) setTitle(path string, demo bool) {
	title := "Bollard — " + filepath.Base(path)
	if demo {
		title = "Bollard — DEMO WORKSPACE — " + filepath.Base(path)
	}
	m.win.SetTitle(title)
}

// close waits for the work in flight, so that a save just asked for is
// finished, then closes the workspace files. It returns the exit code.
func (m *mainWindow) close() int {
	if m.idle != nil {
		m.idle.end()
		m.idle = nil
	}
	m.stopChecks()
	m.bg.wait()
	code := 0
	if m.openFailed {
		code = 1
	}
	for _, o := range []openedWorkspace{m.own, m.demo} {
		if o.ws == nil {
			continue
		}
		if err := o.ws.Close(); err != nil {
			logError("close the workspace "+o.ws.Path(), err)
			code = 1
		}
	}
	return code
}
