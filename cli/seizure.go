package cli

import (
	"errors"
	"flag"
	"fmt"

	"bollard/app"
	"bollard/model"
)

func runSeizure(e *env, args []string) error {
	if len(args) == 0 || args[0] != "edit" {
		return usagef("seizure needs a subcommand: edit CASE-REF SZ-NNNN")
	}
	return runSeizureEdit(e, args[1:])
}

// runSeizureEdit changes how a seizure is counted: its unit, in any of the
// four languages ("cartones", "maços"), and the make-up of its cigarette
// units where it is not the usual one. Each flag states the value wanted,
// not a change worked out from an earlier read, so the seizure is read
// and saved in one go; a save made by someone else in between is refused.
func runSeizureEdit(e *env, args []string) error {
	fs := flags("seizure edit")
	unit := fs.String("unit", "", "the unit: kg, sticks, packs, cartons, master cases… (in English, Spanish, Portuguese or French)")
	perPack := fs.String("sticks-per-pack", "", fmt.Sprintf("sticks in a pack (usually %d)", model.UsualSticksPerPack))
	perCarton := fs.String("packs-per-carton", "", fmt.Sprintf("packs in a carton (usually %d)", model.UsualPacksPerCarton))
	perCase := fs.String("cartons-per-master-case", "", fmt.Sprintf("cartons in a master case (usually %d)", model.UsualCartonsPerMasterCase))
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 2 {
		return usagef("seizure edit needs a case ref and a seizure ref, e.g. bollard seizure edit ESA-2026-0001 SZ-0002 --packs-per-carton 20")
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if len(set) == 0 {
		return usagef("seizure edit: nothing to change (give --unit, --sticks-per-pack, --packs-per-carton or --cartons-per-master-case)")
	}
	factors := []struct {
		flag, field string
		value       *string
		n           int
	}{
		{"sticks-per-pack", "sticks per pack", perPack, 0},
		{"packs-per-carton", "packs per carton", perCarton, 0},
		{"cartons-per-master-case", "cartons per master case", perCase, 0},
	}
	for i := range factors {
		f := &factors[i]
		if !set[f.flag] {
			continue
		}
		if f.n, err = model.ParseTobaccoFactor(f.field, *f.value); err != nil {
			return usagef("--%s %q: should be a whole number more than zero", f.flag, *f.value)
		}
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
	s, err := w.SeizureByRef(e.ctx, c.ID, rest[1])
	if err != nil {
		if app.IsNotFound(err) {
			return fmt.Errorf("no seizure %s in case %s", rest[1], c.Ref)
		}
		return err
	}
	if set["unit"] {
		if s.Unit, err = model.ParseUnitOf(*unit, s.Category); err != nil {
			return usagef("--unit %q: should be one of %s", *unit, joinChoices(model.Units))
		}
	}
	targets := []*int{&s.SticksPerPack, &s.PacksPerCarton, &s.CartonsPerMasterCase}
	for i, f := range factors {
		if set[f.flag] {
			*targets[i] = f.n
		}
	}
	saved, err := w.UpdateSeizure(e.ctx, s)
	if errors.Is(err, model.ErrStale) {
		return fmt.Errorf("%w: run the command again", err)
	}
	if err != nil {
		return err
	}
	out := forTerminal(e.stdout)
	fmt.Fprintf(out, "saved %s %s: %s %s\n", c.Ref, saved.Ref, formatQuantity(saved.Quantity), saved.Unit.Label())
	if inSticks := saved.SticksSummary(); inSticks != "" {
		fmt.Fprintln(out, inSticks)
	}
	return nil
}
