package cli

import (
	"fmt"
)

// runFiles runs `files prune`: the one way attachment files are removed.
func runFiles(e *env, args []string) error {
	if len(args) == 0 || args[0] != "prune" {
		return usagef("files needs a subcommand: files prune [--dry-run] [--json]")
	}
	fs := flags("files prune")
	dryRun := fs.Bool("dry-run", false, "only list what would be removed")
	asJSON := fs.Bool("json", false, "print as JSON")
	rest, err := parse(fs, args[1:])
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("files prune takes no arguments (got %q)", rest[0])
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	r, err := w.PruneFiles(e.ctx, *dryRun)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, r)
	}
	verb := "removed"
	if r.DryRun {
		verb = "would remove"
	}
	fmt.Fprintf(e.stdout, "%s %s (%s) that no exhibit has and the audit trail never names, from %s\n",
		verb, plural(len(r.Removed), "file"), byteSize(r.Bytes), w.BlobDir())
	for _, f := range r.Removed {
		fmt.Fprintf(e.stdout, "  %s  %s\n", f.SHA256, byteSize(f.Size))
	}
	if len(r.Kept) > 0 {
		fmt.Fprintf(e.stdout, "kept %s that no exhibit has, because the audit trail names them:\n", plural(len(r.Kept), "file"))
		for _, f := range r.Kept {
			fmt.Fprintf(e.stdout, "  %s  %s\n", f.SHA256, byteSize(f.Size))
		}
	}
	switch {
	case r.DryRun:
		fmt.Fprintln(e.stdout, "nothing was changed (dry run); run without --dry-run to remove them")
	case len(r.Removed) > 0:
		fmt.Fprintf(e.stdout, "each removal is in the audit trail (prune %s)\n", r.Prune)
	}
	return nil
}

// plural writes a count with its noun: "1 file", "3 files".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// byteSize writes a size the way a file manager does: 512 B, 1.4 MB.
func byteSize(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "kMGTPE"[exp])
}
