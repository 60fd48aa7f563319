package cli

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"bollard/app"
	"bollard/app/exchange"
	"bollard/model"
)

func runCase(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("case needs a subcommand: list or show REF")
	}
	switch args[0] {
	case "list":
		return runCaseList(e, args[1:])
	case "show":
		return runCaseShow(e, args[1:])
	case "edit":
		return runCaseEdit(e, args[1:])
	}
	return usagef("unknown case subcommand %q (list, show REF or edit REF)", args[0])
}

// caseLine is one case in `case list --json`. Its fields and their names
// are part of the command-line contract: add, never rename.
type caseLine struct {
	ID              string   `json:"id"`
	Ref             string   `json:"ref"`
	Title           string   `json:"title"`
	OperationName   string   `json:"operation_name"`
	Status          string   `json:"status"`
	Priority        string   `json:"priority"`
	Corridor        string   `json:"corridor"`
	ThreatTypes     []string `json:"threat_types"`
	HandlingMarking string   `json:"handling_marking"`
	LeadAgency      string   `json:"lead_agency"`
	LeadOfficer     string   `json:"lead_officer"`
	OpenedOn        string   `json:"opened_on"`
	ClosedOn        string   `json:"closed_on"`
	UpdatedAt       string   `json:"updated_at"`
	Version         int64    `json:"version"` // what case edit --version names
}

func newCaseLine(c model.Case) caseLine {
	threats := make([]string, len(c.ThreatTypes))
	for i, t := range c.ThreatTypes {
		threats[i] = string(t)
	}
	return caseLine{
		ID: c.ID, Ref: c.Ref, Title: c.Title, OperationName: c.OperationName, Status: string(c.Status),
		Priority: string(c.Priority), Corridor: string(c.Corridor), ThreatTypes: threats,
		HandlingMarking: c.HandlingMarking, LeadAgency: c.LeadAgency, LeadOfficer: c.LeadOfficer,
		OpenedOn: c.OpenedOn.String(), ClosedOn: c.ClosedOn.String(),
		UpdatedAt: c.UpdatedAt.UTC().Format(time.RFC3339), Version: c.Version,
	}
}

func runCaseList(e *env, args []string) error {
	fs := flags("case list")
	asJSON := fs.Bool("json", false, "print as JSON")
	status := fs.String("status", "", "only cases with this status")
	corridor := fs.String("corridor", "", "only cases of this corridor")
	threat := fs.String("threat", "", "only cases of this threat type")
	all := fs.Bool("all", false, "include archived cases")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("case list takes no arguments (got %q)", rest[0])
	}
	f := model.CaseFilter{Status: model.CaseStatus(*status), IncludeArchived: *all}
	if *status != "" && !isOneOf(f.Status, model.CaseStatuses) {
		return usagef("--status %q: should be one of %s", *status, joinChoices(model.CaseStatuses))
	}
	if *corridor != "" {
		if f.Corridor, err = model.ParseCorridor(*corridor); err != nil {
			return usageError{err.Error()}
		}
	}
	if *threat != "" {
		if f.Threat, err = model.ParseThreatType(*threat); err != nil {
			return usageError{err.Error()}
		}
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	cases, err := w.Cases(e.ctx, f)
	if err != nil {
		return err
	}
	if *asJSON {
		lines := make([]caseLine, len(cases))
		for i, c := range cases {
			lines[i] = newCaseLine(c)
		}
		return writeJSON(e.stdout, lines)
	}
	tw := tabwriter.NewWriter(forTerminal(e.stdout), 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "REF\tTITLE\tSTATUS\tCORRIDOR\tTHREATS\tLEAD OFFICER\tLAST CHANGE")
	for _, c := range cases {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.Ref, clip(c.Title, 48), c.Status, c.Corridor.Label(),
			model.ThreatLabels(c.ThreatTypes), c.LeadOfficer, c.UpdatedAt.Local().Format("2006-01-02 15:04"))
	}
	return tw.Flush()
}

