package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
)

// testPassphrase unlocks the encrypted workspaces of these tests.
const testPassphrase = "seized at Algeciras in a reefer"

// mustMakePlaintext makes an empty plaintext workspace at path, as an
// earlier release did: the window now makes only encrypted ones.
func mustMakePlaintext(t *testing.T, path string) {
	t.Helper()
	ws, err := app.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	ws.Close()
}

// mustMakeEncrypted makes an encrypted workspace at path with the test
// officer and one case, "Tobacco via Algeciras".
func mustMakeEncrypted(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	ws, _, err := app.Create(ctx, path, []byte(testPassphrase), false)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	mustSetOfficer(t, ws)
	if _, err := ws.CreateCase(ctx, caseForTest("Tobacco via Algeciras")); err != nil {
		t.Fatal(err)
	}
}

// openLocked opens the window on an encrypted workspace, which waits on
// its unlock screen.
func openLocked(t *testing.T) (fyne.Window, *mainWindow) {
	t.Helper()
	win := newTestWindow(t)
	// No idle lock but where a test sets one: it would come at a time of its own.
	fyne.CurrentApp().Preferences().SetInt(prefIdleLock, 0)
	path := filepath.Join(t.TempDir(), "w.db")
	mustMakeEncrypted(t, path)
	m := newMainWindow(win, newTestBackground(t), path)
	t.Cleanup(func() { m.close() })
	m.open()
	m.bg.wait()
	if m.unlock == nil {
		t.Fatal("an encrypted workspace does not show the unlock screen")
	}
	return win, m
}

// unlockWith types secret in the unlock screen and submits it as Enter
// does (the entry's own redraw after Enter would meet the answer, which
// the test driver delivers on another goroutine).
func unlockWith(m *mainWindow, secret string) {
	test.Type(m.unlock.passphrase, secret)
	m.unlock.passphrase.OnSubmitted(m.unlock.passphrase.Text)
	m.bg.wait()
}

func TestUnlockScreen(t *testing.T) {
	win, m := openLocked(t)
	markup := test.RenderToMarkup(win.Canvas())
	if !strings.Contains(markup, "This workspace is locked") || !strings.Contains(markup, "recovery key") {
		t.Error("the unlock screen does not ask for the passphrase or mention the recovery key")
	}
	if m.own.ws != nil || m.home != nil {
		t.Fatal("the workspace was opened without its passphrase")
	}
	if !m.unlock.passphrase.Password {
		t.Error("the passphrase field does not mask what is typed")
	}

	t.Run("wrong passphrase", func(t *testing.T) {
		unlockWith(m, "not the passphrase at all")
		markup := test.RenderToMarkup(win.Canvas())
		if !strings.Contains(markup, wrongSecret) {
			t.Errorf("a wrong passphrase does not say %q", wrongSecret)
		}
		if strings.Contains(markup, "Tobacco") || m.own.ws != nil {
			t.Error("a wrong passphrase shows something of the workspace")
		}
		if m.unlock.passphrase.Text != "" {
			t.Error("the wrong passphrase stays in the field")
		}
	})

	t.Run("right passphrase", func(t *testing.T) {
		unlockWith(m, testPassphrase)
		if m.unlock != nil || m.home == nil || m.home.list == nil {
			t.Fatal("the right passphrase does not open the home screen")
		}
		if got := m.home.list.cellText(0, 1); got != "Tobacco via Algeciras" {
			t.Errorf("first row title = %q", got)
		}
		markup := test.RenderToMarkup(win.Canvas())
		if strings.Contains(markup, "not encrypted") {
			t.Error("an encrypted workspace is said not to be")
		}
		if !strings.Contains(markup, ">Lock<") {
			t.Error("no Lock button on an encrypted workspace")
		}
	})
}

