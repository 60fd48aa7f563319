package cli

import (
	"errors"
	"fmt"

	"bollard/app"
	"bollard/storage/lockbox"
)

// runPassphrase changes the passphrase of an encrypted workspace, opened
// with the current passphrase or the recovery key. Only the lockbox is
// rewritten: the data keeps its key.
func runPassphrase(e *env, args []string) error {
	if len(args) > 0 {
		return usagef("passphrase takes no arguments: it asks for the passphrases (or reads $%s and $%s)", envPassphraseFile, envNewPassphraseFile)
	}
	secret, err := e.encryptedSecret()
	if err != nil {
		return err
	}
	defer lockbox.Forget(secret)
	// The current one is tried before the new one is asked for: a typo is
	// said at once, not after typing a new passphrase twice.
	key, err := lockbox.Unlock(e.db, secret)
	if errors.Is(err, lockbox.ErrWrongSecret) {
		return errWrongSecret
	} else if err != nil {
		return err
	}
	lockbox.Forget(key)
	next, err := e.newSecret(envNewPassphraseFile, "new passphrase")
	if err != nil {
		return err
	}
	defer lockbox.Forget(next)
	if err := app.ChangePassphrase(e.db, secret, next); err != nil {
		if errors.Is(err, lockbox.ErrWrongSecret) {
			return errWrongSecret
		}
		return err
	}
	fmt.Fprintf(e.stdout, "changed the passphrase of %s; the old one no longer opens it (the recovery key, if any, still does)\n", e.db)
	return nil
}

// runRecoveryKey makes a new recovery key, printed once; the old one stops
// working.
func runRecoveryKey(e *env, args []string) error {
	if len(args) > 0 {
		return usagef("recovery-key takes no arguments: it asks for the passphrase (or reads $%s)", envPassphraseFile)
	}
	secret, err := e.encryptedSecret()
	if err != nil {
		return err
	}
	defer lockbox.Forget(secret)
	code, err := app.NewRecoveryKey(e.db, secret)
	if errors.Is(err, lockbox.ErrWrongSecret) {
		return errWrongSecret
	} else if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "new recovery key for %s (shown this once; print it and keep it in the office safe; any earlier one no longer works):\n\n    %s\n\n", e.db, code)
	fmt.Fprintln(e.stdout, "Without the passphrase or this recovery key the workspace cannot be opened by anyone: its data is gone.")
	return nil
}

// encryptedSecret reads the passphrase or recovery key of the workspace,
// which must be encrypted. The caller forgets it.
func (e *env) encryptedSecret() ([]byte, error) {
	if err := e.mustBeEncrypted(); err != nil {
		return nil, err
	}
	return e.secretFor(e.db)
}

// mustBeEncrypted refuses a workspace that is missing or not encrypted.
func (e *env) mustBeEncrypted() error {
	if err := e.mustExist(); err != nil {
		return err
	}
	ok, err := app.IsEncrypted(e.db)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%s is not encrypted, so it has no passphrase: bollard encrypt encrypts it; nothing was changed", e.db)
	}
	return nil
}
