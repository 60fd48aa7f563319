package cli

import (
	"fmt"
	"strings"
	"time"

	"bollard/app"
	"bollard/app/typed"
	"bollard/model"
)

func runEvidence(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("evidence needs a subcommand: add CASE-REF, show EXHIBIT-REF or review EXHIBIT-REF FILE")
	}
	switch args[0] {
	case "add":
		return runEvidenceAdd(e, args[1:])
	case "show":
		return runEvidenceShow(e, args[1:])
	case "review":
		return runEvidenceReview(e, args[1:])
	}
	return usagef("unknown evidence subcommand %q (add CASE-REF, show EXHIBIT-REF or review EXHIBIT-REF FILE)", args[0])
}

// fileList is a flag given once per file.
type fileList []string

func (f *fileList) String() string     { return strings.Join(*f, ", ") }
func (f *fileList) Set(v string) error { *f = append(*f, v); return nil }

func runEvidenceAdd(e *env, args []string) error {
	fs := flags("evidence add")
	var item model.EvidenceItem
	var files fileList
	fs.StringVar(&item.Description, "description", "", "what the exhibit is (required)")
	kind := fs.String("kind", string(model.EvidencePhysical), "physical, document, photo, digital, sample or statement")
	seizure := fs.String("seizure", "", "the seizure it came from (SZ-NNNN)")
	fs.StringVar(&item.StorageLocation, "location", "", "where it is stored")
	fs.StringVar(&item.SealNumber, "seal", "", "the seal number")
	acquired := fs.String("acquired-at", "", "when it was acquired (YYYY-MM-DD HH:MM, UTC)")
	fs.StringVar(&item.AcquiredPlace, "acquired-place", "", "where it was acquired")
	fs.StringVar(&item.AcquiredBy, "acquired-by", "", "who acquired it")
	fs.Var(&files, "file", "a file to attach (repeat for more)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("evidence add needs one case ref, e.g. evidence add ESA-2026-0001 --description TEXT")
	}
	if item.Description == "" {
		return usagef("evidence add needs --description TEXT: what the exhibit is")
	}
	if item.Kind, err = model.ParseEvidenceKind(*kind); err != nil {
		return usagef("--kind: %v", err)
	}
	if item.AcquiredAt, err = parseWhen("--acquired-at", *acquired); err != nil {
		return err
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	c, err := w.Case(e.ctx, rest[0])
	if err != nil {
		return err
	}
	item.CaseID = c.ID
	if *seizure != "" {
		s, err := w.SeizureByRef(e.ctx, c.ID, *seizure)
		if err != nil {
			return err
		}
		item.SeizureID = s.ID
	}
	item, err = w.AddEvidence(e.ctx, item, files...)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, item.ExhibitRef)
	return nil
}

// parseWhen reads a time typed on the command line, by the rules officers
// type times everywhere (typed.DateTime), in UTC unless it names its
// zone; "" is no time.
func parseWhen(flag, s string) (time.Time, error) {
	t, err := typed.DateTime(s, time.UTC, time.Now())
	if err != nil {
		return time.Time{}, usagef("%s %q: should be a time such as 2026-11-27 14:30 (UTC) or 2026-11-27T14:30:00+01:00", flag, strings.TrimSpace(s))
	}
	if t.IsZero() {
		return time.Time{}, nil
	}
	return t.UTC(), nil
}

func runEvidenceShow(e *env, args []string) error {
	fs := flags("evidence show")
	asJSON := fs.Bool("json", false, "print as JSON")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("evidence show needs one exhibit ref, e.g. evidence show ESA-2026-0001/EX-001")
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	x, err := w.Exhibit(e.ctx, rest[0])
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, x)
	}
	printExhibit(e, x)
	return nil
}

func printExhibit(e *env, x app.Exhibit) {
	out, it := e.stdout, x.Item
	fmt.Fprintf(out, "%s  %s (%s)\n", it.ExhibitRef, it.Description, it.Kind.Label())
	for _, line := range [][2]string{
		{"Seizure", x.SeizureRef}, {"Stored at", it.StorageLocation}, {"Seal", it.SealNumber}, {"Acquired at", when(it.AcquiredAt)},
		{"Acquired in", it.AcquiredPlace}, {"Acquired by", it.AcquiredBy},
	} {
		if line[1] != "" {
			fmt.Fprintf(out, "  %-12s %s\n", line[0]+":", line[1])
		}
	}
	if len(it.Attachments) > 0 {
		fmt.Fprintln(out, "Files:")
		for _, a := range it.Attachments {
			fmt.Fprintf(out, "  %s  %s  %d bytes  %s  added %s by %s\n", a.SHA256, a.Name, a.Size, a.MediaType, when(a.AddedAt), a.AddedBy)
			fmt.Fprintf(out, "    %s\n", reviewText(x.Reviews, a.ID))
		}
	}
	if len(x.Custody) > 0 {
		fmt.Fprintln(out, "Chain of custody:")
		for _, ev := range x.Custody {
			fmt.Fprintf(out, "  %s  %s\n", when(ev.At), custodyText(ev))
		}
	}
}

