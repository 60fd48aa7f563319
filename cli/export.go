package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"bollard/app"
	"bollard/app/exchange"
)

// stringList is a flag given once per value (--recipient A --recipient B).
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// runExport writes cases as a signed case package for a partner agency.
func runExport(e *env, args []string) error {
	fs := flags("export")
	out := fs.String("o", "", "the package file to write (FILE.bollard)")
	var recipients stringList
	fs.Var(&recipients, "recipient", "a file holding a partner's age public key (age1...); repeatable")
	passphrase := fs.Bool("passphrase", false, "encrypt with a passphrase read from $BOLLARD_PASSPHRASE or stdin")
	asJSON := fs.Bool("json", false, "print what was written as JSON")
	format := fs.String("format", "package", "package (a signed case package) or ftm (FollowTheMoney entities)")
	refs, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(refs) == 0 || *out == "" {
		return usagef("export needs case refs and -o FILE, e.g. bollard export BEC-2026-0001 -o case.bollard")
	}
	if err := app.CheckOutput(*out, e.db); err != nil {
		return usagef("-o %v", err)
	}
	switch *format {
	case "ftm":
		if len(recipients) > 0 || *passphrase {
			return usagef("export --format ftm: FollowTheMoney files are not encrypted; leave out --recipient and --passphrase")
		}
		return runExportFTM(e, refs, *out)
	case "package":
	default:
		return usagef("export --format %q: choose package or ftm", *format)
	}
	if *passphrase && len(recipients) > 0 {
		return usagef("export: encrypt to --recipient keys or to a --passphrase, not both")
	}
	var enc exchange.Encryption
	for _, f := range recipients {
		keys, err := exchange.ReadRecipientFile(f)
		if err != nil {
			return fmt.Errorf("export: recipient %s: %w", f, err)
		}
		enc.Recipients = append(enc.Recipients, keys...)
	}
	if *passphrase {
		if enc.Passphrase, err = readPassphrase(e); err != nil {
			return err
		}
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	x, err := exchange.ExportPackage(e.ctx, w, *out, enc, refs...)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if *asJSON {
		return writeJSON(e.stdout, x)
	}
	how := "signed"
	if x.Encrypted {
		how = "signed and encrypted"
	}
	fmt.Fprintf(e.stdout, "exported %s to %s (%s): %d records, %d files, %d bytes\n",
		strings.Join(x.Refs, ", "), x.Path, how, x.Records, x.Files, x.Size)
	return nil
}

// readPassphrase reads a package's passphrase from $BOLLARD_PASSPHRASE, else
// the first line of stdin: never from a flag, which other users of the
// machine could read in the process list.
func readPassphrase(e *env) (string, error) {
	if p := os.Getenv("BOLLARD_PASSPHRASE"); p != "" {
		return p, nil
	}
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read the passphrase: %w", err)
	}
	p := strings.TrimRight(line, "\r\n")
	if p == "" {
		return "", usagef("--passphrase: give the passphrase on stdin or in $BOLLARD_PASSPHRASE")
	}
	return p, nil
}
