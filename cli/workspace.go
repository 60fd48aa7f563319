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
func runInit(e *env, args []string) error {
	fs := flags("init")
	pf := addProfileFlags(fs)
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("init takes no arguments (got %q)", rest[0])
	}
	existed := false
	if _, err := os.Stat(e.db); err == nil {
		existed = true
	} else if !errors.Is(err, os.ErrNotExist) {
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
	w, err := app.Open(e.ctx, e.db)
	if err != nil {
		return err
	}
	defer w.Close()
	if existed {
		// An init killed between making the file and saving the profile
		// leaves a workspace with no officer: running init again finishes
		// it. One with an officer is somebody's workspace: left alone.
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
	fmt.Fprintf(e.stdout, "created workspace %s\n", e.db)
	if !pf.given() {
		fmt.Fprintln(e.stdout, "set the officer profile before recording cases: bollard profile --officer NAME --agency AGENCY --prefix PREFIX")
	}
	return nil
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
