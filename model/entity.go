package model

import (
	"crypto/sha1"
	"fmt"
	"strings"
	"time"
)

// EntityKind is what an entity is: a person, a company, a ship, a box...
type EntityKind string

// The entity kinds.
const (
	KindPerson       EntityKind = "person"
	KindOrganisation EntityKind = "organisation"
	KindVessel       EntityKind = "vessel"
	KindContainer    EntityKind = "container"
	KindVehicle      EntityKind = "vehicle"
	KindAddress      EntityKind = "address"
	KindPhone        EntityKind = "phone"
	KindEmail        EntityKind = "email"
	KindBankAccount  EntityKind = "bank_account"
	KindWallet       EntityKind = "crypto_wallet"
)

// EntityKinds lists every entity kind.
var EntityKinds = []EntityKind{
	KindPerson, KindOrganisation, KindVessel, KindContainer, KindVehicle,
	KindAddress, KindPhone, KindEmail, KindBankAccount, KindWallet,
}

var kindLabels = map[EntityKind]string{KindEmail: "e-mail", KindBankAccount: "bank account", KindWallet: "crypto wallet"}

// Label is the kind as the officer reads it.
func (k EntityKind) Label() string { return labelOf(kindLabels, k) }

// ParseEntityKind accepts a kind's code or label.
func ParseEntityKind(s string) (EntityKind, error) {
	return parseChoice("kind", s, EntityKinds, kindLabels)
}

// Entity is a person, company, vessel, container, vehicle, address, phone,
// e-mail address, bank account or wallet. Entities are shared across cases:
// the same shell company or vessel appears in many, and that is how cases
// are connected.
type Entity struct {
	Record
	Kind    EntityKind `json:"kind"`
	Name    string     `json:"name"`
	Aliases []string   `json:"aliases"`
	Country string     `json:"country"`
	Notes   string     `json:"notes"`
	Identifiers
}

// Identifiers are the numbers that identify an entity of a given kind. Each
// is optional; the ones a standard defines a check for are checked.
type Identifiers struct {
	// person
	BirthDate      Date   `json:"birth_date,omitzero"`
	Nationality    string `json:"nationality,omitempty"`
	DocumentNumber string `json:"document_number,omitempty"` // ID card or passport
	// organisation
	RegistrationNumber string `json:"registration_number,omitempty"`
	VATNumber          string `json:"vat_number,omitempty"`
	EORI               string `json:"eori,omitempty"`
	LEI                string `json:"lei,omitempty"`
	// vessel
	IMO      string `json:"imo,omitempty"`
	MMSI     string `json:"mmsi,omitempty"`
	CallSign string `json:"call_sign,omitempty"`
	Flag     string `json:"flag,omitempty"`
	// container
	ContainerNumber string `json:"container_number,omitempty"`
	// vehicle
	Plate string `json:"plate,omitempty"`
	VIN   string `json:"vin,omitempty"`
	// phone, e-mail, bank account, wallet
	Phone         string `json:"phone,omitempty"`
	Email         string `json:"email,omitempty"`
	IBAN          string `json:"iban,omitempty"`
	WalletAddress string `json:"wallet_address,omitempty"`
}

