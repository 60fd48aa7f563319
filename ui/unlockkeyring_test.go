package ui

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"bollard/app"
	"bollard/storage/lockbox"
)

// reopen opens a new window on the same workspace, as the next start does.
func reopen(t *testing.T, path string) *mainWindow {
	t.Helper()
	m := newMainWindow(newTestWindow(t), newTestBackground(t), path)
	t.Cleanup(func() { m.close() })
	m.open()
	m.bg.wait()
	return m
}

// The check on the unlock screen keeps a second way in, in the keyring:
// the next window opens without asking, a lock still asks the passphrase,
// unticking turns it off, and a stale entry falls back to the passphrase
// and says so.
func TestUnlockRememberInKeyring(t *testing.T) {
	keyring.MockInit() // an in-memory stand-in for the OS keyring
	win, m := openLocked(t)
	path := m.ownPath
	if !strings.Contains(test.RenderToMarkup(win.Canvas()), "Remember in this computer") || m.unlock.remember.Checked {
		t.Fatal("the unlock screen offers no keyring check, or it starts ticked")
	}
	m.unlock.remember.SetChecked(true)
	unlockWith(m, testPassphrase)
	if m.unlock != nil || m.own.ws == nil {
		t.Fatal("the passphrase did not open the workspace")
	}
	if on, err := app.HasKeyring(path); !on || err != nil {
		t.Fatalf("the keyring was not turned on: %v", err)
	}

	t.Run("the next window opens from the keyring", func(t *testing.T) {
		m.close()
		m2 := reopen(t, path)
		if m2.unlock != nil || m2.own.ws == nil || m2.home == nil {
			t.Fatal("the keyring did not open the workspace")
		}
		m2.lock()
		m2.bg.wait()
		if m2.unlock == nil || m2.own.ws != nil {
			t.Fatal("after a lock the keyring opened the workspace again")
		}
		if !m2.unlock.remember.Checked {
			t.Error("the check does not show the keyring is on")
		}
		// Unticked: the passphrase opens it and the keyring is off.
		m2.unlock.remember.SetChecked(false)
		unlockWith(m2, testPassphrase)
		if m2.own.ws == nil {
			t.Fatal("the passphrase did not open the workspace")
		}
		if on, _ := app.HasKeyring(path); on {
			t.Fatal("unticking did not turn the keyring off")
		}
		m2.close()
		if m3 := reopen(t, path); m3.unlock == nil {
			t.Fatal("the workspace opened without a passphrase after keyring off")
		}
	})

	t.Run("a stale entry falls back to the passphrase", func(t *testing.T) {
		w, err := app.Unlock(t.Context(), path, []byte(testPassphrase))
		if err != nil {
			t.Fatal(err)
		}
		if err := w.RememberInKeyring(t.Context(), []byte(testPassphrase)); err != nil {
			t.Fatal(err)
		}
		w.Close()
		// Every Bollard entry made to hold another secret.
		other := base64.StdEncoding.EncodeToString(make([]byte, lockbox.KeySize))
		for _, acct := range accountsOf(t, path) {
			if err := keyring.Set(lockbox.KeyringService, acct, other); err != nil {
				t.Fatal(err)
			}
		}
		m4 := reopen(t, path)
		if m4.unlock == nil || m4.own.ws != nil {
			t.Fatal("a stale keyring entry opened the workspace or no passphrase was asked")
		}
		if !strings.Contains(m4.unlock.problem.Text, "keyring did not open") {
			t.Errorf("the stale entry is not said: %q", m4.unlock.problem.Text)
		}
		unlockWith(m4, testPassphrase)
		if m4.own.ws == nil {
			t.Fatal("the passphrase did not open the workspace after a stale entry")
		}
	})
}

// accountsOf is the keyring account the workspace's lockbox names.
func accountsOf(t *testing.T, path string) []string {
	t.Helper()
	raw, err := os.ReadFile(lockbox.Path(path))
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Keyring *struct{ Account string } `json:"keyring"`
	}
	if err := json.Unmarshal(raw, &f); err != nil || f.Keyring == nil {
		t.Fatalf("no keyring slot: %v", err)
	}
	return []string{f.Keyring.Account}
}
