package exchange

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"bollard/app"
	"bollard/model"
)

// FTMEntity is one FollowTheMoney entity: an ID, a schema and multi-valued
// string properties, as Aleph and the other FtM tools read them, one JSON
// object a line. docs/ftm-export.md gives the mapping from Bollard's records.
type FTMEntity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

// FTMSummary counts what WriteFTM wrote, by schema, and what it left out.
type FTMSummary struct {
	Entities int            `json:"entities"`
	Schemata map[string]int `json:"schemata"`
	// Folded are phones and e-mail addresses written as properties of the
	// persons and companies that use them; LeftOut are those with no one to
	// fold into (FtM has no entity for a phone or an e-mail address).
	Folded  int `json:"folded"`
	LeftOut int `json:"left_out"`
	// AsText are relations between two things that are neither a person
	// nor a company (a container and a vessel): FtM has no link for them,
	// so they are written in words in the first one's description.
	AsText int `json:"relations_as_text"`
	// StandIns are bank accounts that pay or are paid but whose holder the
	// export does not name: each is given a stand-in LegalEntity, "Holder of
	// account …", as its payments' payer or beneficiary (ftmpayment.go).
	StandIns int `json:"account_holders_stood_in"`
}

// ftmIDPrefix marks Bollard's entities in a partner's FtM dataset; the
// rest of an ID is the record's own UUID, so that an export made again, or
// by another workspace holding the same case, gives the same IDs.
const ftmIDPrefix = "bollard-"

func ftmID(uuid string) string { return ftmIDPrefix + uuid }

// ftmSchemaOf is the FtM schema of each kind of entity. Phones and e-mail
// addresses have none: they become properties of who uses them.
var ftmSchemaOf = map[model.EntityKind]string{
	model.KindPerson:       "Person",
	model.KindOrganisation: "Company",
	model.KindVessel:       "Vessel",
	model.KindContainer:    "Vehicle",
	model.KindVehicle:      "Vehicle",
	model.KindAddress:      "Address",
	model.KindBankAccount:  "BankAccount",
	model.KindWallet:       "CryptoWallet",
}

// legalEntity reports whether entities of the schema can own, direct,
// employ and take part (FtM's LegalEntity and its descendants).
func ftmLegal(schema string) bool { return schema == "Person" || schema == "Company" }

// asset reports whether entities of the schema can be owned (FtM's Asset).
func ftmAsset(schema string) bool {
	return schema == "Company" || schema == "Vessel" || schema == "Vehicle" || schema == "BankAccount"
}

// ftmWriter builds the entities of one export.
type ftmWriter struct {
	entities []*FTMEntity
	byID     map[string]*FTMEntity // by FtM ID
	kindOf   map[string]model.Entity
	holders  map[string][]string // bank account → its owners, by FtM ID (accountHolders)
	sum      FTMSummary
}

func (w *ftmWriter) add(e *FTMEntity) {
	if _, dup := w.byID[e.ID]; dup {
		return // an entity or relation shared by two of the exported cases
	}
	w.byID[e.ID] = e
	w.entities = append(w.entities, e)
}

// set adds values to a property, leaving out empty ones and repeats.
func ftmSet(e *FTMEntity, prop string, values ...string) {
	for _, v := range values {
		v = strings.TrimSpace(v)
		if v == "" || slices.Contains(e.Properties[prop], v) {
			continue
		}
		e.Properties[prop] = append(e.Properties[prop], v)
	}
}

func newFTM(id, schema string) *FTMEntity {
	return &FTMEntity{ID: id, Schema: schema, Properties: map[string][]string{}}
}

