package search

import (
	"strings"
	"unicode/utf8"

	"bollard/model"
)

// Doc is one searchable thing. Fields are the texts it can be found by
// (name, aliases, identifiers...), in their original form; a Hit says which
// field matched and where, so the result list can show it highlighted.
type Doc struct {
	ID      string   // the record's UUID (unique key in the index)
	Kind    Kind     // what sort of record it is
	Title   string   // what a result shows first: "MSC AURORA", "ESA-2026-0001 Cocaine in reefers…"
	Context string   // what makes it recognisable: "vessel · PA · IMO 9074729", "seizure SZ-0001 in ESA-2026-0001"
	CaseRef string   // the case it belongs to, "" for entities
	Fields  []string // searchable texts, original (unfolded) form
}

// contextSep separates the parts of a Doc's context line.
const contextSep = " · "

// CaseDoc is how a case is found: by its ref, title, operation name or summary.
func CaseDoc(c model.Case) Doc {
	return Doc{
		ID:      c.ID,
		Kind:    KindCase,
		Title:   join(" ", c.Ref, c.Title),
		Context: join(contextSep, "case", c.Status.Label(), c.OperationName, c.Corridor.Label(), c.LeadAgency),
		CaseRef: c.Ref,
		Fields:  fields(c.Ref, c.Title, c.OperationName, c.Summary),
	}
}

// SeizureDoc is how a seizure of case caseRef is found: by its ref, place,
// commodity, concealment, container and seal numbers and transport document.
func SeizureDoc(s model.Seizure, caseRef string) Doc {
	place := s.PlaceName
	if s.LOCODE != "" {
		place += " (" + s.LOCODE + ")"
	}
	var when string
	if !s.SeizedAt.IsZero() {
		when = s.SeizedAt.Format("2006-01-02")
	}
	f := fields(join(" ", caseRef, s.Ref), s.Description, s.PlaceName, s.LOCODE, s.Concealment, s.TransportDocument)
	f = append(f, fields(s.ContainerNumbers...)...)
	f = append(f, fields(s.SealNumbers...)...)
	return Doc{
		ID:      s.ID,
		Kind:    KindSeizure,
		Title:   join(" ", s.Ref, s.Description),
		Context: join(contextSep, join(" ", "seizure", s.Ref, "in", caseRef), place, when),
		CaseRef: caseRef,
		Fields:  f,
	}
}

// EntityDoc is how a person, company, vessel, container... is found: by its
// name, its aliases and every identifier it has (IMO, MMSI, call sign,
// container number, plate, VIN, IBAN, phone, e-mail, registration, VAT, EORI,
// LEI, document number, wallet). IMO and MMSI numbers are indexed with their
// label, as they are printed and typed ("IMO 9074729"); IBANs in groups of
// four as printed. Either form is found without spaces too.
func EntityDoc(e model.Entity) Doc {
	id := e.Identifiers
	f := fields(e.Name)
	f = append(f, fields(e.Aliases...)...)
	var iban string
	if id.IBAN != "" {
		iban = model.FormatIBAN(id.IBAN)
	}
	for _, s := range []string{
		id.DocumentNumber, id.RegistrationNumber, id.VATNumber, id.EORI, id.LEI,
		labelled("IMO", id.IMO), labelled("MMSI", id.MMSI), id.CallSign,
		id.ContainerNumber, id.Plate, id.VIN, id.Phone, id.Email, iban, id.WalletAddress,
	} {
		if s != "" && s != e.Name {
			f = append(f, s)
		}
	}
	country := e.Country
	if country == "" {
		country = firstOf(id.Nationality, id.Flag)
	}
	return Doc{
		ID:      e.ID,
		Kind:    KindEntity,
		Title:   e.Name,
		Context: join(contextSep, e.Kind.Label(), country, keyIdentifier(e)),
		Fields:  f,
	}
}

