package cli

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"bollard/app"
	"bollard/app/dossier"
	"bollard/app/typed"
	"bollard/model"
)

// runDossier writes a case's dossier PDF: the document that goes to a
// prosecutor or a partner agency.
func runDossier(e *env, args []string) error {
	fs := flags("dossier")
	out := fs.String("o", "", "the PDF file to write")
	lang := fs.String("lang", "", "language of the labels: en, es, pt or fr (default: the officer's)")
	redact := fs.Bool("redact", false, "non-nominal version: persons by pseudonyms (Person A…), names, numbers, contacts, addresses, vehicles and birth dates withheld wherever written, the title replaced")
	redactedTitle := fs.String("redacted-title", "", "with --redact: the title to print instead of the case's (default: the ref and the case's threat types and corridor); refused if it names anyone")
	marking := fs.String("marking", "", "handling marking for every page (default: the case's)")
	sections := fs.String("sections", "", "comma-separated sections to include (default: all): "+dossier.SectionNames())
	date := fs.String("date", "", "generation date YYYY-MM-DD to print instead of now, from the case's latest change to today: the same case and date give the same bytes")
	force := fs.Bool("force", false, "replace the file -o names if it exists")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("dossier needs one case ref, e.g. bollard dossier ESA-2026-0001 -o dossier.pdf")
	}
	if *out == "" {
		return usagef("dossier needs -o FILE.pdf")
	}
	// Said before the workspace is opened, as every other wrong option.
	if err := dossier.CheckTarget(*out, e.db, *force); err != nil {
		return targetError(*out, e.db, err)
	}
	if err := dossier.CheckMarking(*marking); err != nil {
		return usageError{"--marking: " + err.Error()}
	}
	if strings.TrimSpace(*redactedTitle) != "" && !*redact {
		return usagef("--redacted-title is the title of the non-nominal version: use it with --redact")
	}
	opt := dossier.Options{Redact: *redact, RedactedTitle: strings.TrimSpace(*redactedTitle), Marking: strings.TrimSpace(*marking)}
	if *lang != "" {
		opt.Language = model.Language(strings.ToLower(*lang))
		if !isOneOf(opt.Language, model.Languages) {
			return usagef("--lang %q: should be one of %s", *lang, joinChoices(model.Languages))
		}
	}
	if opt.Sections, err = dossier.ParseSections(*sections); err != nil {
		return usageError{"--sections: " + err.Error()}
	}
	if *date != "" {
		d, err := typed.Date(*date, time.Now())
		if err != nil {
			return usageError{"--date: " + err.Error()}
		}
		opt.Date = d.Time()
	}

	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	start := time.Now()
	done, err := dossier.RenderToFile(e.ctx, w, rest[0], *out, *force, opt)
	if app.IsNotFound(err) {
		return e.noCase(rest[0])
	}
	if errors.Is(err, dossier.ErrNominalTitle) {
		return usageError{"--redacted-title: " + strings.TrimPrefix(err.Error(), "dossier: ")}
	}
	if errors.Is(err, dossier.ErrDate) {
		return usageError{"--date: " + strings.TrimPrefix(err.Error(), "dossier: ")}
	}
	if err != nil {
		return targetError(*out, e.db, err)
	}
	fmt.Fprintf(e.stdout, "wrote %s: dossier of %s, %d pages, in %.1fs\n", *out, done.Case.Ref, done.Pages, time.Since(start).Seconds())
	return nil
}

// targetError says why -o cannot be written as a usage error the officer
// fixes by naming another file; other errors pass as they are.
func targetError(out, db string, err error) error {
	switch {
	case errors.Is(err, dossier.ErrWorkspace):
		return usagef("-o %s is the workspace %s or one of its own files: choose another file", out, db)
	case errors.Is(err, dossier.ErrFolder):
		return usagef("-o %s: is a folder", out)
	case errors.Is(err, dossier.ErrExists):
		return usagef("%s exists: use --force to replace it", out)
	}
	return err
}