// FTMEntities turns the cases into FollowTheMoney entities: each case as a
// Project, its seizures as Events, its persons, companies, vessels,
// containers, vehicles, addresses, bank accounts and wallets, the part each
// plays in the case, and the relations between them.
func FTMEntities(files ...app.CaseFile) ([]FTMEntity, FTMSummary) {
	w := &ftmWriter{byID: map[string]*FTMEntity{}, kindOf: map[string]model.Entity{}, sum: FTMSummary{Schemata: map[string]int{}}}
	var contacts []model.Entity // phones and e-mail addresses, folded in at the end
	var rels []model.Relation
	for _, f := range files {
		project := ftmCase(f.Case)
		w.add(project)
		for _, s := range f.Seizures {
			w.add(ftmSeizure(s, f.Case))
		}
		for _, ce := range f.Entities {
			e := ce.Entity
			w.kindOf[e.ID] = e
			schema, ok := ftmSchemaOf[e.Kind]
			if !ok {
				contacts = append(contacts, e)
				continue
			}
			w.add(ftmEntity(e, schema))
			if link := ftmCaseLink(ce.Link, project, e, schema); link != nil {
				w.add(link)
			} else {
				// FtM lets only persons and companies take part in a
				// project: the part a vessel or an account plays is said
				// on the entity itself.
				role := f.Case.Ref + ": " + ce.Link.Role.Label()
				if ce.Link.Note != "" {
					role += " (" + ce.Link.Note + ")"
				}
				ftmSet(w.byID[ftmID(e.ID)], "summary", role)
			}
		}
		rels = append(rels, f.Relations...)
	}
	w.holders = w.accountHolders(rels)
	folded := map[string]bool{}
	for _, r := range rels {
		if w.foldContact(r, folded) {
			continue
		}
		if e := w.relation(r); e != nil {
			w.add(e)
		}
	}
	for _, c := range contacts {
		if folded[c.ID] {
			w.sum.Folded++
		} else {
			w.sum.LeftOut++
		}
	}
	out := make([]FTMEntity, len(w.entities))
	for i, e := range w.entities {
		out[i] = *e
		w.sum.Schemata[e.Schema]++
	}
	w.sum.Entities = len(out)
	return out, w.sum
}

// WriteFTM writes the cases as FollowTheMoney entities, one JSON object a
// line (the form `ftm` and Aleph's importer read).
func WriteFTM(out io.Writer, files ...app.CaseFile) (FTMSummary, error) {
	entities, sum := FTMEntities(files...)
	bw := bufio.NewWriter(out)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, e := range entities {
		if err := enc.Encode(e); err != nil {
			return sum, err
		}
	}
	return sum, bw.Flush()
}

// ftmCase is the case as a Project: FtM's activity carried out by a group
// of participants.
func ftmCase(c model.Case) *FTMEntity {
	p := newFTM(ftmID(c.ID), "Project")
	name := c.Title
	if c.OperationName != "" {
		name = c.Title + " (" + c.OperationName + ")"
	}
	ftmSet(p, "name", name)
	ftmSet(p, "alias", c.OperationName)
	ftmSet(p, "projectId", c.Ref)
	ftmSet(p, "summary", c.Summary)
	ftmSet(p, "startDate", ftmDate(c.OpenedOn))
	ftmSet(p, "endDate", ftmDate(c.ClosedOn))
	var threats []string
	for _, t := range c.ThreatTypes {
		threats = append(threats, t.Label())
	}
	ftmSet(p, "keywords", threats...)
	ftmSet(p, "keywords", c.Corridor.Label(), c.HandlingMarking, "case "+c.Status.Label())
	ftmSet(p, "publisher", c.LeadAgency)
	ftmSet(p, "modifiedAt", c.UpdatedAt.UTC().Format("2006-01-02T15:04:05"))
	return p
}