func TestLockShortcut(t *testing.T) {
	win, m := openLocked(t)
	unlockWith(m, testPassphrase)
	if m.home == nil {
		t.Fatal("not unlocked")
	}
	m.onNewCase() // a dialog open over the workspace goes too
	if win.Canvas().Overlays().Top() == nil {
		t.Fatal("Ctrl+N opened no dialog")
	}

	win.Canvas().(fyne.Shortcutable).TypedShortcut(lockShortcut)
	m.bg.wait()
	if m.unlock == nil || m.home != nil || m.own.ws != nil || m.showing != nil {
		t.Fatal("Ctrl+L did not lock the window")
	}
	if win.Canvas().Overlays().Top() != nil {
		t.Error("a dialog stays over the locked window")
	}
	markup := test.RenderToMarkup(win.Canvas())
	if strings.Contains(markup, "Tobacco") || !strings.Contains(markup, "This workspace is locked") {
		t.Error("the locked window still shows the workspace")
	}

	unlockWith(m, testPassphrase)
	if m.home == nil || m.home.list == nil || len(m.home.list.rows) != 1 {
		t.Fatal("unlocking again does not show the case list")
	}
}

func TestIdleLock(t *testing.T) {
	unit := idleUnit
	idleUnit = 100 * time.Millisecond // "1 minute" of the setting
	t.Cleanup(func() { idleUnit = unit })
	win, m := openLocked(t)
	fyne.CurrentApp().Preferences().SetInt(prefIdleLock, 1)
	locked := make(chan struct{})
	m.onLocked = func() { close(locked) }
	unlockWith(m, testPassphrase) // the lock may come before this returns: only an unlocked window locks
	select {
	case <-locked:
	case <-time.After(30 * time.Second):
		t.Fatal("the window did not lock by itself when left alone")
	}
	m.bg.wait()
	if m.home != nil || m.own.ws != nil || strings.Contains(test.RenderToMarkup(win.Canvas()), "Tobacco") {
		t.Error("the idle lock left the workspace open or on screen")
	}
}

func TestNewWorkspaceAsksForPassphrase(t *testing.T) {
	win := newTestWindow(t)
	path := filepath.Join(t.TempDir(), "own.db")
	m := newMainWindow(win, newTestBackground(t), path)
	t.Cleanup(func() { m.close() })
	m.open()
	m.bg.wait()
	if m.create == nil {
		t.Fatal("no workspace at the path, and no passphrase asked for")
	}
	c := m.create.choice
	if !c.recovery.Checked {
		t.Error("Make a recovery key is not ticked")
	}
	try := func(first, second string) string {
		test.Type(c.first, first)
		test.Type(c.second, second)
		test.Tap(m.create.create)
		m.bg.wait()
		if c.problem.Visible() {
			text := c.problem.Text
			c.first.SetText("")
			c.second.SetText("")
			return text
		}
		return ""
	}
	if got := try("too short", "too short"); !strings.Contains(got, "at least 12") {
		t.Errorf("a short passphrase says %q", got)
	}
	if got := try(testPassphrase, testPassphrase+"!"); !strings.Contains(got, "differ") {
		t.Errorf("two passphrases that differ say %q", got)
	}
	if got := try(testPassphrase, testPassphrase); got != "" {
		t.Fatalf("a good passphrase is refused: %q", got)
	}
	if enc, err := app.IsEncrypted(path); err != nil || !enc {
		t.Fatalf("the new workspace is not encrypted: %v", err)
	}

	r := m.recovery
	if r == nil {
		t.Fatal("the recovery key is not shown")
	}
	key := r.key.Text
	markup := test.RenderToMarkup(win.Canvas())
	for _, want := range []string{key, "office safe", "nobody can recover it"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the recovery key dialog does not say %q", want)
		}
	}
	test.Tap(r.proceed)
	if m.recovery == nil || m.profile != nil {
		t.Fatal("the dialog went without the tick")
	}
	test.Tap(r.written)
	test.Tap(r.proceed)
	if m.recovery != nil || m.profile == nil {
		t.Fatal("after the tick, the profile is not asked for")
	}
	if strings.Contains(test.RenderToMarkup(win.Canvas()), key) {
		t.Error("the recovery key is still on screen")
	}

	// The key shown opens the workspace.
	if code := m.close(); code != 0 {
		t.Fatalf("close: %d", code)
	}
	ws, err := app.Unlock(context.Background(), path, []byte(key))
	if err != nil {
		t.Fatalf("the recovery key shown does not open the workspace: %v", err)
	}
	ws.Close()
}

