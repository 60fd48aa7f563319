package cli

import (
	"errors"
	"fmt"

	"bollard/app"
	"bollard/storage/lockbox"
)

// runKeyring turns the keyring unlock on or off, or says where it stands.
// On, commands and the window open the workspace from the computer's
// keyring (Secret Service, Credential Manager, Keychain) without asking;
// the passphrase always opens it too, so a lost keyring loses nothing.
func runKeyring(e *env, args []string) error {
	if len(args) != 1 {
		return usagef("keyring takes one of on, off, status")
	}
	switch args[0] {
	case "on", "off", "status":
	default:
		return usagef("keyring %s: want on, off or status", args[0])
	}
	if err := e.mustBeEncrypted(); err != nil {
		return err
	}
	on, err := app.HasKeyring(e.db)
	if err != nil {
		return err
	}
	switch args[0] {
	case "status":
		return e.keyringStatus(on)
	case "off":
		if !on {
			fmt.Fprintf(e.stdout, "keyring unlock is already off for %s; nothing was changed\n", e.db)
			return nil
		}
		w, err := e.open()
		if err != nil {
			return err
		}
		defer w.Close()
		if err := w.ForgetKeyring(e.ctx); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "keyring unlock is off for %s: only the passphrase (or recovery key) opens it\n", e.db)
		return nil
	}
	// on: the keyring is checked before the passphrase is asked, so that
	// an officer on a machine without one is not asked for nothing.
	if err := app.KeyringAvailable(); err != nil {
		return fmt.Errorf("%w; nothing was changed", err)
	}
	secret, err := e.secretFor(e.db)
	if err != nil {
		return err
	}
	defer lockbox.Forget(secret)
	w, err := app.Unlock(e.ctx, e.db, secret)
	if errors.Is(err, lockbox.ErrWrongSecret) {
		return errWrongSecret
	} else if err != nil {
		return err
	}
	defer w.Close()
	if err := w.RememberInKeyring(e.ctx, secret); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "keyring unlock is on for %s: on this computer, for this user, it opens without the passphrase; the passphrase still opens it anywhere (bollard keyring off to stop)\n", e.db)
	return nil
}

// keyringStatus says whether the keyring unlock is on and whether it works
// here. No keyring service is an error (exit 1): the keyring cannot be
// used from here, whatever the lockbox says.
func (e *env) keyringStatus(on bool) error {
	state := "off"
	if on {
		state = "on"
	}
	fmt.Fprintf(e.stdout, "keyring unlock: %s for %s\n", state, e.db)
	if err := app.KeyringAvailable(); err != nil {
		return err
	}
	if !on {
		fmt.Fprintln(e.stdout, "this computer has a keyring; bollard keyring on to use it")
		return nil
	}
	key, err := lockbox.UnlockKeyring(e.db)
	if err != nil {
		return err
	}
	lockbox.Forget(key)
	fmt.Fprintln(e.stdout, "this computer's keyring opens it")
	return nil
}
