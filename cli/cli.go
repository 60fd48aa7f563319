// Package cli is Bollard's headless front end: the subcommands that scripts,
// bulk work and tests run, as the same binary as the window.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"bollard/app"
	"bollard/model"
	"bollard/storage/lockbox"
)

// Exit codes, as DESIGN.md promises scripts.
const (
	exitOK    = 0
	exitWork  = 1 // the work failed
	exitUsage = 2 // the command line was wrong
)

// usageError is a mistake in the command line itself: exit 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// env is what a command runs with.
type env struct {
	ctx    context.Context
	db     string // the workspace file
	dbSet  bool   // whether --db named it; else it is the officer's own workspace
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	hinted bool // the "not encrypted" hint was printed
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(e *env, args []string) error
}

func commands() []command {
	return []command{
		{"init", "init [--officer NAME --agency AGENCY --prefix P ...] [--no-recovery-key] | init --plain   create an empty workspace, encrypted (asks a passphrase; prints a recovery key once) unless --plain", runInit},
		{"passphrase", "passphrase                                  change the workspace's passphrase (asks the current one or the recovery key, then the new one twice)", runPassphrase},
		{"recovery-key", "recovery-key                                make a new recovery key, printed once; the old one stops working", runRecoveryKey},
		{"keyring", "keyring on|off|status                       also open the workspace from this computer's keyring, or stop; the passphrase always opens it too", runKeyring},
		{"profile", "profile [--officer NAME ...] [--json]      show or change the officer profile", runProfile},
		{"demo", "demo [--cases N] [--seed S] [--entities N]  fill an empty workspace with synthetic cases", runDemo},
		{"case", "case list [--json] [--status S] [--all] | case show REF [--json] | case edit REF --version N [--title T] [--summary S] [--status S] [--priority P]", runCase},
		{"seizure", "seizure edit CASE-REF SZ-NNNN [--unit U] [--sticks-per-pack N] [--packs-per-carton N] [--cartons-per-master-case N]   how a seizure is counted", runSeizure},
		{"search", "search [--json] [--limit N] [--kind K] QUERY | search --stdin [--json]   find anything", runSearch},
		{"evidence", "evidence add CASE-REF --description TEXT [--kind K] [--seizure SZ-NNNN] [--file PATH]... | evidence show EXHIBIT-REF [--json] | " +
			"evidence review EXHIBIT-REF FILE --shows nothing_personal|persons|identity_document [--shareable]", runEvidence},
		{"custody", "custody add EXHIBIT-REF --action A [--to NAME] [--agency A] [--place P] [--seal S] [--seal-intact yes|no]", runCustody},
		{"audit", "audit [--case REF] [--json] [--sources]     the audit trail, newest first", runAudit},
		{"verify", "verify [--checkpoint FILE] [--key PUBKEY]   check the audit trail, the records, the keys and every attached file, without writing", runVerify},
		{"checkpoint", "checkpoint -o FILE                          sign where the audit trail stands, to keep elsewhere", runCheckpoint},
		{"files", "files prune [--dry-run] [--json]            remove attached files no exhibit has and the audit trail never names", runFiles},
		{"dossier", "dossier REF -o FILE.pdf [--lang en|es|pt|fr] [--redact [--redacted-title TEXT]] [--marking TEXT] [--sections LIST] [--force]   the case dossier PDF", runDossier},
		{"import", "import FILE.bollard [--trust] [--identity FILE] [--passphrase] | import FILE.csv --case REF [--partial] | import FILE.json   merge a case package, add seizures or a JSON case file", runImport},
		{"export", "export REF... -o FILE.bollard [--recipient KEYFILE]... [--passphrase | --plain] [--force] | export REF... --format ftm -o FILE.json [--force]   a signed case package, encrypted to the known partners of the cases' agencies unless --plain; or FollowTheMoney", runExport},
		{"conflicts", "conflicts [--case REF] [--json] | conflicts resolve ID --keep mine|theirs   records changed on both sides", runConflicts},
		{"encrypt", "encrypt [--recovery]                        encrypt the workspace in place under a passphrase ($BOLLARD_PASSPHRASE_FILE) and remove its plaintext", runEncrypt},
		{"keys", "keys [--json] | keys export -o FILE             this workspace's public keys; the file a partner encrypts packages to", runKeys},
		{"version", "version                                     print the version", runVersion},
	}
}

// Run runs the command line args (without the program name) and returns
// the exit code. Errors go to stderr as one line.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err := run(ctx, args, stdin, stdout, stderr)
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, new(usageError)):
		fmt.Fprintf(forTerminal(stderr), "bollard: %s (see bollard help)\n", oneLine(err))
		return exitUsage
	default:
		fmt.Fprintf(forTerminal(stderr), "bollard: %s\n", oneLine(err))
		return exitWork
	}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	global := flag.NewFlagSet("bollard", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	db := global.String("db", "", "the workspace file")
	if err := global.Parse(args); err != nil {
		return usagef("%v", err)
	}
	rest := global.Args()
	if len(rest) == 0 || rest[0] == "help" || rest[0] == "-h" || rest[0] == "--help" {
		printUsage(stdout)
		return nil
	}
	e := &env{ctx: ctx, db: *db, dbSet: *db != "", stdin: stdin, stdout: stdout, stderr: stderr}
	if e.db == "" {
		path, err := app.DefaultPath()
		if err != nil {
			return err
		}
		e.db = path
	}
	for _, c := range commands() {
		if c.name == rest[0] {
			return c.run(e, rest[1:])
		}
	}
	return usagef("unknown command %q", rest[0])
}