// ftmSeizure is a seizure as an Event at its place and time.
func ftmSeizure(s model.Seizure, c model.Case) *FTMEntity {
	e := newFTM(ftmID(s.ID), "Event")
	what := s.Description
	if what == "" {
		what = s.Category.Label()
	}
	ftmSet(e, "name", fmt.Sprintf("Seizure %s %s: %s %s %s", c.Ref, s.Ref, formatQuantity(s.Quantity), s.Unit, what))
	ftmSet(e, "date", s.SeizedAt.UTC().Format("2006-01-02T15:04:05"))
	place := s.PlaceName
	if s.LOCODE != "" {
		place += " (" + model.FormatLOCODE(s.LOCODE) + ")"
	}
	ftmSet(e, "location", place)
	ftmSet(e, "country", ftmCountry(s.Country))
	var lines []string
	add := func(label, v string) {
		if strings.TrimSpace(v) != "" {
			lines = append(lines, label+": "+v)
		}
	}
	add("Commodity", s.Category.Label()+" — "+s.Description)
	add("HS code", s.HSCode)
	add("Quantity", formatQuantity(s.Quantity)+" "+string(s.Unit))
	if s.EstimatedValue > 0 {
		add("Estimated value", formatQuantity(s.EstimatedValue)+" "+s.Currency)
	}
	add("Transport mode", s.TransportMode.Label())
	add("Concealment", s.Concealment)
	if s.Detection != "" {
		add("Detection", s.Detection.Label())
	}
	add("Containers", strings.Join(s.ContainerNumbers, ", "))
	add("Seals", strings.Join(s.SealNumbers, ", "))
	add("Bill of lading / air waybill", s.TransportDocument)
	route := []string{s.OriginCountry}
	route = append(route, s.TransitCountries...)
	route = append(route, s.DestinationCountry)
	if r := strings.Trim(strings.Join(route, " → "), " →"); r != "" {
		add("Route", r)
	}
	ftmSet(e, "summary", s.Category.Label()+", "+formatQuantity(s.Quantity)+" "+string(s.Unit))
	ftmSet(e, "description", strings.Join(lines, "\n"))
	ftmSet(e, "notes", s.Notes)
	ftmSet(e, "keywords", s.Category.Label(), s.TransportMode.Label())
	return e
}

