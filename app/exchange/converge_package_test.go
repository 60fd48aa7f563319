package exchange_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"bollard/app"
	"bollard/app/exchange"
)

// TestConvergePackages is the convergence test (converge_test.go) through
// real package files: each signed by its sender and encrypted to its
// recipient's key, written to disk and imported as an officer would. It
// runs fewer rounds than TestConverge, which merges the same content
// document without the container.
func TestConvergePackages(t *testing.T) {
	rounds := envInt(t, "BOLLARD_CONVERGE_PACKAGE_ROUNDS", 80)
	w := newWorld(t, uint64(envInt(t, "BOLLARD_CONVERGE_SEED", 14)), sendPackage)
	for w.round = 1; w.round <= rounds; w.round++ {
		w.step()
	}
	w.settle()
	w.sameEverywhere()
}

// sendPackage writes the case as a package file for the recipient; the
// recipient imports it trusting the sender (a partner met before).
func sendPackage(w *world, from, to int) (func(to *app.Workspace) (app.MergeSummary, error), error) {
	recipient, err := w.sides[to].w.AgeRecipient(ctx)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(w.t.TempDir(), fmt.Sprintf("%s-to-%s.bollard", w.name(from), w.name(to)))
	if _, err := exchange.ExportPackage(ctx, w.sides[from].w, path, exchange.Encryption{Recipients: []string{recipient}}, w.ref); err != nil {
		return nil, err
	}
	return func(to *app.Workspace) (app.MergeSummary, error) {
		sum, err := exchange.ImportPackage(ctx, to, path, exchange.ImportOptions{Trust: true})
		return sum.MergeSummary, err
	}, nil
}