// custodyText writes a custody event in a line, with the ID a correction names.
func custodyText(ev model.CustodyEvent) string {
	s := ev.Describe()
	if ev.Corrects != "" {
		s += " (corrects event " + ev.Corrects + ")"
	}
	return s + "  [" + ev.ID + "]"
}

func when(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

func runCustody(e *env, args []string) error {
	if len(args) == 0 || args[0] != "add" {
		return usagef("custody needs a subcommand: add EXHIBIT-REF --action A")
	}
	fs := flags("custody add")
	var ev model.CustodyEvent
	action := fs.String("action", "", "seized, sealed, transferred, received, sent to lab, analysed, returned or destroyed (required)")
	fs.StringVar(&ev.To.Name, "to", "", "who holds the exhibit after the event")
	fs.StringVar(&ev.To.Agency, "agency", "", "the agency of --to")
	fs.StringVar(&ev.From.Name, "from", "", "who held it before (default: whoever held it after the last event)")
	fs.StringVar(&ev.From.Agency, "from-agency", "", "the agency of --from")
	fs.StringVar(&ev.Place, "place", "", "where it happened")
	fs.StringVar(&ev.SealNumber, "seal", "", "the seal number")
	intact := fs.String("seal-intact", "", "yes or no: whether the seal was found intact")
	fs.StringVar(&ev.Note, "note", "", "a note")
	at := fs.String("at", "", "when it happened (YYYY-MM-DD HH:MM, UTC; default now)")
	fs.StringVar(&ev.Corrects, "corrects", "", "the ID of the earlier event this one corrects")
	rest, err := parse(fs, args[1:])
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("custody add needs one exhibit ref, e.g. custody add ESA-2026-0001/EX-001 --action received")
	}
	if *action == "" {
		return usagef("custody add needs --action (%s)", joinChoices(model.CustodyActions))
	}
	if ev.Action, err = model.ParseCustodyAction(*action); err != nil {
		return usagef("--action: %v", err)
	}
	switch strings.ToLower(*intact) {
	case "":
	case "yes", "y", "true":
		ev.SealIntact = new(true)
	case "no", "n", "false", "broken":
		ev.SealIntact = new(false)
	default:
		return usagef("--seal-intact %q: should be yes or no", *intact)
	}
	if ev.At, err = parseWhen("--at", *at); err != nil {
		return err
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	x, err := w.Exhibit(e.ctx, rest[0])
	if err != nil {
		return err
	}
	ev.ItemID = x.Item.ID
	if ev, err = w.AddCustodyEvent(e.ctx, ev); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s  %s  %s\n", x.Item.ExhibitRef, when(ev.At), custodyText(ev))
	return nil
}

// reviewText says what an officer found a file to show, and whether a
// non-nominal dossier may print it.
func reviewText(reviews map[string]model.AttachmentReview, attachmentID string) string {
	r, ok := reviews[attachmentID]
	switch {
	case !ok:
		return "not reviewed: withheld from non-nominal dossiers"
	case r.Shows == model.ShowsNothingPersonal:
		return fmt.Sprintf("shows nothing personal (reviewed %s by %s)", when(r.UpdatedAt), r.UpdatedBy)
	case r.Shareable:
		return fmt.Sprintf("shows %s, shareable in non-nominal dossiers (reviewed %s by %s)", r.Shows.Label(), when(r.UpdatedAt), r.UpdatedBy)
	}
	return fmt.Sprintf("shows %s: withheld from non-nominal dossiers (reviewed %s by %s)", r.Shows.Label(), when(r.UpdatedAt), r.UpdatedBy)
}

// runEvidenceReview records what an attached file shows, and whether it
// may go into a non-nominal dossier all the same.
func runEvidenceReview(e *env, args []string) error {
	fs := flags("evidence review")
	shows := fs.String("shows", "", "what the file shows: nothing_personal, persons or identity_document (required)")
	shareable := fs.Bool("shareable", false, "clear a file showing persons or an identity document for non-nominal dossiers all the same")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 2 {
		return usagef("evidence review needs an exhibit ref and one of its files (its name, or its SHA-256 or the first characters of it), " +
			"e.g. evidence review ESA-2026-0001/EX-001 IMG_2041.jpg --shows persons")
	}
	if *shows == "" {
		return usagef("evidence review needs --shows nothing_personal, persons or identity_document: what the file shows")
	}
	r := model.AttachmentReview{Shareable: *shareable}
	if r.Shows, err = model.ParseFileShows(*shows); err != nil {
		return usagef("--shows: %v", err)
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	x, err := w.Exhibit(e.ctx, rest[0])
	if err != nil {
		return err
	}
	a, err := x.File(rest[1])
	if err != nil {
		return err
	}
	r.CaseID, r.ItemID, r.AttachmentID = x.Item.CaseID, x.Item.ID, a.ID
	if r, err = w.ReviewAttachment(e.ctx, r); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s  %s\n  %s\n", x.Item.ExhibitRef, a.Name, reviewText(map[string]model.AttachmentReview{a.ID: r}, a.ID))
	return nil
}
