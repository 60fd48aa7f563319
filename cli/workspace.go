package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"bollard/app"
	"bollard/model"
	"bollard/storage/lockbox"
)

// profileFlags are the officer profile's flags, shared by init and profile.
type profileFlags struct {
	name, agency, country, prefix, marking, lang *string
}

func addProfileFlags(fs *flag.FlagSet) profileFlags {
	return profileFlags{
		name:    fs.String("officer", "", "officer name"),
		agency:  fs.String("agency", "", "officer's agency"),
		country: fs.String("country", "", "officer's country (ISO 3166 code)"),
		prefix:  fs.String("prefix", "", "case-ref prefix, e.g. ESA"),
		marking: fs.String("marking", "", "default handling marking"),
		lang:    fs.String("lang", "", "language: en, es, pt or fr"),
	}
}

// given reports whether any profile flag was set.
func (p profileFlags) given() bool {
	for _, s := range []*string{p.name, p.agency, p.country, p.prefix, p.marking, p.lang} {
		if *s != "" {
			return true
		}
	}
	return false
}

// apply overlays the flags that were set on o.
func (p profileFlags) apply(o model.Officer) model.Officer {
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&o.Name, *p.name)
	set(&o.Agency, *p.agency)
	set(&o.Country, *p.country)
	set(&o.RefPrefix, *p.prefix)
	set(&o.DefaultMarking, *p.marking)
	if *p.lang != "" {
		o.Language = model.Language(*p.lang)
	}
	return o
}

// runInit creates an empty workspace, with the officer profile when given.
// It is encrypted unless --plain says otherwise: a lost laptop must yield
// nothing readable, so the safe choice is the one made without thinking.
func runInit(e *env, args []string) error {
	fs := flags("init")
	pf := addProfileFlags(fs)
	plain := fs.Bool("plain", false, "make a workspace that is NOT encrypted (training and test data only)")
	noRecovery := fs.Bool("no-recovery-key", false, "make no recovery key: a lost passphrase then loses the workspace")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("init takes no arguments (got %q)", rest[0])
	}
	if *plain && *noRecovery {
		return usagef("init --plain makes no passphrase, so no recovery key either; leave out --no-recovery-key")
	}
	existed := false
	if _, err := os.Stat(e.db); err == nil {
		existed = true
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	encrypted, err := app.IsEncrypted(e.db)
	if err != nil {
		return err
	}
	var officer model.Officer
	if pf.given() {
		// Check the profile before the file exists, so that a mistake
		// leaves no half-made workspace behind.
		officer = pf.apply(model.Officer{})
		if err := officer.Validate(); err != nil {
			return err
		}
	}
	var (
		w        *app.Workspace
		recovery string
	)
	switch {
	case existed || encrypted:
		// An init killed between making the file (or the lockbox) and
		// saving the profile is finished by running init again, which
		// opens what is there as it is.
		w, err = e.openAt(e.db, app.Open, app.Unlock, app.UnlockWithKeyring)
	case *plain:
		w, err = app.Open(e.ctx, e.db)
	default:
		w, recovery, err = e.create(!*noRecovery)
	}
	if err != nil {
		return err
	}
	defer w.Close()
	if existed {
		// One with an officer is somebody's workspace: left alone.
		o, err := w.Officer(e.ctx)
		if err != nil {
			return err
		}
		if o.IsSet() || !pf.given() {
			return fmt.Errorf("a workspace already exists at %s; nothing was changed", e.db)
		}
	}
	if pf.given() {
		if _, err := w.SetOfficer(e.ctx, officer); err != nil {
			return err
		}
	}
	if *plain && !existed {
		// Made in the clear on purpose: the trail says so, and by whom.
		if err := w.RecordPlainWorkspace(e.ctx); err != nil {
			return err
		}
	}
	switch {
	case w.Encrypted():
		fmt.Fprintf(e.stdout, "created encrypted workspace %s (its key is sealed in %s)\n", e.db, lockbox.Path(e.db))
	default:
		fmt.Fprintf(e.stdout, "created workspace %s\n", e.db)
		fmt.Fprintf(e.stderr, "bollard: WARNING: %s is NOT ENCRYPTED: whoever holds the file reads everything in it; keep only training or test data in it (bollard encrypt encrypts it)\n", e.db)
	}
	if recovery != "" {
		fmt.Fprintf(e.stdout, "\nrecovery key (shown this once; print it and keep it in the office safe):\n\n    %s\n\n", recovery)
		fmt.Fprintln(e.stdout, "Without the passphrase or this recovery key the workspace cannot be opened by anyone: its data is gone.")
	} else if w.Encrypted() && !existed && !encrypted {
		fmt.Fprintln(e.stdout, "no recovery key was made: without the passphrase the workspace cannot be opened by anyone (bollard recovery-key makes one)")
	}
	if !pf.given() {
		fmt.Fprintln(e.stdout, "set the officer profile before recording cases: bollard profile --officer NAME --agency AGENCY --prefix PREFIX")
	}
	return nil
}

// create makes a new encrypted workspace at e.db, asking its passphrase.
func (e *env) create(recovery bool) (*app.Workspace, string, error) {
	p, err := e.newSecret(envPassphraseFile, "passphrase for the new workspace")
	if err != nil {
		return nil, "", err
	}
	defer lockbox.Forget(p)
	return app.Create(e.ctx, e.db, p, recovery)
}

// runProfile shows the officer profile, or changes the fields given.
func runProfile(e *env, args []string) error {
	fs := flags("profile")
	pf := addProfileFlags(fs)
	asJSON := fs.Bool("json", false, "print as JSON")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	o, err := w.Officer(e.ctx)
	if err != nil {
		return err
	}
	if pf.given() {
		if o, err = w.SetOfficer(e.ctx, pf.apply(o)); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(e.stdout, o)
	}
	if !o.IsSet() {
		fmt.Fprintln(e.stdout, "no officer profile yet: bollard profile --officer NAME --agency AGENCY --prefix PREFIX")
		return nil
	}
	fmt.Fprintf(e.stdout, "officer:   %s\nagency:    %s\ncountry:   %s\nprefix:    %s\nmarking:   %s\nlanguage:  %s\n",
		o.Name, o.Agency, o.Country, o.RefPrefix, o.DefaultMarking, o.Language)
	return nil
}

// runVersion prints the version.
func runVersion(e *env, args []string) error {
	if len(args) > 0 {
		return usagef("version takes no arguments")
	}
	fmt.Fprintf(e.stdout, "bollard %s (workspace schema %d)\n", app.Version, app.SchemaVersion())
	return nil
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