func TestPlaintextWorkspaceOffersEncryption(t *testing.T) {
	win, m := openOnOneCase(t)
	markup := test.RenderToMarkup(win.Canvas())
	if !strings.Contains(markup, "This workspace is not encrypted") || !strings.Contains(markup, "Encrypt…") {
		t.Error("a plaintext workspace does not say it is not encrypted, or how to encrypt it")
	}
	if strings.Contains(markup, ">Lock<") {
		t.Error("a plaintext workspace offers to lock")
	}
	win.Canvas().(fyne.Shortcutable).TypedShortcut(lockShortcut)
	if m.home == nil || m.own.ws == nil {
		t.Error("Ctrl+L closed a plaintext workspace")
	}
}

func TestSettingsIdleLock(t *testing.T) {
	prefs := fyne.CurrentApp().Preferences()
	e := newIdleLockEntry(prefs)
	if e.Text != "10" {
		t.Errorf("default = %q, want 10", e.Text)
	}
	e.SetText("3")
	if got := prefs.Int(prefIdleLock); got != 3 {
		t.Errorf("pref = %d, want 3", got)
	}
	e.SetText("soon")
	if got := prefs.Int(prefIdleLock); got != 3 || e.Validate() == nil {
		t.Errorf("a word changed the setting to %d, or was accepted", got)
	}
	if idleAfter(prefs, time.Minute) != 3*time.Minute {
		t.Errorf("idleAfter = %v", idleAfter(prefs, time.Minute))
	}
	e.SetText("0")
	if idleAfter(prefs, time.Minute) != 0 {
		t.Error("0 does not mean never")
	}
}

// The Encrypt… flow, through app.Encrypt itself (which refuses a
// workspace still open): the window closes the workspace first, encrypts
// it, shows the recovery key once, and opens the encrypted workspace,
// lockable, saying what became of the plaintext copy.
func TestEncryptFromTheNotice(t *testing.T) {
	win, m := openOnOneCase(t)
	if !strings.Contains(test.RenderToMarkup(win.Canvas()), "Encrypt…") {
		t.Fatal("the notice offers no Encrypt… button")
	}
	path := m.ownPath
	m.onEncrypt()
	f := win.Canvas().Overlays().Top()
	if f == nil {
		t.Fatal("Encrypt… opened no dialog")
	}
	focused := win.Canvas().Focused().(*widget.Entry)
	test.Type(focused, testPassphrase)
	test.FocusNext(win.Canvas())
	test.Type(win.Canvas().Focused(), testPassphrase)
	win.Canvas().Focused().(*widget.Entry).OnSubmitted("")
	m.bg.wait()
	if m.recovery == nil {
		t.Fatal("the recovery key is not shown")
	}
	test.Tap(m.recovery.written)
	test.Tap(m.recovery.proceed)
	m.bg.wait()
	if !m.encrypted || m.home == nil || m.own.ws == nil || !m.own.ws.Encrypted() {
		t.Fatal("the encrypted workspace is not open again")
	}
	markup := test.RenderToMarkup(win.Canvas())
	if strings.Contains(markup, "not encrypted") || !strings.Contains(markup, ">Lock<") {
		t.Error("the notice stays, or Lock is not offered, after encrypting")
	}
	if !strings.Contains(markup, "overwritten and removed") {
		t.Error("what became of the plaintext copy is not said")
	}
	if enc, err := app.IsEncrypted(path); err != nil || !enc {
		t.Errorf("%s is not encrypted on disk (%v)", path, err)
	}
}
