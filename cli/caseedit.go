package cli

import (
	"errors"
	"flag"
	"fmt"
	"strconv"

	"bollard/model"
)

// runCaseEdit changes a case's fields from a script. The script names the
// version it read (`case list --json` gives it): a case saved by someone
// else since then is refused with who changed it and when, as in the window,
// so that a script never silently overwrites an officer's work.
func runCaseEdit(e *env, args []string) error {
	fs := flags("case edit")
	version := fs.String("version", "", "the version read (case list --json); refused when the case changed since")
	title := fs.String("title", "", "new title")
	summary := fs.String("summary", "", "new summary")
	operation := fs.String("operation", "", "new operation name")
	status := fs.String("status", "", "new status")
	priority := fs.String("priority", "", "new priority")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("case edit needs one case ref, e.g. bollard case edit ESA-2026-0001 --version 3 --title TEXT")
	}
	read, err := strconv.ParseInt(*version, 10, 64)
	if err != nil || read < 1 {
		return usagef("case edit needs --version N, the case's version as read (bollard case list --json), so that a newer save is never overwritten")
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if len(set) == 1 {
		return usagef("case edit: nothing to change (give --title, --summary, --operation, --status or --priority)")
	}
	if set["status"] && !isOneOf(model.CaseStatus(*status), model.CaseStatuses) {
		return usagef("--status %q: should be one of %s", *status, joinChoices(model.CaseStatuses))
	}
	if set["priority"] && !isOneOf(model.Priority(*priority), model.Priorities) {
		return usagef("--priority %q: should be one of %s", *priority, joinChoices(model.Priorities))
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	c, err := e.caseByRef(w, rest[0])
	if err != nil {
		return err
	}
	current := c.Version
	c.Version = read
	if set["title"] {
		c.Title = *title
	}
	if set["summary"] {
		c.Summary = *summary
	}
	if set["operation"] {
		c.OperationName = *operation
	}
	if set["status"] {
		c.Status = model.CaseStatus(*status)
	}
	if set["priority"] {
		c.Priority = model.Priority(*priority)
	}
	saved, err := w.UpdateCase(e.ctx, c)
	if errors.Is(err, model.ErrStale) {
		return fmt.Errorf("%w (its version is now %d)", err, current)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "saved %s (version %d)\n", saved.Ref, saved.Version)
	return nil
}
