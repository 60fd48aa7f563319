package cli

import (
	"fmt"
	"time"

	"bollard/app"
	"bollard/app/demo"
)

// runDemo fills an empty workspace with realistic synthetic cases.
func runDemo(e *env, args []string) error {
	fs := flags("demo")
	cases := fs.Int("cases", 40, "how many cases")
	seed := fs.Int64("seed", 1, "the same seed gives the same data")
	entities := fs.Int("entities", 0, "extra synthetic entities (for search benchmarks)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("demo takes no arguments (got %q)", rest[0])
	}
	if *cases < 1 || *cases > 1_000_000 {
		return usagef("--cases %d: should be between 1 and 1000000", *cases)
	}
	if *entities < 0 {
		return usagef("--entities %d: cannot be negative", *entities)
	}
	path := e.db
	if !e.dbSet {
		// Demo data goes in a file of its own, never in the officer's workspace.
		path = app.DemoPath(e.db)
	}
	// Demo data is synthetic: a new demo workspace is made plaintext (it
	// holds nobody's data, and training needs no passphrase); one already
	// encrypted is unlocked.
	w, err := e.openAt(path, app.Open, app.Unlock, app.UnlockWithKeyring)
	if err != nil {
		return err
	}
	defer w.Close()
	start := time.Now()
	stats, err := demo.Fill(e.ctx, w, demo.Options{Cases: *cases, Seed: *seed, Entities: *entities})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "filled %s with %d cases, %d seizures, %d entities, %d links, %d relations, %d timeline events, %d tasks, %d notes, %d exhibits with %d custody events in %.1fs\n",
		path, stats.Cases, stats.Seizures, stats.Entities, stats.Links, stats.Relations, stats.Events, stats.Tasks, stats.Notes, stats.Exhibits, stats.Custody,
		time.Since(start).Seconds())
	return nil
}
