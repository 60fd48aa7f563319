package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"bollard/app/exchange"
)

// runImport adds the cases of a JSON case file to the workspace, all of
// them or, when anything in the file is refused, none.
func runImport(e *env, args []string) error {
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
	if ext := strings.ToLower(filepath.Ext(path)); ext != ".json" {
		return usagef("import %s: this version imports JSON case files (.json); %q files are not supported yet", path, ext)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	doc, err := exchange.ReadDocument(f)
	if err != nil {
		return fmt.Errorf("import %s: %w; nothing was imported", path, err)
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	sum, err := exchange.Import(e.ctx, w, doc)
	if err != nil {
		return fmt.Errorf("import %s: %w; nothing was imported", path, err)
	}
	if *asJSON {
		return writeJSON(e.stdout, sum)
	}
	fmt.Fprintf(e.stdout, "imported %d case(s): %s\n", sum.Cases, strings.Join(sum.Refs, ", "))
	fmt.Fprintf(e.stdout, "  %d seizures, %d new entities (%d already here), %d links, %d relations, %d timeline events, %d tasks, %d notes\n",
		sum.Seizures, sum.Entities, sum.SharedEntities, sum.Links, sum.Relations, sum.Events, sum.Tasks, sum.Notes)
	return nil
}
