package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// CaseStatus is where a case stands.
type CaseStatus string

// The case statuses. Archived is what "delete" does: the case leaves the
// working lists but nothing in it is destroyed.
const (
	StatusOpen      CaseStatus = "open"
	StatusActive    CaseStatus = "active"
	StatusSuspended CaseStatus = "suspended"
	StatusClosed    CaseStatus = "closed"
	StatusArchived  CaseStatus = "archived"
)

// CaseStatuses lists every status in the order a case usually moves through them.
var CaseStatuses = []CaseStatus{StatusOpen, StatusActive, StatusSuspended, StatusClosed, StatusArchived}

// Label is the status as the officer reads it.
func (s CaseStatus) Label() string { return labelOf(nil, s) }

// Priority is how urgently a case is worked.
type Priority string

// The priorities.
const (
	PriorityLow    Priority = "low"
	PriorityNormal Priority = "normal"
	PriorityHigh   Priority = "high"
	PriorityUrgent Priority = "urgent"
)

// Priorities lists every priority, lowest first.
var Priorities = []Priority{PriorityLow, PriorityNormal, PriorityHigh, PriorityUrgent}

// Label is the priority as the officer reads it.
func (p Priority) Label() string { return labelOf(nil, p) }

// Corridor is the trade route, and so the task-force partnership, a case belongs to.
type Corridor string

// The corridors.
const (
	CorridorEUUK    Corridor = "eu_uk"
	CorridorEUNA    Corridor = "eu_north_america"
	CorridorEULAC   Corridor = "eu_lac"
	CorridorIntraEU Corridor = "intra_eu"
	CorridorOther   Corridor = "other"
)

// Corridors lists every corridor.
var Corridors = []Corridor{CorridorEUUK, CorridorEUNA, CorridorEULAC, CorridorIntraEU, CorridorOther}

var corridorLabels = map[Corridor]string{
	CorridorEUUK:    "EU–UK",
	CorridorEUNA:    "EU–North America",
	CorridorEULAC:   "EU–Latin America & Caribbean",
	CorridorIntraEU: "intra-EU",
	CorridorOther:   "other",
}

// Label is the corridor as the officer reads it.
func (c Corridor) Label() string { return labelOf(corridorLabels, c) }

// ParseCorridor accepts a corridor's code or its label ("EU-UK", "eu_uk").
func ParseCorridor(s string) (Corridor, error) {
	return parseChoice("corridor", s, Corridors, corridorLabels)
}

// ThreatType is a kind of customs crime a case is about.
type ThreatType string

// The threat types.
const (
	ThreatCocaine              ThreatType = "cocaine"
	ThreatSyntheticDrugs       ThreatType = "synthetic_drugs"
	ThreatPrecursors           ThreatType = "precursors"
	ThreatTobacco              ThreatType = "tobacco"
	ThreatCounterfeitMedicines ThreatType = "counterfeit_medicines"
	ThreatIPGoods              ThreatType = "ip_infringing_goods"
	ThreatLuxuryGoods          ThreatType = "luxury_goods"
	ThreatVATFraud             ThreatType = "vat_fraud"
	ThreatIllicitWaste         ThreatType = "illicit_waste"
	ThreatSanctionsEvasion     ThreatType = "sanctions_evasion"
	ThreatTBML                 ThreatType = "tbml"
	ThreatCash                 ThreatType = "cash"
	ThreatWeapons              ThreatType = "weapons"
	ThreatOther                ThreatType = "other"
)

// ThreatTypes lists every threat type.
var ThreatTypes = []ThreatType{
	ThreatCocaine, ThreatSyntheticDrugs, ThreatPrecursors, ThreatTobacco,
	ThreatCounterfeitMedicines, ThreatIPGoods, ThreatLuxuryGoods, ThreatVATFraud,
	ThreatIllicitWaste, ThreatSanctionsEvasion, ThreatTBML, ThreatCash, ThreatWeapons, ThreatOther,
}

var threatLabels = map[ThreatType]string{
	ThreatSyntheticDrugs:       "synthetic drugs / fentanyl",
	ThreatIPGoods:              "IP-infringing goods",
	ThreatVATFraud:             "VAT / missing-trader fraud",
	ThreatTBML:                 "trade-based money laundering",
	ThreatCounterfeitMedicines: "counterfeit medicines",
}

// Label is the threat type as the officer reads it.
func (t ThreatType) Label() string { return labelOf(threatLabels, t) }

// ThreatLabels is a case's threat types as the officer reads them, in one line.
func ThreatLabels(ts []ThreatType) string {
	labels := make([]string, len(ts))
	for i, t := range ts {
		labels[i] = t.Label()
	}
	return strings.Join(labels, ", ")
}

// ParseThreatType accepts a threat type's code or label.
func ParseThreatType(s string) (ThreatType, error) {
	return parseChoice("threat type", s, ThreatTypes, threatLabels)
}

// HandlingMarkings are the markings officers most often put on a case; any
// other marking their agency uses may be typed in.
var HandlingMarkings = []string{
	"LIMITE", "OFFICIAL-SENSITIVE", "LAW ENFORCEMENT SENSITIVE",
	"RESTREINT UE/EU RESTRICTED", "RESERVADO", "CONFIDENCIAL", "DIFFUSION RESTREINTE",
}