func runCaseShow(e *env, args []string) error {
	fs := flags("case show")
	asJSON := fs.Bool("json", false, "print as a JSON case file (the format import reads)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("case show needs one case ref, e.g. bollard case show ESA-2026-0001")
	}
	w, err := e.open()
	if err != nil {
		return err
	}
	defer w.Close()
	f, err := w.CaseFile(e.ctx, rest[0])
	if err != nil {
		if app.IsNotFound(err) {
			return e.noCase(rest[0])
		}
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, exchange.NewDocument(f))
	}
	printCaseFile(e, f)
	return nil
}

// printCaseFile prints a case for a person reading a terminal.
func printCaseFile(e *env, f app.CaseFile) {
	c := f.Case
	out := forTerminal(e.stdout)
	fmt.Fprintf(out, "%s  [%s]\n%s\n", c.Ref, c.HandlingMarking, c.Title)
	if c.OperationName != "" {
		fmt.Fprintf(out, "Operation %s\n", c.OperationName)
	}
	fmt.Fprintf(out, "\nstatus %s · priority %s · corridor %s\n", c.Status, c.Priority, c.Corridor.Label())
	fmt.Fprintf(out, "threats: %s\n", model.ThreatLabels(c.ThreatTypes))
	fmt.Fprintf(out, "lead: %s, %s", c.LeadOfficer, c.LeadAgency)
	if len(c.PartnerAgencies) > 0 {
		fmt.Fprintf(out, " · partners: %s", strings.Join(c.PartnerAgencies, ", "))
	}
	fmt.Fprintf(out, "\nopened %s", c.OpenedOn)
	if !c.ClosedOn.IsZero() {
		fmt.Fprintf(out, " · closed %s", c.ClosedOn)
	}
	fmt.Fprintln(out)
	if c.Summary != "" {
		fmt.Fprintf(out, "\n%s\n", c.Summary)
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	if len(f.Seizures) > 0 {
		fmt.Fprintf(tw, "\nSEIZURES (%d)\n", len(f.Seizures))
		for _, s := range f.Seizures {
			quantity := formatQuantity(s.Quantity) + " " + s.Unit.Label()
			if inSticks := s.SticksSummary(); inSticks != "" {
				quantity = inSticks
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", s.Ref, model.DayOfWhen(s.SeizedAt), s.PlaceName,
				clip(s.Description, 40), quantity, strings.Join(s.ContainerNumbers, " "))
		}
		if sticks, ok := model.SticksInAll(f.Seizures); ok {
			fmt.Fprintf(tw, "cigarettes in all: %s sticks\n", model.FormatCount(sticks))
		}
	}
	if len(f.Entities) > 0 {
		fmt.Fprintf(tw, "\nENTITIES (%d)\n", len(f.Entities))
		for _, ce := range f.Entities {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", ce.Link.Role.Label(), ce.Entity.Kind.Label(), ce.Entity.Name, ce.Entity.Country)
		}
	}
	if len(f.Timeline) > 0 {
		fmt.Fprintf(tw, "\nTIMELINE (%d)\n", len(f.Timeline))
		for _, ev := range f.Timeline {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", model.FormatLocalWhen(ev.At), ev.Title, ev.Place)
		}
	}
	if len(f.Tasks) > 0 {
		fmt.Fprintf(tw, "\nTASKS AND REQUESTS (%d)\n", len(f.Tasks))
		today := model.DateOf(time.Now())
		for _, t := range f.Tasks {
			due := t.DueOn.String()
			if t.Overdue(today) {
				due += " OVERDUE"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.Kind.Label(), t.Status, clip(t.Title, 50), t.Partner, due)
		}
	}
	tw.Flush()
	if len(f.Notes) > 0 {
		fmt.Fprintf(out, "\nNOTES (%d)\n", len(f.Notes))
		for _, n := range f.Notes {
			fmt.Fprintf(out, "%s, %s: %s\n", n.CreatedAt.Local().Format("2006-01-02"), n.CreatedBy, n.Body)
		}
	}
}

func formatQuantity(q float64) string { return strconv.FormatFloat(q, 'f', -1, 64) }

// clip shortens text for a table column.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func isOneOf[T comparable](v T, all []T) bool {
	for _, c := range all {
		if c == v {
			return true
		}
	}
	return false
}

func joinChoices[T ~string](all []T) string {
	s := make([]string, len(all))
	for i, c := range all {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}
