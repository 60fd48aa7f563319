package cli

import (
	"fmt"

	"bollard/app"
)

// runConflicts lists the records changed on both sides of an exchange, field
// by field, or settles one.
func runConflicts(e *env, args []string) error {
	if len(args) > 0 && args[0] == "resolve" {
		return runResolve(e, args[1:])
	}
	fs := flags("conflicts")
	ref := fs.String("case", "", "only the conflicts of this case")
	asJSON := fs.Bool("json", false, "print the conflicts as JSON")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("conflicts takes no arguments (did you mean conflicts resolve ID --keep mine|theirs?)")
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	list, err := w.Conflicts(e.ctx, *ref)
	if err != nil {
		return err
	}
	if *asJSON {
		if list == nil {
			list = []app.ConflictView{}
		}
		return writeJSON(e.stdout, list)
	}
	if len(list) == 0 {
		fmt.Fprintln(e.stdout, "no conflicts")
		return nil
	}
	for _, c := range list {
		fmt.Fprintf(forTerminal(e.stdout), "%s  %s  %s (received %s)\n", c.ID, c.CaseRef, c.Label, c.ReceivedAt.Format("2006-01-02 15:04"))
		for _, f := range c.Fields {
			fmt.Fprintf(forTerminal(e.stdout), "    %-22s mine %s   theirs %s\n", f.Name, f.Mine, f.Theirs)
		}
	}
	return nil
}

func runResolve(e *env, args []string) error {
	fs := flags("conflicts resolve")
	keep := fs.String("keep", "", "mine or theirs")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 || (*keep != app.KeepMine && *keep != app.TakeTheirs) {
		return usagef("conflicts resolve needs one conflict ID and --keep mine|theirs")
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	v, err := w.ResolveConflict(e.ctx, rest[0], *keep)
	if err != nil {
		return fmt.Errorf("conflicts resolve: %w", err)
	}
	fmt.Fprintf(forTerminal(e.stdout), "settled %s: kept %s for %s\n", v.ID, *keep, v.Label)
	return nil
}