// keyIdentifier is the identifier that tells an entity from its namesakes,
// for its context line.
func keyIdentifier(e model.Entity) string {
	id := e.Identifiers
	switch e.Kind {
	case model.KindVessel:
		return firstOf(labelled("IMO", id.IMO), labelled("MMSI", id.MMSI), id.CallSign)
	case model.KindPerson:
		if !id.BirthDate.IsZero() {
			return "born " + id.BirthDate.String()
		}
		return id.DocumentNumber
	case model.KindOrganisation:
		return firstOf(id.VATNumber, id.EORI, id.RegistrationNumber, id.LEI)
	case model.KindVehicle:
		return firstOf(id.Plate, id.VIN)
	case model.KindBankAccount:
		if id.IBAN != "" && id.IBAN != e.Name {
			return model.FormatIBAN(id.IBAN)
		}
	}
	return ""
}

// TaskDoc is how a task or assistance request of case caseRef is found: by
// its title, description, partner agency, assignee and legal basis.
func TaskDoc(t model.Task, caseRef string) Doc {
	what := "task"
	if t.Kind == model.TaskAssistanceRequest {
		what = join(" ", "assistance request to", t.Partner)
	}
	var due string
	if !t.DueOn.IsZero() {
		due = "due " + t.DueOn.String()
	}
	return Doc{
		ID:      t.ID,
		Kind:    KindTask,
		Title:   t.Title,
		Context: join(contextSep, join(" ", what, "in", caseRef), t.Status.Label(), due),
		CaseRef: caseRef,
		Fields:  fields(t.Title, t.Description, t.Partner, t.AssignedTo, t.LegalBasis),
	}
}

// noteLineMax is the longest note line kept as one field. Longer lines are
// cut at a space, so that a match deep in a long paragraph is not lost to
// the length penalty and can be shown with its words around it.
const noteLineMax = 400

// NoteDoc is how a note of case caseRef is found: by any line of its text.
// Each line is a field, so a hit shows the line that matched.
func NoteDoc(n model.Note, caseRef string) Doc {
	var f []string
	for line := range strings.Lines(n.Body) {
		for line = strings.TrimSpace(line); line != ""; {
			cut := len(line)
			if cut > noteLineMax {
				cut = strings.LastIndexByte(line[:noteLineMax], ' ')
				if cut <= 0 {
					cut = noteLineMax
					for !utf8.RuneStart(line[cut]) {
						cut--
					}
				}
			}
			f = append(f, strings.TrimSpace(line[:cut]))
			line = strings.TrimSpace(line[cut:])
		}
	}
	var title string
	if len(f) > 0 {
		title = shorten(f[0], 80)
	}
	var when string
	if !n.CreatedAt.IsZero() {
		when = n.CreatedAt.Format("2006-01-02")
	}
	return Doc{
		ID:      n.ID,
		Kind:    KindNote,
		Title:   title,
		Context: join(contextSep, join(" ", "note in", caseRef), when, n.CreatedBy.Name),
		CaseRef: caseRef,
		Fields:  f,
	}
}

// EvidenceDoc is how an exhibit of case caseRef is found: by its exhibit
// ref, description, seal number, storage location and the names of the
// files attached to it.
func EvidenceDoc(e model.EvidenceItem, caseRef string) Doc {
	f := fields(e.ExhibitRef, e.Description, e.SealNumber, e.StorageLocation)
	for _, a := range e.Attachments {
		f = append(f, fields(a.Name)...)
	}
	var seal string
	if e.SealNumber != "" {
		seal = "seal " + e.SealNumber
	}
	return Doc{
		ID:      e.ID,
		Kind:    KindEvidence,
		Title:   join(" ", e.ExhibitRef, e.Description),
		Context: join(contextSep, join(" ", string(e.Kind), "exhibit in", caseRef), seal, e.StorageLocation),
		CaseRef: caseRef,
		Fields:  f,
	}
}

// fields keeps the non-blank texts, trimmed.
func fields(texts ...string) []string {
	out := make([]string, 0, len(texts))
	for _, t := range texts {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// join joins the non-blank parts with sep.
func join(sep string, parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}

// labelled puts an identifier's label before it, "IMO 9074729", unless it
// is empty.
func labelled(label, value string) string {
	if value == "" {
		return ""
	}
	return label + " " + value
}

// firstOf returns the first non-empty string.
func firstOf(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// shorten cuts s to at most max characters, ending it with an ellipsis when cut.
func shorten(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:max-1])) + "…"
}