// Validate checks the entity and normalises its identifiers. For the kinds
// whose name is the identifier (container, phone, e-mail, wallet), either
// one may be typed and the other is filled from it; a bank account without
// a name is named by its IBAN.
func (e *Entity) Validate(now time.Time) error {
	p := problems{record: string(e.Kind) + " " + shorten(e.Name)}
	p.add("kind", checkChoice("kind", e.Kind, EntityKinds))
	e.Name = strings.TrimSpace(e.Name)
	switch e.Kind {
	case KindContainer:
		nameFromIdentifier(&e.Name, &e.ContainerNumber)
	case KindPhone:
		nameFromIdentifier(&e.Name, &e.Phone)
	case KindEmail:
		nameFromIdentifier(&e.Name, &e.Email)
	case KindBankAccount:
		if e.Name == "" {
			e.Name = strings.TrimSpace(e.IBAN) // an account may have no IBAN, so not the other way
		}
	case KindWallet:
		nameFromIdentifier(&e.Name, &e.WalletAddress)
	}
	p.require("name", e.Name)
	p.add("name", checkLength("name", e.Name, 300))
	e.Aliases = tidyList(e.Aliases)
	normalizeInto(&p, "country", &e.Country, NormalizeCountry)

	id := &e.Identifiers
	p.add("birth date", checkNotFuture("birth date", id.BirthDate, now))
	normalizeInto(&p, "nationality", &id.Nationality, NormalizeCountry)
	normalizeInto(&p, "LEI", &id.LEI, NormalizeLEI)
	normalizeInto(&p, "IMO number", &id.IMO, NormalizeIMO)
	normalizeInto(&p, "MMSI", &id.MMSI, NormalizeMMSI)
	normalizeInto(&p, "flag", &id.Flag, NormalizeCountry)
	normalizeInto(&p, "container number", &id.ContainerNumber, NormalizeContainerNumber)
	normalizeInto(&p, "VIN", &id.VIN, NormalizeVIN)
	normalizeInto(&p, "phone number", &id.Phone, NormalizePhone)
	normalizeInto(&p, "e-mail address", &id.Email, NormalizeEmail)
	normalizeInto(&p, "IBAN", &id.IBAN, NormalizeIBAN)
	for _, s := range []*string{&id.DocumentNumber, &id.RegistrationNumber, &id.VATNumber, &id.EORI, &id.CallSign, &id.Plate} {
		*s = strings.ToUpper(strings.TrimSpace(*s))
	}
	id.WalletAddress = strings.TrimSpace(id.WalletAddress) // case-sensitive: left as typed
	return p.err()
}

// nameFromIdentifier fills an empty name from the identifier or the
// identifier from the name, for kinds where the two are the same thing.
func nameFromIdentifier(name, identifier *string) {
	*name, *identifier = strings.TrimSpace(*name), strings.TrimSpace(*identifier)
	switch {
	case *name == "" && *identifier != "":
		*name = *identifier
	case *identifier == "" && *name != "":
		*identifier = *name
	}
}

// CaseRole is the part an entity plays in a case.
type CaseRole string

// The case roles.
const (
	RoleSuspect         CaseRole = "suspect"
	RoleConsignor       CaseRole = "consignor"
	RoleConsignee       CaseRole = "consignee"
	RoleImporter        CaseRole = "importer"
	RoleExporter        CaseRole = "exporter"
	RoleDeclarant       CaseRole = "declarant"
	RoleFreightForwader CaseRole = "freight_forwarder"
	RoleCarrier         CaseRole = "carrier"
	RoleOwner           CaseRole = "owner"
	RoleWitness         CaseRole = "witness"
	RoleOther           CaseRole = "other"
)

// CaseRoles lists every case role.
var CaseRoles = []CaseRole{
	RoleSuspect, RoleConsignor, RoleConsignee, RoleImporter, RoleExporter, RoleDeclarant,
	RoleFreightForwader, RoleCarrier, RoleOwner, RoleWitness, RoleOther,
}

// Label is the role as the officer reads it.
func (r CaseRole) Label() string { return labelOf(nil, r) }

// ParseCaseRole accepts a role's code or label.
func ParseCaseRole(s string) (CaseRole, error) { return parseChoice("role", s, CaseRoles, nil) }

// CaseLink says that an entity plays a role in a case.
type CaseLink struct {
	Record
	CaseID   string   `json:"case_id"`
	EntityID string   `json:"entity_id"`
	Role     CaseRole `json:"role"`
	Note     string   `json:"note"`
}

// Validate checks the link.
func (l *CaseLink) Validate() error {
	p := problems{record: "case link"}
	p.require("case", l.CaseID)
	p.require("entity", l.EntityID)
	p.add("role", checkChoice("role", l.Role, CaseRoles))
	return p.err()
}

// LinkID is the ID of the link of an entity to a case: the same on every
// laptop, so that two agencies linking the same entity to the same case
// make one link, whose role the merge compares, instead of two (a UUID
// named by the case and the entity, version 5 of RFC 4122 in form).
func LinkID(caseID, entityID string) string {
	sum := sha1.Sum([]byte("bollard case link\x00" + caseID + "\x00" + entityID))
	b := sum[:16]
	b[6] = b[6]&0x0f | 0x50 // version 5
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
