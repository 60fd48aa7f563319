package cli

import (
	"fmt"

	"bollard/app"
	"bollard/storage/lockbox"
)

// runEncrypt encrypts the plaintext workspace in place (`bollard encrypt
// [--recovery]`), under a new passphrase typed twice at the terminal or
// read from the file $BOLLARD_PASSPHRASE_FILE names, then removes its plaintext copies and
// says where that removal cannot be trusted. Run again after a crash, it
// finishes or undoes what the crash left.
func runEncrypt(e *env, args []string) error {
	fs := flags("encrypt")
	recovery := fs.Bool("recovery", false, "also make a recovery key, printed once, to keep in the office safe")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("encrypt takes no arguments (got %q): encrypt [--recovery]", rest[0])
	}
	pass, err := e.newSecret(envPassphraseFile, "new passphrase")
	if err != nil {
		return err
	}
	defer lockbox.Forget(pass)
	fmt.Fprintf(e.stderr, "encrypting %s…\n", e.db)
	shown := int64(-1)
	res, err := app.Encrypt(e.ctx, e.db, pass, *recovery, func(done, total int64) {
		if total == 0 {
			return
		}
		// Every tenth, not every chunk: a terminal line per megabyte
		// would bury the rest.
		if pct := done * 10 / total; pct != shown {
			shown = pct
			fmt.Fprintf(e.stderr, "  %d%%\n", pct*10)
		}
	})
	if err != nil {
		return err
	}
	if res.Resumed {
		fmt.Fprintf(e.stdout, "An encryption of %s that was cut short has been finished.\n", e.db)
	} else {
		fmt.Fprintf(e.stdout, "%s is encrypted, with %d attachment files.\n", e.db, res.Attachments)
	}
	if res.RecoveryKey != "" {
		fmt.Fprintf(e.stdout, "\nRecovery key (shown this once; print it or write it down and keep it in the office safe; it unlocks the workspace without the passphrase):\n\n    %s\n\n", res.RecoveryKey)
	}
	fmt.Fprintln(e.stdout, "The plaintext copies were overwritten and removed:")
	for _, r := range res.Removed {
		fmt.Fprintf(e.stdout, "  %s\n", r)
	}
	for _, c := range res.Caveats {
		fmt.Fprintf(e.stdout, "Note: %s\n", c)
	}
	fmt.Fprintln(e.stdout, "Without the passphrase (or the recovery key) the workspace cannot be opened by anyone, Bollard's makers included.")
	return nil
}
