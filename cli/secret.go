package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"bollard/storage/disk"
	"bollard/storage/lockbox"
)

// A workspace's passphrase (or recovery key) reaches the command line in
// one of two ways, and never as an argument, which every user of the
// machine can read in the process list and which shells keep in history:
//
//   - typed at the terminal, without echo;
//   - for scripts, as the first line of the file $BOLLARD_PASSPHRASE_FILE
//     names (its trailing line break stripped). The file must be
//     readable by its owner only (like ssh's keys): a passphrase in a
//     file the office can read is no passphrase. On Unix that is its
//     mode; on Windows its access list, where SYSTEM and the local
//     Administrators, who can read any file, may be there too. A new
//     passphrase (bollard passphrase) comes from
//     $BOLLARD_NEW_PASSPHRASE_FILE.
//
// With neither a terminal nor the variable, the command fails saying how
// to give it. The bytes are forgotten (lockbox.Forget) once used.

// Environment variables naming the files a script gives passphrases in.
const (
	envPassphraseFile    = "BOLLARD_PASSPHRASE_FILE"
	envNewPassphraseFile = "BOLLARD_NEW_PASSPHRASE_FILE"
)

// errWrongSecret is what a command says when the passphrase or recovery
// key does not open the workspace: nothing of what it holds.
var errWrongSecret = errors.New("the passphrase or recovery key is not this workspace's; nothing was changed")

// secretFor reads the passphrase or recovery key of the workspace at path,
// from $BOLLARD_PASSPHRASE_FILE or the terminal. The caller forgets it.
func (e *env) secretFor(path string) ([]byte, error) {
	if name := os.Getenv(envPassphraseFile); name != "" {
		return readSecretFile(envPassphraseFile, name)
	}
	tty, ok := e.terminal()
	if !ok {
		return nil, fmt.Errorf("%s is encrypted and no terminal is there to type its passphrase: run the command at a terminal, or put the passphrase in a file readable only by you and name it in %s; nothing was changed", path, envPassphraseFile)
	}
	return e.prompt(tty, "passphrase or recovery key for "+path+": ")
}

// newSecret reads a new passphrase: from the file the variable env names,
// once, or typed twice at the terminal, so that a slip of the finger does
// not lock the officer out. It is checked for length before anything is
// written. The caller forgets it.
func (e *env) newSecret(envName, what string) ([]byte, error) {
	if name := os.Getenv(envName); name != "" {
		p, err := readSecretFile(envName, name)
		if err != nil {
			return nil, err
		}
		return checked(p)
	}
	tty, ok := e.terminal()
	if !ok {
		return nil, fmt.Errorf("no terminal is there to type the %s: run the command at a terminal, or put it in a file readable only by you and name it in %s; nothing was changed", what, envName)
	}
	p, err := e.prompt(tty, fmt.Sprintf("%s (at least %d characters): ", what, lockbox.MinPassphrase))
	if err != nil {
		return nil, err
	}
	again, err := e.prompt(tty, "the same again: ")
	if err != nil {
		lockbox.Forget(p)
		return nil, err
	}
	same := bytes.Equal(p, again)
	lockbox.Forget(again)
	if !same {
		lockbox.Forget(p)
		return nil, errors.New("the two passphrases typed differ; nothing was changed")
	}
	return checked(p)
}

// checked refuses a passphrase too short, forgetting it.
func checked(p []byte) ([]byte, error) {
	if err := lockbox.CheckPassphrase(p); err != nil {
		lockbox.Forget(p)
		return nil, fmt.Errorf("%w; nothing was changed", err)
	}
	return p, nil
}

// terminal returns the command's standard input when it is a terminal.
func (e *env) terminal() (*os.File, bool) {
	f, ok := e.stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil, false
	}
	return f, true
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// prompt asks on stderr (stdout may be piped into a file) and reads a line
// from the terminal without echo.
func (e *env) prompt(tty *os.File, question string) ([]byte, error) {
	fmt.Fprint(e.stderr, question)
	p, err := term.ReadPassword(int(tty.Fd()))
	fmt.Fprintln(e.stderr)
	if err != nil {
		return nil, fmt.Errorf("read the passphrase from the terminal: %w", err)
	}
	return p, nil
}

// readSecretFile reads the first line of the file a script names, its
// line break stripped, refusing a file others can read.
func readSecretFile(envName, name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", envName, disk.InUse(name, err))
	}
	defer f.Close()
	who, err := disk.OthersCanRead(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w; nothing was changed", envName, err)
	}
	if who != "" {
		// A passphrase the group, the office or everyone can read is
		// refused: its mode bits on Unix, its access list on Windows.
		return nil, fmt.Errorf("%s: %s can be read by %s; %s; nothing was changed", envName, name, who, disk.HowToKeepToOwner(name))
	}
	raw, err := io.ReadAll(io.LimitReader(f, 64<<10))
	if err != nil {
		lockbox.Forget(raw)
		return nil, fmt.Errorf("%s: read %s: %w", envName, name, err)
	}
	text := passphraseText(raw)
	line, _, _ := bytes.Cut(text, []byte("\n"))
	line = bytes.TrimRight(line, "\r")
	p := bytes.Clone(line)
	lockbox.Forget(text)
	if len(p) == 0 {
		return nil, fmt.Errorf("%s: the first line of %s is empty; nothing was changed", envName, name)
	}
	return p, nil
}