// WindowRequested reports whether the command line asks for the window
// (nothing, or only --db FILE) and, if so, which workspace it opens, or
// why no workspace could be found.
func WindowRequested(args []string) (path string, ok bool, err error) {
	global := flag.NewFlagSet("bollard", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	db := global.String("db", "", "")
	if err := global.Parse(args); err != nil || global.NArg() > 0 {
		return "", false, nil
	}
	if *db != "" {
		return *db, true, nil
	}
	path, err = app.DefaultPath()
	return path, true, err
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: bollard [--db FILE] COMMAND [ARGS]")
	fmt.Fprintln(w, "\nWith no command, bollard opens the desktop window. Commands:")
	for _, c := range commands() {
		fmt.Fprintln(w, "  bollard "+c.summary)
	}
	fmt.Fprintln(w, "\n--db defaults to $BOLLARD_DB, else the workspace in the user's data folder.")
	fmt.Fprintln(w, "An encrypted workspace's passphrase (or recovery key) is typed at the terminal, or for scripts")
	fmt.Fprintln(w, "read from the first line of the file $BOLLARD_PASSPHRASE_FILE names (readable by you only;")
	fmt.Fprintln(w, "a new passphrase from $BOLLARD_NEW_PASSPHRASE_FILE); never from the command line.")
	fmt.Fprintln(w, "With keyring on, commands open it from this computer's keyring first and ask only when that fails.")
	fmt.Fprintln(w, "Exit status: 0 done, 1 the work failed, 2 the command line was wrong.")
}

// flags makes a subcommand's flag set. Its errors are usage errors.
func flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses a subcommand's flags, allowing them after its arguments too
// (`case show REF --json`), and returns the arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usagef("%s: %v", fs.Name(), err)
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// open opens the workspace for a command that needs one to exist already:
// a mistyped --db should not quietly create an empty workspace. An
// encrypted workspace is unlocked with its passphrase (see secret.go).
func (e *env) open() (*app.Workspace, error) {
	if err := e.mustExist(); err != nil {
		return nil, err
	}
	return e.openAt(e.db, app.Open, app.Unlock, app.UnlockWithKeyring)
}

// mustExist refuses a workspace file that is not there.
func (e *env) mustExist() error {
	if _, err := os.Stat(e.db); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("no workspace at %s (create one with bollard --db %s init)", e.db, e.db)
		}
		return err
	}
	return nil
}

// openAt opens the workspace at path with plain when it is not encrypted,
// else with fromKeyring when its keyring unlock is on and works, else asks
// its passphrase and unlocks it with unlock. A wrong passphrase says
// nothing of what the workspace holds.
func (e *env) openAt(path string,
	plain func(context.Context, string) (*app.Workspace, error),
	unlock func(context.Context, string, []byte) (*app.Workspace, error),
	fromKeyring func(context.Context, string) (*app.Workspace, error)) (*app.Workspace, error) {
	encrypted, err := app.IsEncrypted(path)
	if err != nil {
		return nil, err
	}
	if !encrypted {
		w, err := plain(e.ctx, path)
		if err == nil && !e.hinted && isTerminal(e.stderr) {
			// Said to a person, once; a script's stderr stays its errors.
			e.hinted = true
			fmt.Fprintf(e.stderr, "bollard: %s is not encrypted: whoever holds the file can read it (bollard encrypt)\n", path)
		}
		return w, err
	}
	if on, err := app.HasKeyring(path); err != nil {
		return nil, err
	} else if on {
		w, err := fromKeyring(e.ctx, path)
		if err == nil || !errors.Is(err, app.ErrNoKeyring) {
			return w, err
		}
		// No keyring service here (a server, an ssh session) is the
		// ordinary case and passes silently; an entry that does not open
		// the workspace is said, once, before the passphrase is asked.
		if errors.Is(err, lockbox.ErrStaleKeyring) {
			fmt.Fprintf(e.stderr, "bollard: %s\n", oneLine(err))
		}
	}
	secret, err := e.secretFor(path)
	if err != nil {
		return nil, err
	}
	defer lockbox.Forget(secret)
	w, err := unlock(e.ctx, path, secret)
	if errors.Is(err, lockbox.ErrWrongSecret) {
		return nil, errWrongSecret
	}
	return w, err
}

// noCase is the error of a command given a case ref the workspace does not
// hold: it names the case and the workspace, so that a ref mistyped or a
// --db forgotten is seen at once.
func (e *env) noCase(ref string) error {
	return fmt.Errorf("no case %s in %s", ref, e.db)
}

// caseByRef reads the case with that ref, saying plainly when the
// workspace has none.
func (e *env) caseByRef(w *app.Workspace, ref string) (model.Case, error) {
	c, err := w.Case(e.ctx, ref)
	if app.IsNotFound(err) {
		return c, e.noCase(ref)
	}
	return c, err
}

// oneLine keeps an error to one line on stderr.
func oneLine(err error) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "\n", " ")), " ")
}