// Case is an investigation: the file everything else hangs from.
type Case struct {
	Record
	Ref             string       `json:"ref"`
	Title           string       `json:"title"`
	OperationName   string       `json:"operation_name"`
	Status          CaseStatus   `json:"status"`
	Priority        Priority     `json:"priority"`
	Corridor        Corridor     `json:"corridor"`
	ThreatTypes     []ThreatType `json:"threat_types"`
	HandlingMarking string       `json:"handling_marking"`
	LeadAgency      string       `json:"lead_agency"`
	PartnerAgencies []string     `json:"partner_agencies"`
	LeadOfficer     string       `json:"lead_officer"`
	Summary         string       `json:"summary"`
	OpenedOn        Date         `json:"opened_on"`
	ClosedOn        Date         `json:"closed_on"`
}

// Validate checks every field of the case and tidies what can be tidied
// (spaces, duplicate partner agencies). now is the present, for dates.
func (c *Case) Validate(now time.Time) error {
	p := problems{record: "case"}
	p.tidyRef(&c.Ref)
	c.Title = strings.TrimSpace(c.Title)
	p.require("title", c.Title)
	p.add("title", checkLength("title", c.Title, 300))
	p.add("operation name", checkLength("operation name", c.OperationName, 120))
	p.add("status", checkChoice("status", c.Status, CaseStatuses))
	p.add("priority", checkChoice("priority", c.Priority, Priorities))
	p.add("corridor", checkChoice("corridor", c.Corridor, Corridors))
	if len(c.ThreatTypes) == 0 {
		p.add("threat types", Invalid("threat types", "", "at least one is required"))
	}
	c.ThreatTypes = unique(c.ThreatTypes) // a threat ticked twice is one threat
	for _, t := range c.ThreatTypes {
		p.add("threat types", checkChoice("threat type", t, ThreatTypes))
	}
	c.HandlingMarking = strings.TrimSpace(c.HandlingMarking)
	p.require("handling marking", c.HandlingMarking)
	p.add("handling marking", checkLength("handling marking", c.HandlingMarking, 60))
	c.PartnerAgencies = tidyList(c.PartnerAgencies)
	p.require("opened on", c.OpenedOn.String())
	p.add("opened on", checkNotFuture("opened on", c.OpenedOn, now))
	if !c.ClosedOn.IsZero() && !c.OpenedOn.IsZero() && c.ClosedOn.Before(c.OpenedOn) {
		p.add("closed on", Invalid("closed on", c.ClosedOn.String(), "cannot be before the case was opened (%s)", c.OpenedOn))
	}
	p.add("closed on", checkNotFuture("closed on", c.ClosedOn, now))
	return p.err()
}

// FormatCaseRef writes a case ref: ESA-2026-0042.
func FormatCaseRef(prefix string, year, seq int) string {
	return fmt.Sprintf("%s-%04d-%04d", prefix, year, seq)
}

// ParseCaseRef splits a ref made by FormatCaseRef. ok is false for a ref
// of another shape (one imported from another system keeps its own shape).
func ParseCaseRef(ref string) (prefix string, year, seq int, ok bool) {
	parts := strings.Split(ref, "-")
	if len(parts) != 3 {
		return "", 0, 0, false
	}
	y, err1 := strconv.Atoi(parts[1])
	n, err2 := strconv.Atoi(parts[2])
	// Only a ref written exactly as FormatCaseRef writes it counts: ESA-2026-001
	// is some other system's ref, not number 1.
	if err1 != nil || err2 != nil || n < 1 || checkRefPrefix(parts[0]) != nil || FormatCaseRef(parts[0], y, n) != ref {
		return "", 0, 0, false
	}
	return parts[0], y, n, true
}

// tidyRef tidies and checks a record's optional ref. A valid ref then names
// the record in the errors ("seizure SZ-0004: ..."); an invalid one never
// does, so that an error stays on one line whatever was typed.
func (p *problems) tidyRef(ref *string) {
	*ref = strings.ToUpper(strings.TrimSpace(*ref))
	if *ref == "" {
		return
	}
	if err := checkRef(*ref); err != nil {
		p.add("ref", err)
		return
	}
	p.record += " " + *ref
}

// checkRef allows a case or seizure ref made of capital letters, digits,
// dashes, dots, slashes and underscores, so that a partner's own refs
// survive an import, and nothing that would break a line or a file name.
func checkRef(ref string) error {
	if len(ref) > 40 {
		return Invalid("ref", shorten(ref), "should be at most 40 characters")
	}
	for _, r := range ref {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-./_", r)) {
			return Invalid("ref", shorten(ref), "may hold only letters, digits and - . / _")
		}
	}
	return nil
}

// checkLength refuses text longer than max characters.
func checkLength(field, s string, max int) error {
	if n := utf8.RuneCountInString(s); n > max {
		return Invalid(field, shorten(s), "should be at most %d characters (it has %d)", max, n)
	}
	return nil
}

// shorten keeps an error message to one line however long the value.
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return string([]rune(s)[:37]) + "..."
}

// unique drops repeated values, keeping the first of each in order.
func unique[T comparable](in []T) []T {
	out := in[:0:0]
	seen := map[T]bool{}
	for _, v := range in {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// tidyList trims each entry and drops blanks and repeats, keeping order.
func tidyList(in []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}