func formatQuantity(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// ftmEntity is an entity with the identifiers its schema has a property for.
func ftmEntity(e model.Entity, schema string) *FTMEntity {
	f := newFTM(ftmID(e.ID), schema)
	id := e.Identifiers
	ftmSet(f, "name", e.Name)
	ftmSet(f, "alias", e.Aliases...)
	ftmSet(f, "country", ftmCountry(e.Country))
	ftmSet(f, "notes", e.Notes)
	switch e.Kind {
	case model.KindPerson:
		ftmSet(f, "birthDate", ftmDate(id.BirthDate))
		ftmSet(f, "nationality", ftmCountry(id.Nationality))
		ftmSet(f, "idNumber", id.DocumentNumber)
	case model.KindOrganisation:
		ftmSet(f, "registrationNumber", id.RegistrationNumber)
		ftmSet(f, "vatCode", id.VATNumber)
		ftmSet(f, "leiCode", id.LEI)
		ftmSet(f, "jurisdiction", ftmCountry(e.Country))
		if id.EORI != "" {
			ftmSet(f, "registrationNumber", id.EORI) // the EU customs registration
			ftmSet(f, "classification", "EORI "+id.EORI)
		}
	case model.KindVessel:
		if id.IMO != "" {
			ftmSet(f, "imoNumber", "IMO"+strings.TrimPrefix(id.IMO, "IMO"))
		}
		ftmSet(f, "mmsi", id.MMSI)
		ftmSet(f, "callSign", id.CallSign)
		ftmSet(f, "flag", ftmCountry(id.Flag))
	case model.KindContainer:
		ftmSet(f, "type", "Shipping container (ISO 6346)")
		ftmSet(f, "registrationNumber", id.ContainerNumber)
	case model.KindVehicle:
		ftmSet(f, "registrationNumber", id.Plate)
		if id.VIN != "" {
			ftmSet(f, "description", "VIN "+id.VIN) // FtM's Vehicle has no VIN property
		}
	case model.KindAddress:
		ftmSet(f, "full", e.Name)
	case model.KindBankAccount:
		ftmSet(f, "iban", id.IBAN)
		ftmSet(f, "accountNumber", id.IBAN)
	case model.KindWallet:
		ftmSet(f, "publicKey", id.WalletAddress)
	}
	return f
}

// ftmCaseLink is the part a person or company plays in the case, as a
// ProjectParticipant; nil for any other entity, which FtM does not let
// take part in a project.
func ftmCaseLink(l model.CaseLink, project *FTMEntity, e model.Entity, schema string) *FTMEntity {
	if !ftmLegal(schema) {
		return nil
	}
	f := newFTM(ftmID(l.ID), "ProjectParticipant")
	ftmSet(f, "project", project.ID)
	ftmSet(f, "participant", ftmID(e.ID))
	ftmSet(f, "role", l.Role.Label())
	ftmSet(f, "summary", l.Note)
	ftmSet(f, "date", l.CreatedAt.UTC().Format("2006-01-02"))
	return f
}

// foldContact writes a phone or e-mail address into the person or company
// at the other end of the relation, reporting whether r was such a relation.
func (w *ftmWriter) foldContact(r model.Relation, folded map[string]bool) bool {
	from, to := w.kindOf[r.FromID], w.kindOf[r.ToID]
	contact, holder := to, from
	if !isContact(contact.Kind) {
		contact, holder = from, to
	}
	if !isContact(contact.Kind) {
		return false
	}
	if target, ok := w.byID[ftmID(holder.ID)]; ok && ftmLegal(target.Schema) {
		if contact.Kind == model.KindPhone {
			ftmSet(target, "phone", contact.Phone)
		} else {
			ftmSet(target, "email", contact.Email)
		}
		folded[contact.ID] = true
	}
	return true
}

func isContact(k model.EntityKind) bool { return k == model.KindPhone || k == model.KindEmail }

// relation is the FtM interval for a relation, or nil when one end was not
// exported. The relation's own schema is used where its ends fit it; any
// other becomes an UnknownLink whose role says what it was.
func (w *ftmWriter) relation(r model.Relation) *FTMEntity {
	from, okFrom := w.byID[ftmID(r.FromID)]
	to, okTo := w.byID[ftmID(r.ToID)]
	if !okFrom || !okTo {
		return nil
	}
	id := ftmID(r.ID)
	var f *FTMEntity
	switch {
	case r.Type == model.RelOwns && ftmLegal(from.Schema) && ftmAsset(to.Schema):
		f = newFTM(id, "Ownership")
		ftmSet(f, "owner", from.ID)
		ftmSet(f, "asset", to.ID)
	case r.Type == model.RelDirects && ftmLegal(from.Schema) && to.Schema == "Company":
		f = newFTM(id, "Directorship")
		ftmSet(f, "director", from.ID)
		ftmSet(f, "organization", to.ID)
		ftmSet(f, "role", "director")
	case r.Type == model.RelEmploys && from.Schema == "Company" && to.Schema == "Person":
		f = newFTM(id, "Employment")
		ftmSet(f, "employer", from.ID)
		ftmSet(f, "employee", to.ID)
	case r.Type == model.RelFamily && from.Schema == "Person" && to.Schema == "Person":
		f = newFTM(id, "Family")
		ftmSet(f, "person", from.ID)
		ftmSet(f, "relative", to.ID)
	case r.Type == model.RelAssociate && from.Schema == "Person" && to.Schema == "Person":
		f = newFTM(id, "Associate")
		ftmSet(f, "person", from.ID)
		ftmSet(f, "associate", to.ID)
	case r.Type == model.RelPays && ftmPayable(from.Schema) && ftmPayable(to.Schema):
		f = w.payment(id, from, to) // ftmpayment.go: an account pays through its holder
	case r.Type == model.RelLocatedAt && to.Schema == "Address":
		ftmSet(from, "addressEntity", to.ID)
		ftmSet(from, "address", ftmFirst(to.Properties["full"]))
		if !ftmLegal(from.Schema) {
			return nil
		}
		f = newFTM(id, "UnknownLink")
		ftmSet(f, "subject", from.ID)
		ftmSet(f, "object", to.ID)
		ftmSet(f, "role", r.Type.Label())
	case !ftmLegal(from.Schema) && !ftmLegal(to.Schema):
		// FtM links need a person or company at one end: a relation
		// between two things (a container and a vessel) is said in words
		// on the first of them.
		ftmSet(from, "description", relationSentence(r, from, to))
		w.sum.AsText++
		return nil
	default:
		// UnknownLink's subject is a person or company: the relation is
		// turned around when only its object is one, and its role still
		// reads from the first entity to the second.
		subject, object := from, to
		if !ftmLegal(from.Schema) && ftmLegal(to.Schema) {
			subject, object = to, from
		}
		f = newFTM(id, "UnknownLink")
		ftmSet(f, "subject", subject.ID)
		ftmSet(f, "object", object.ID)
		ftmSet(f, "role", r.Type.Label())
	}
	ftmSet(f, "startDate", ftmDate(r.Since))
	ftmSet(f, "endDate", ftmDate(r.Until))
	ftmSet(f, "description", relationSentence(r, from, to))
	summary := []string{"Grading " + r.Grading()}
	if r.Source != "" {
		summary = append(summary, "source: "+r.Source)
	}
	ftmSet(f, "summary", strings.Join(summary, "; "))
	ftmSet(f, "description", r.Note) // FtM's intervals have no notes
	return f
}

// relationSentence says a relation in words, from its first entity to its
// second: "MSCU1234566 uses MSC ANNA (since 2026-01-04)".
func relationSentence(r model.Relation, from, to *FTMEntity) string {
	s := fmt.Sprintf("%s %s %s", ftmFirst(from.Properties["name"]), r.Type.Label(), ftmFirst(to.Properties["name"]))
	var when []string
	if !r.Since.IsZero() {
		when = append(when, "since "+r.Since.String())
	}
	if !r.Until.IsZero() {
		when = append(when, "until "+r.Until.String())
	}
	if len(when) > 0 {
		s += " (" + strings.Join(when, ", ") + ")"
	}
	return s
}

func ftmFirst(values []string) string {
	if len(values) == 0 {
		return ""
	}
	return values[0]
}

// ftmCountry writes a country as FtM does: the ISO code in lower case.
func ftmCountry(code string) string { return strings.ToLower(code) }

func ftmDate(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// ftmSchemata are the schemata WriteFTM writes and the properties it may
// give each, with FtM's spelling: the tests check every line against them.
var ftmSchemata = func() map[string][]string {
	thing := []string{"name", "alias", "country", "notes", "summary", "description", "keywords", "address", "addressEntity", "publisher", "modifiedAt"}
	legal := append(slices.Clone(thing), "email", "phone", "registrationNumber", "idNumber", "vatCode", "leiCode", "jurisdiction", "classification")
	interval := []string{"startDate", "endDate", "date", "summary", "description"}
	interest := append(slices.Clone(interval), "role", "status")
	with := func(base []string, extra ...string) []string { return append(slices.Clone(base), extra...) }
	m := map[string][]string{
		"Project":            with(thing, "projectId", "startDate", "endDate"),
		"Event":              with(thing, "date", "location"),
		"Person":             with(legal, "birthDate", "nationality"),
		"Company":            legal,
		"LegalEntity":        legal, // the stand-in holder of an account (ftmpayment.go)
		"Vessel":             with(thing, "imoNumber", "mmsi", "callSign", "flag"),
		"Vehicle":            with(thing, "type", "registrationNumber"),
		"Address":            with(thing, "full"),
		"BankAccount":        with(thing, "iban", "accountNumber"),
		"CryptoWallet":       with(thing, "publicKey"),
		"ProjectParticipant": with(interest, "project", "participant"),
		"UnknownLink":        with(interest, "subject", "object"),
		"Ownership":          with(interest, "owner", "asset"),
		"Directorship":       with(interest, "director", "organization"),
		"Employment":         with(interest, "employer", "employee"),
		"Family":             with(interval, "person", "relative"),
		"Associate":          with(interval, "person", "associate"),
		"Payment":            with(interval, "payer", "beneficiary", "payerAccount", "beneficiaryAccount"),
	}
	for _, props := range m {
		sort.Strings(props)
	}
	return m
}()

// FTMSchemaProperties are the properties WriteFTM may give entities of a
// schema, for a test or a tool to check an export against; nil for a schema
// it does not write.
func FTMSchemaProperties(schema string) []string { return slices.Clone(ftmSchemata[schema]) }

// FTMEntityProperties are the properties of each schema that name another
// entity by its ID.
var FTMEntityProperties = []string{
	"addressEntity", "project", "participant", "subject", "object", "owner", "asset", "director", "organization",
	"employer", "employee", "person", "relative", "associate", "payer", "beneficiary", "payerAccount", "beneficiaryAccount",
}
