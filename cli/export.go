package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"bollard/app"
	"bollard/app/exchange"
	"bollard/model"
)

// stringList is a flag given once per value (--recipient A --recipient B).
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// runExport writes cases as a signed case package for a partner agency.
// A package is encrypted by default: to every known partner of the cases'
// agencies, plus any --recipient; or to a --passphrase instead. Sending one
// in the clear takes --plain, and is written to the audit trail.
func runExport(e *env, args []string) error {
	fs := flags("export")
	out := fs.String("o", "", "the package file to write (FILE.bollard)")
	var recipients stringList
	fs.Var(&recipients, "recipient", "a file holding a partner's age public key (age1...); repeatable; added to the known partners of the cases' agencies")
	passphrase := fs.Bool("passphrase", false, "encrypt with a passphrase read from $BOLLARD_PASSPHRASE or stdin, instead of to the partners' keys")
	plain := fs.Bool("plain", false, "send the package NOT encrypted (written to the audit trail)")
	asJSON := fs.Bool("json", false, "print what was written as JSON")
	format := fs.String("format", "package", "package (a signed case package) or ftm (FollowTheMoney entities)")
	force := fs.Bool("force", false, "replace the file -o names if it exists")
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
	// As for a dossier: a package already there (last week's, encrypted to
	// a partner) is not replaced without --force.
	if info, err := os.Stat(*out); err == nil && info.IsDir() {
		return usagef("-o %s: is a folder", *out)
	} else if err == nil && !*force {
		return usagef("%s exists: use --force to replace it", *out)
	}
	switch *format {
	case "ftm":
		if len(recipients) > 0 || *passphrase || *plain {
			return usagef("export --format ftm: FollowTheMoney files are not encrypted; leave out --recipient, --passphrase and --plain")
		}
		return runExportFTM(e, refs, *out)
	case "package":
	default:
		return usagef("export --format %q: choose package or ftm", *format)
	}
	if *passphrase && len(recipients) > 0 {
		return usagef("export: encrypt to --recipient keys or to a --passphrase, not both (age cannot mix them)")
	}
	if *plain && (*passphrase || len(recipients) > 0) {
		return usagef("export --plain sends the package in the clear; leave out --recipient and --passphrase, or --plain")
	}
	var enc exchange.Encryption
	for _, f := range recipients {
		keys, err := exchange.ReadRecipientFile(f)
		if err != nil {
			return fmt.Errorf("export: recipient %s: %w", f, err)
		}
		enc.Recipients = appendNew(enc.Recipients, keys...)
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
	var partners []model.Partner
	if !*plain && !*passphrase {
		known, err := exchange.RecipientsOf(e.ctx, w, refs...)
		if err != nil {
			if ref, ok := missingRef(e, w, refs); ok {
				return fmt.Errorf("export: %w", e.noCase(ref))
			}
			return fmt.Errorf("export: %w", err)
		}
		partners = known.Partners
		enc.Recipients = appendNew(known.Keys, enc.Recipients...)
		if len(enc.Recipients) == 0 {
			return fmt.Errorf("export: no known partner of the cases' agencies (%s) has an age key in this workspace (a partner's key comes with the signed packages it sends): "+
				"name --recipient KEYFILE, or --passphrase, or --plain to send the package in the clear; nothing was written", agencyList(known.Agencies))
		}
	}
	export := func() (exchange.Exported, error) { return exchange.ExportPackage(e.ctx, w, *out, enc, refs...) }
	if *plain {
		export = func() (exchange.Exported, error) { return exchange.ExportPlainPackage(e.ctx, w, *out, refs...) }
	}
	x, err := export()
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
	for _, p := range partners {
		fmt.Fprintf(forTerminal(e.stdout), "  encrypted to %s (%s)\n", p.Name, p.Agency)
	}
	if n := len(enc.Recipients) - len(partners); n > 0 && !*passphrase {
		fmt.Fprintf(e.stdout, "  encrypted to %d key(s) from --recipient\n", n)
	}
	if *plain {
		fmt.Fprintf(e.stderr, "bollard: WARNING: %s is NOT ENCRYPTED: whoever holds the file reads the cases; this was written to the audit trail\n", x.Path)
	}
	return nil
}

// missingRef returns the first ref the workspace holds no case for.
func missingRef(e *env, w *app.Workspace, refs []string) (string, bool) {
	for _, ref := range refs {
		if _, err := w.Case(e.ctx, ref); app.IsNotFound(err) {
			return ref, true
		}
	}
	return "", false
}

// agencyList names the agencies for a message.
func agencyList(agencies []string) string {
	if len(agencies) == 0 {
		return "the cases name none"
	}
	return strings.Join(agencies, ", ")
}

// appendNew appends the keys list does not hold yet.
func appendNew(list []string, keys ...string) []string {
	for _, k := range keys {
		if !slices.Contains(list, k) {
			list = append(list, k)
		}
	}
	return list
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
