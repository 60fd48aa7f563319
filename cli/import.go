package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"bollard/app/exchange"
	"bollard/storage/disk"
)

// runImport picks the importer by what the file is: a case package
// (.bollard: a signed zip, or an age-encrypted one), a JSON case file, or a
// spreadsheet of seizures (CSV). The file is the first argument that is
// not a flag.
func runImport(e *env, args []string) error {
	path := ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		if strings.HasPrefix(a, "-") {
			if !strings.Contains(a, "=") && importFlagTakesValue[strings.TrimLeft(a, "-")] {
				i++
			}
			continue
		}
		path = a
		break
	}
	if path == "" {
		return usagef("import needs one file, e.g. bollard import case.bollard")
	}
	switch kind, err := importKind(path); {
	case err != nil:
		return fmt.Errorf("import: %w", err)
	case kind == "package":
		return runImportPackage(e, args)
	case kind == "json":
		return runImportJSON(e, args)
	case kind == "csv":
		if importCSV == nil {
			return usagef("import %s: spreadsheets of seizures are not supported yet", path)
		}
		return importCSV(e, args)
	default:
		return usagef("import %s: not a case package (.bollard), a JSON case file (.json) or a spreadsheet (.csv)", path)
	}
}

// importCSV imports a spreadsheet of seizures (bollard import FILE.csv
// --case REF [--partial]); the CSV importer sets it.
var importCSV func(e *env, args []string) error

// importFlagTakesValue are the import flags followed by a value, so that
// runImport does not take the value for the file.
var importFlagTakesValue = map[string]bool{"identity": true, "case": true, "delimiter": true, "encoding": true}

// importKind says what a file to import is, by its first bytes where they
// say, else by its extension.
func importKind(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", disk.InUse(path, err)
	}
	defer f.Close()
	head := make([]byte, 32)
	n, _ := io.ReadFull(f, head)
	head = bytes.TrimLeft(head[:n], "\xef\xbb\xbf \t\r\n")
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("age-encryption.org/")), ext == ".bollard":
		return "package", nil
	case ext == ".json", bytes.HasPrefix(head, []byte("{")):
		return "json", nil
	case ext == ".csv", ext == ".tsv", ext == ".txt":
		return "csv", nil
	}
	return "", nil
}

// runImportPackage merges a partner's case package into the workspace.
func runImportPackage(e *env, args []string) error {
	fs := flags("import")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	trust := fs.Bool("trust", false, "accept a signer who is not a known partner yet, and remember it")
	var identities stringList
	fs.Var(&identities, "identity", "a file holding an age secret key that opens the package; repeatable")
	passphrase := fs.Bool("passphrase", false, "the package is encrypted with a passphrase, read from $BOLLARD_PASSPHRASE or stdin")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("import needs one file, e.g. bollard import case.bollard")
	}
	path := rest[0]
	opt := exchange.ImportOptions{Trust: *trust}
	for _, f := range identities {
		data, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("import: identity: %w", disk.InUse(f, err))
		}
		for _, line := range strings.Split(string(data), "\n") {
			if line = strings.TrimSpace(line); strings.HasPrefix(line, "AGE-SECRET-KEY-") {
				opt.Identities = append(opt.Identities, line)
			}
		}
	}
	if *passphrase {
		if opt.Passphrase, err = readPassphrase(e); err != nil {
			return err
		}
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	sum, err := exchange.ImportPackage(e.ctx, w, path, opt)
	if err != nil {
		return notImported(path, err)
	}
	if *asJSON {
		return writeJSON(e.stdout, sum)
	}
	out := forTerminal(e.stdout) // the signer's name and the refs are the partner's text
	fmt.Fprintf(out, "imported %s, signed by %s (%s)\n", strings.Join(sum.Refs, ", "), sum.Signer.Name, sum.Signer.Agency)
	fmt.Fprintf(out, "  %d added, %d updated, %d unchanged, %d conflicts; %d files\n",
		sum.Added, sum.Updated, sum.Unchanged, sum.Conflicts, sum.Files)
	fmt.Fprintf(out, "  the audit trail credits these changes to %s (%s), package SHA-256 %s\n", sum.Signer.Name, sum.Signer.Agency, sum.Package)
	for _, r := range sum.Renumbered {
		fmt.Fprintf(out, "  renumbered: %s\n", r)
	}
	if sum.Settled > 0 {
		// Conflicts open here that closed themselves: say so, or the
		// officer goes looking for them.
		them := "them"
		if sum.Settled == 1 {
			them = "it"
		}
		fmt.Fprintf(out, "  %s settled: the partner resolved %s, or both sides now agree\n", plural(sum.Settled, "conflict"), them)
	}
	if sum.Conflicts > 0 {
		fmt.Fprintf(out, "  see them with: bollard conflicts --case %s\n", sum.Refs[0])
	}
	return nil
}

// runImportJSON adds the cases of a JSON case file to the workspace, all of
// them or, when anything in the file is refused, none.
func runImportJSON(e *env, args []string) error {
	fs := flags("import")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("import needs one file, e.g. bollard import case.json")
	}
	path := rest[0]
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	doc, err := exchange.ReadDocument(f)
	if err != nil {
		return notImported(path, err)
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	sum, err := exchange.Import(e.ctx, w, doc)
	if err != nil {
		return notImported(path, err)
	}
	if *asJSON {
		return writeJSON(e.stdout, sum)
	}
	out := forTerminal(e.stdout)
	fmt.Fprintf(out, "imported %d case(s): %s\n", sum.Cases, strings.Join(sum.Refs, ", "))
	fmt.Fprintf(out, "  %d seizures, %d new entities (%d already here), %d links, %d relations, %d timeline events, %d tasks, %d notes\n",
		sum.Seizures, sum.Entities, sum.SharedEntities, sum.Links, sum.Relations, sum.Events, sum.Tasks, sum.Notes)
	return nil
}

// notImported is an import's refusal, saying once that nothing was imported.
func notImported(path string, err error) error {
	if strings.Contains(err.Error(), "nothing was imported") {
		return fmt.Errorf("import %s: %w", path, err)
	}
	return fmt.Errorf("import %s: %w; nothing was imported", path, err)
}
